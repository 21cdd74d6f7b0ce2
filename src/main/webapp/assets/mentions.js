/**
 * The mention picker: "@" and a few letters in a textarea list the people who can read where the
 * text goes (a channel, a board; the list comes from the server, which asks the same policy that
 * decides who a mention notifies). Up/Down move, Enter or Tab picks, Escape closes, the mouse
 * picks too. While an input method composes (Hangul), keys belong to it: nothing is picked and
 * the list follows what is being typed.
 *
 * Two forms: `markdown` inserts the stored id form `@[Name](accountId)` (card descriptions and
 * comments); `name` inserts `@Name ` and the caller asks {@link MentionPicker#mentionedIn} which
 * known people the text names (chat, whose message carries the ids beside its text).
 *
 * attachMentions(textarea, { people: () => Promise<[{ accountId, displayName }]>, form, exclude, optionTestid })
 * returns { mentionedIn(text), close(), detach() }.
 */
import { h, initialOf } from './dom.js';
import { bind, tx } from './i18n.js';

const MAX_OPTIONS = 8;
const QUERY = /(^|[\s([{])@([^\s@[\]()]{0,30})$/u;
let pickerSeq = 0;

/** Lower case, NFC, so "be" finds "Bella" and a composed "민" finds "김민지". */
function fold(text) {
  return String(text ?? '').normalize('NFC').toLocaleLowerCase();
}

/**
 * Ids of the people the text names as `@Name`, at most 50: all names are tried together, longest
 * first, and each match is taken out of the text, so "@Kim Minji" never also counts as "@Kim".
 */
export function namesIn(text, people, exclude = null) {
  const byId = new Map();
  for (const person of people) {
    if (person?.displayName && person.accountId !== exclude && !byId.has(person.accountId)) byId.set(person.accountId, person);
  }
  const ids = [];
  let rest = String(text ?? '');
  for (const person of [...byId.values()].sort((a, b) => b.displayName.length - a.displayName.length)) {
    const token = `@${person.displayName}`;
    if (rest.includes(token)) {
      ids.push(person.accountId);
      rest = rest.split(token).join(' ');
    }
  }
  return ids.slice(0, 50);
}

/** People whose name contains the query, those whose name or a word of it starts with it first. */
export function matchPeople(people, query, exclude = null) {
  const q = fold(query);
  const scored = [];
  for (const person of people) {
    if (!person.displayName || person.accountId === exclude) continue;
    const name = fold(person.displayName);
    const at = name.indexOf(q);
    if (at < 0) continue;
    const wordStart = at === 0 || /\s/.test(name[at - 1]);
    scored.push({ person, rank: at === 0 ? 0 : wordStart ? 1 : 2 });
  }
  scored.sort((a, b) => a.rank - b.rank || a.person.displayName.localeCompare(b.person.displayName));
  return scored.slice(0, MAX_OPTIONS).map((s) => s.person);
}

/** The stored form of a mention: the name may not hold the brackets that end it. */
export function mentionMarkdown(person) {
  const name = person.displayName.replace(/[[\]\n]/g, ' ').trim() || '?';
  return `@[${name}](${person.accountId})`;
}

/** Account ids of the id-form mentions in a Markdown text. */
export function markdownMentionIds(text) {
  return [...String(text ?? '').matchAll(/@\[[^\]\n]{1,200}\]\(([0-9a-f-]{36})\)/g)].map((m) => m[1]);
}

export function attachMentions(textarea, { people, form = 'markdown', exclude = null, optionTestid = 'mention-option' } = {}) {
  const id = `mention-picker-${++pickerSeq}`;
  const list = h('ul', { class: 'mention-picker', id, role: 'listbox', testid: 'mention-picker', hidden: true });
  bind(list, { attrs: { 'aria-label': tx('mentions.pickerLabel') } });
  textarea.setAttribute('aria-autocomplete', 'list');
  let known = [];
  let loading = null;
  let shown = [];
  let active = 0;
  let start = -1;
  let composing = false;

  function load() {
    if (!loading) {
      loading = Promise.resolve()
        .then(people)
        .then((found) => {
          known = found ?? [];
          return known;
        })
        .catch(() => {
          loading = null; // asked again at the next "@"
          return known;
        });
    }
    return loading;
  }

  function place() {
    if (!list.isConnected) textarea.after(list);
    const rect = textarea.getBoundingClientRect();
    const below = window.innerHeight - rect.bottom;
    list.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - 288))}px`;
    list.style.width = `${Math.min(280, window.innerWidth - 16)}px`;
    if (below < 240 && rect.top > below) {
      list.style.top = '';
      list.style.bottom = `${window.innerHeight - rect.top + 4}px`;
    } else {
      list.style.bottom = '';
      list.style.top = `${rect.bottom + 4}px`;
    }
  }

  function query() {
    const upto = textarea.value.slice(0, textarea.selectionStart);
    const match = QUERY.exec(upto);
    return match ? { start: upto.length - match[2].length - 1, text: match[2] } : null;
  }

  async function update() {
    const found = query();
    if (!found) return close();
    const everyone = await load();
    const again = query(); // the text may have moved on while the list loaded
    if (!again || again.start !== found.start) return again ? update() : close();
    shown = matchPeople(everyone, again.text, exclude);
    if (!shown.length) return close();
    start = again.start;
    active = Math.min(active, shown.length - 1);
    render();
    return undefined;
  }

  function render() {
    list.replaceChildren(
      ...shown.map((person, i) => {
        const option = h(
          'li',
          { role: 'option', class: 'mention-option', id: `${id}-${i}`, testid: optionTestid, 'aria-selected': String(i === active), dataset: { accountId: person.accountId } },
          // The initial is drawn by CSS, so the option's text is the name alone.
          h('span', { class: 'avatar avatar-sm mention-avatar', 'aria-hidden': 'true', dataset: { initial: initialOf(person.displayName) } }),
          h('span', { class: 'mention-option-name', text: person.displayName }),
        );
        option.addEventListener('mousedown', (event) => {
          event.preventDefault(); // keeps the focus (and the caret) in the textarea
          pick(person);
        });
        option.addEventListener('mousemove', () => {
          if (active !== i) {
            active = i;
            render();
          }
        });
        return option;
      }),
    );
    list.hidden = false;
    place();
    textarea.setAttribute('aria-controls', id); // only while the list shows (axe: no reference to a hidden list)
    textarea.setAttribute('aria-activedescendant', `${id}-${active}`);
  }

  function close() {
    list.hidden = true;
    shown = [];
    start = -1;
    active = 0;
    textarea.removeAttribute('aria-activedescendant');
    textarea.removeAttribute('aria-controls');
  }

  function pick(person) {
    if (start < 0) return;
    const before = textarea.value.slice(0, start);
    const after = textarea.value.slice(textarea.selectionStart).replace(/^[^\s@]*/u, '');
    const inserted = `${form === 'markdown' ? mentionMarkdown(person) : `@${person.displayName}`} `;
    textarea.value = `${before}${inserted}${after}`;
    const caret = before.length + inserted.length;
    textarea.setSelectionRange(caret, caret);
    close();
    textarea.focus();
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }

  // Capture: runs before the textarea's own Enter (send, save) handlers and stops them.
  function onKeydown(event) {
    if (list.hidden || composing || event.isComposing || event.keyCode === 229) return;
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
  const onCompositionStart = () => {
    composing = true;
  };
  const onCompositionEnd = () => {
    composing = false;
    update();
  };
  const onBlur = () => setTimeout(() => document.activeElement !== textarea && close(), 150);
  const onScroll = () => !list.hidden && place();

  textarea.addEventListener('keydown', onKeydown, true);
  textarea.addEventListener('input', onInput);
  textarea.addEventListener('click', onInput);
  textarea.addEventListener('compositionstart', onCompositionStart);
  textarea.addEventListener('compositionend', onCompositionEnd);
  textarea.addEventListener('blur', onBlur);
  window.addEventListener('resize', onScroll);
  document.addEventListener('scroll', onScroll, true);

  return {
    /** Ids of the known people, and of {@code more} (say, the workspace's members), the text names as `@Name` (chat). */
    mentionedIn(text, more = []) {
      return namesIn(text, [...known, ...more], exclude);
    },
    /** The people known so far (after the first "@"), for names in notices. */
    nameOf(accountId) {
      return known.find((p) => p.accountId === accountId)?.displayName ?? null;
    },
    load,
    close,
    detach() {
      close();
      list.remove();
      textarea.removeEventListener('keydown', onKeydown, true);
      textarea.removeEventListener('input', onInput);
      textarea.removeEventListener('click', onInput);
      textarea.removeEventListener('compositionstart', onCompositionStart);
      textarea.removeEventListener('compositionend', onCompositionEnd);
      textarea.removeEventListener('blur', onBlur);
      window.removeEventListener('resize', onScroll);
      document.removeEventListener('scroll', onScroll, true);
    },
  };
}

/** The names the id-form mentions of a text give these accounts, in order. */
function namesGivenTo(text, accountIds) {
  const names = new Map();
  for (const m of String(text ?? '').matchAll(/@\[([^\]\n]{1,200})\]\(([0-9a-f-]{36})\)/g)) {
    if (accountIds.includes(m[2]) && !names.has(m[2])) names.set(m[2], m[1]);
  }
  return accountIds.map((id) => names.get(id) ?? id);
}

/**
 * The writer's notice that some people a text mentions were not notified because they cannot
 * read the board (the server's `mentionsNotDelivered`), or null when there are none.
 */
export function notDeliveredNotice(text, accountIds) {
  if (!accountIds?.length) return null;
  const names = namesGivenTo(text, accountIds);
  return bind(h('p', { class: 'mention-notice', role: 'status', testid: 'mention-not-delivered' }), {
    text: tx('mentions.notDelivered', { names: names.join(', ') }),
  });
}
