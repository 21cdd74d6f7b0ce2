/** A message's action bar: react (the quick picker), reply, and for the writer edit and delete. */
import { bind, tx } from '../i18n.js';
import { h } from '../dom.js';
import { icon } from '../icons.js';
import { confirmDialog } from '../views/ui.js';
import { reactionPicker } from './chat-reactions.js';

function actionButton(key, testid, glyph, onClick) {
  const b = h('button', { type: 'button', class: 'chat-action', testid }, icon(glyph, { size: 16 }));
  bind(b, { attrs: { title: tx(key), 'aria-label': tx(key) } });
  b.addEventListener('click', onClick);
  return b;
}

/**
 * @param {object} message
 * @param {object} o
 * @param {import('./chat-store.js').ChatWorkspace} o.chat
 * @param {() => boolean} o.mayDeleteAny a board's or workspace channel's owners and managers delete anyone's message
 * @param {(message: object) => void} o.onReply
 * @param {(message: object) => void} o.onEdit
 * @returns {HTMLElement|null}
 */
export function messageActions(message, { chat, mayDeleteAny, onReply, onEdit }) {
  if (message.deleted) return null;
  const mine = message.senderId === chat.me();
  const bar = h('div', { class: 'chat-actions', role: 'group' });
  bind(bar, { attrs: { 'aria-label': tx('chat.actions') } });
  const picker = reactionPicker(message, { chat });
  bar.append(
    actionButton('chat.react', 'chat-react', 'smile', () => {
      picker.hidden = !picker.hidden;
      if (!picker.hidden) picker.querySelector('button')?.focus();
    }),
    actionButton('chat.reply', 'chat-reply', 'reply', () => onReply(message)),
  );
  if (mine) bar.append(actionButton('chat.edit', 'chat-edit', 'pencil', () => onEdit(message)));
  if (mine || mayDeleteAny()) bar.append(actionButton('chat.delete', 'chat-delete', 'trash', () => confirmDelete(chat, message)));
  picker.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      picker.hidden = true;
      bar.querySelector('[data-testid="chat-react"]')?.focus();
    }
  });
  return h('div', { class: 'chat-actions-wrap' }, bar, picker);
}

function confirmDelete(chat, message) {
  confirmDialog({
    title: tx('chat.deleteTitle'),
    message: tx('chat.confirmDelete'),
    confirm: 'common.delete',
    danger: true,
    testid: 'chat-delete-confirm',
    action: () => chat.remove(message.id),
  });
}
