/**
 * Slash commands in the composer (docs/commands.md): "/" at the start of the text lists the
 * workspace's commands (word, usage, description; Up/Down, Enter or Tab picks, Escape closes);
 * sending "/word text" runs the command instead of posting the text ("//text" posts "/text").
 * An in-channel answer arrives as any message; everything else (an ephemeral answer, an unknown
 * command, a failure) is drawn below the messages for this person only, marked "Only visible
 * to you", until dismissed or the conversation is left: it is never stored.
 *
 * chatCommands({ input, channelId, workspaceId: () => id }) returns
 * { el, isCommand(text), literal(text), run(text), close(), detach() }.
 */
import { listCommands, runCommand } from '../api.js';
import { bind, tx } from '../i18n.js';
import { h } from '../dom.js';
import { describeError } from '../forms.js';

const MAX_OPTIONS = 8;
let pickerSeq = 0;

/** "/word…" but not "//…": a command to run. */
export function isCommand(text) {
  return text.startsWith('/') && !text.startsWith('//') && text.trim().length > 1;
}

/** What to post for a text that is not a command: "//text" is the escape for "/text". */
export function literal(text) {
  return text.startsWith('//') ? text.slice(1) : text;
}

export function chatCommands({ input, channelId, workspaceId }) {
  const id = `command-picker-${++pickerSeq}`;
  const picker = h('ul', { class: 'mention-picker command-picker', id, role: 'listbox', testid: 'command-picker', hidden: true });
  bind(picker, { attrs: { 'aria-label': tx('commands.pickerLabel') } });
  const notes = h('div', { class: 'chat-ephemeral-list', testid: 'chat-ephemeral-list', 'aria-live': 'polite' });
  let known = null;
  let loading = null;
  let shown = [];
  let active = 0;

  function load() {
    if (known) return Promise.resolve(known);
    if (!loading) {
      const ws = workspaceId();
      loading = (ws ? listCommands(ws) : Promise.resolve([]))
        .then((found) => {
          known = found ?? [];
          return known;
        })
        .catch(() => [])
        .finally(() => {
          loading = null;
        });
    }
    return loading;
  }

  function query() {
    const text = input.value;
    const match = /^\/([a-z0-9_-]{0,32})$/i.exec(text);
    return match ? match[1].toLowerCase() : null;
  }

  async function update() {
    const q = query();
    if (q === null) return close();
    const all = await load();
    if (query() !== q) return undefined;
    shown = all.filter((c) => c.word.startsWith(q)).slice(0, MAX_OPTIONS);
    if (!shown.length) return close();
    active = Math.min(active, shown.length - 1);
    render();
    return undefined;
  }

  function place() {
    if (!picker.isConnected) input.after(picker);
    const rect = input.getBoundingClientRect();
    picker.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - 328))}px`;
    picker.style.width = `${Math.min(320, window.innerWidth - 16)}px`;
    picker.style.top = '';
    picker.style.bottom = `${window.innerHeight - rect.top + 4}px`;
  }

  function render() {
    picker.replaceChildren(
      ...shown.map((command, i) => {
        const option = h(
          'li',
          { role: 'option', class: 'mention-option command-option', id: `${id}-${i}`, testid: 'command-option', 'aria-selected': String(i === active), dataset: { word: command.word } },
          h('span', { class: 'command-option-head' },
            h('code', { class: 'command-word', text: `/${command.word}` }),
            command.usage ? h('span', { class: 'command-usage', text: command.usage }) : null),
          command.description ? h('span', { class: 'command-option-description', text: command.description }) : null,
        );
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          pick(command);
        });
        return option;
      }),
    );
    picker.hidden = false;
    place();
    input.setAttribute('aria-activedescendant', `${id}-${active}`);
  }

  function close() {
    picker.hidden = true;
    shown = [];
    active = 0;
    input.removeAttribute('aria-activedescendant');
  }

  function pick(command) {
    input.value = `/${command.word} `;
    input.setSelectionRange(input.value.length, input.value.length);
    close();
    input.focus();
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  // Capture, as the mention picker: before the composer's own Enter (send).
  function onKeydown(event) {
    if (picker.hidden || event.isComposing || event.keyCode === 229) return;
    let handled = true;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      active = (active + (event.key === 'ArrowDown' ? 1 : -1) + shown.length) % shown.length;
      render();
    } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      pick(shown[active]);
    } else if (event.key === 'Escape') {
      close();
    } else {
      handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }
  const onInput = () => update();
  const onBlur = () => setTimeout(() => document.activeElement !== input && close(), 150);
  input.addEventListener('keydown', onKeydown, true);
  input.addEventListener('input', onInput);
  input.addEventListener('blur', onBlur);

  /** A note for this person only: the command, what it said (plain text), "Only visible to you", a dismiss button. */
  function note(command, text, failed) {
    const dismiss = h('button', { type: 'button', class: 'btn btn-ghost btn-sm chat-ephemeral-dismiss', testid: 'chat-ephemeral-dismiss', i18n: 'commands.dismiss' });
    const item = h(
      'div',
      { class: `chat-ephemeral${failed ? ' chat-ephemeral-failed' : ''}`, testid: 'chat-ephemeral', role: 'status' },
      h('div', { class: 'chat-ephemeral-head' },
        h('code', { class: 'command-word', text: command }),
        h('span', { class: 'badge chat-ephemeral-badge', testid: 'chat-ephemeral-badge', i18n: 'commands.onlyYou' }),
        dismiss),
      typeof text === 'string' ? h('p', { class: 'chat-text chat-ephemeral-text', testid: 'chat-ephemeral-text', text }) : bind(h('p', { class: 'chat-text chat-ephemeral-text', testid: 'chat-ephemeral-text' }), { text }),
    );
    dismiss.addEventListener('click', () => item.remove());
    notes.append(item);
    item.scrollIntoView?.({ block: 'nearest' });
  }

  /** Runs the typed command; shows what is for this person only. */
  async function run(text) {
    close();
    const word = text.trim().split(/\s+/)[0];
    try {
      const result = await runCommand(channelId, text.trim());
      const command = result.command ?? word;
      if (result.outcome === 'POSTED' || result.outcome === 'ACKNOWLEDGED') return;
      if (result.outcome === 'EPHEMERAL') note(command, result.text, false);
      else note(command, tx(`commands.outcome.${result.outcome}`, { command }), true);
    } catch (err) {
      if (err.sessionEnded) return;
      note(word, describeError(err), true);
    }
  }

  return {
    el: notes,
    isCommand,
    literal,
    run,
    close,
    /** Commands may have changed (settings); read them again at the next "/". */
    forget() {
      known = null;
    },
    detach() {
      input.removeEventListener('keydown', onKeydown, true);
      input.removeEventListener('input', onInput);
      input.removeEventListener('blur', onBlur);
      picker.remove();
    },
  };
}


