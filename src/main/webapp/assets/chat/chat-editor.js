/**
 * Editing one of my messages in place: its text in a box instead of the message's text; Enter or
 * Save saves (the mentions matched again), Escape or Cancel leaves it as it was.
 */
import { bind, tx } from '../i18n.js';
import { h } from '../dom.js';
import { frameError } from './frame-error.js';

/**
 * @param {object} o
 * @param {import('./chat-store.js').ChatWorkspace} o.chat
 * @param {HTMLElement} o.list the messages, where focus returns to the message's "Edit"
 * @param {ReturnType<import('./chat-composer.js').chatComposer>} o.composer its validation and mention matching
 * @param {() => void} o.renderMessages
 * @returns {{start: (message: object) => void, editing: () => ({messageId: string, editor: HTMLElement}|null)}}
 */
export function messageEditor({ chat, list, composer, renderMessages }) {
  let editing = null; // {messageId, editor}

  function start(message) {
    const editor = h('textarea', { class: 'chat-input chat-edit-input', testid: 'chat-edit-input', value: message.text });
    bind(editor, { attrs: { 'aria-label': tx('chat.editLabel') } });
    const save = h('button', { type: 'button', class: 'btn btn-primary btn-sm', testid: 'chat-edit-save', i18n: 'common.save' });
    const cancel = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'chat-edit-cancel', i18n: 'common.cancel' });
    const hint = h('span', { class: 'chat-edit-hint', i18n: 'chat.editHint' });
    const wrap = h('div', { class: 'chat-editor' }, editor, h('div', { class: 'chat-editor-actions' }, cancel, save, hint));
    const finish = () => {
      editing = null;
      renderMessages();
      list.querySelector(`[data-message-id="${CSS.escape(message.id)}"] [data-testid="chat-edit"]`)?.focus();
    };
    const commit = () => {
      const text = editor.value;
      if (text === message.text) return finish();
      if (!composer.validate(text)) return undefined;
      save.disabled = true;
      return composer
        .loadMentions()
        .then(() => chat.edit(message.id, text, composer.mentionsIn(text)))
        .then(finish)
        .catch((err) => {
          save.disabled = false;
          frameError(err);
        });
    };
    save.addEventListener('click', commit);
    cancel.addEventListener('click', finish);
    editor.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        commit();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        finish();
      }
    });
    editing = { messageId: message.id, editor: wrap };
    renderMessages();
    editor.focus();
    editor.setSelectionRange(editor.value.length, editor.value.length);
  }

  return { start, editing: () => editing };
}
