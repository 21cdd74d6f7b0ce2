/** Reactions: a message's emoji chips (mine pressed), and the quick picker that adds one. */
import { bind, t } from '../i18n.js';
import { h } from '../dom.js';
import { frameError } from './frame-error.js';

const QUICK_REACTIONS = ['👍', '❤️', '😄', '🎉', '👀', '✅'];

/** The message's reactions as toggle chips (who reacted in their title), or null. */
export function reactionChips(message, { chat, nameOf }) {
  if (!message.reactions.size || message.deleted) return null;
  return h(
    'div',
    { class: 'chat-reactions', testid: 'chat-reactions' },
    [...message.reactions.entries()].map(([emoji, ids]) => {
      const mine = ids.includes(chat.me());
      const chip = h('button', { type: 'button', class: 'chat-reaction', testid: 'chat-reaction', 'aria-pressed': String(mine), dataset: { emoji } }, h('span', { text: emoji }), h('span', { class: 'chat-reaction-count', text: String(ids.length) }));
      bind(chip, { attrs: { title: () => ids.map(nameOf).join(', '), 'aria-label': () => t('chat.reactionLabel', { emoji, count: ids.length }) } });
      chip.addEventListener('click', () => chat.react(message.id, emoji, !mine).catch(frameError));
      return chip;
    }),
  );
}

/** The quick reactions (hidden until the message's "React" opens it); a choice toggles mine. */
export function reactionPicker(message, { chat }) {
  const picker = h('div', { class: 'chat-picker', hidden: true, testid: 'chat-picker' });
  QUICK_REACTIONS.forEach((emoji) => {
    const b = h('button', { type: 'button', class: 'chat-picker-emoji', testid: 'chat-picker-emoji', text: emoji, dataset: { emoji } });
    b.addEventListener('click', () => {
      picker.hidden = true;
      const mineAlready = (message.reactions.get(emoji) ?? []).includes(chat.me());
      chat.react(message.id, emoji, !mineAlready).catch(frameError);
    });
    picker.append(b);
  });
  return picker;
}
