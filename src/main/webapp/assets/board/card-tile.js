/**
 * A card on the board: its labels, title, due date, checklist and comment counts and the first
 * assignees, with one accessible name that says all of it. The handlers (open, keyboard, drag)
 * are the board's.
 */
import { bind, formatDateTime, formatShortDateTime, t } from '../i18n.js';
import { h } from '../dom.js';
import { icon } from '../icons.js';
import { personAvatar } from '../views/ui.js';
import { dueState } from './board-store.js';

function badgeIcon(name) {
  return h('span', { class: 'badge-icon', 'aria-hidden': 'true' }, icon(name, { size: 14 }));
}

function cardBadges(card) {
  const badges = [];
  const due = dueState(card.dueAt);
  if (card.dueAt) {
    const badge = h('span', { class: `card-badge${due ? ` is-${due}` : ''}`, testid: 'card-due' }, badgeIcon('clock'));
    const text = bind(h('span'), { text: () => formatShortDateTime(card.dueAt), attrs: { title: () => t('card.dueAt', { date: formatDateTime(card.dueAt) }) } });
    badge.append(text, h('span', { class: 'sr-only', i18n: due === 'overdue' ? 'card.overdue' : 'card.dueShort' }));
    badges.push(badge);
  }
  if (card.checklist?.total) {
    const done = card.checklist.done === card.checklist.total;
    const badge = h('span', { class: `card-badge${done ? ' is-done' : ''}`, testid: 'card-checklist' }, badgeIcon('checklist'), `${card.checklist.done}/${card.checklist.total}`);
    bind(badge, { attrs: { 'aria-label': () => t('card.checklistProgress', { done: card.checklist.done, total: card.checklist.total }) } });
    badges.push(badge);
  }
  if (card.comments) {
    const badge = h('span', { class: 'card-badge', testid: 'card-comments' }, badgeIcon('message'), String(card.comments));
    bind(badge, { attrs: { 'aria-label': () => t('card.commentCount', { count: card.comments }) } });
    badges.push(badge);
  }
  return badges;
}

function labelChips(labels) {
  return h(
    'span',
    { class: 'card-labels' },
    labels.map((label) => {
      const chip = h('span', { class: 'label-chip', text: label.name });
      chip.style.setProperty('--label-colour', label.colour || '#64748b');
      return chip;
    }),
  );
}

/** What a screen reader says for a card: title, labels, due date, checklist, comments, people. */
export function cardLabel(card, labels) {
  const parts = [card.title];
  if (labels.length) parts.push(t('card.labelsList', { labels: labels.map((l) => l.name).join(', ') }));
  if (card.dueAt) parts.push(t('card.dueAt', { date: formatDateTime(card.dueAt) }));
  if (card.checklist?.total) parts.push(t('card.checklistProgress', { done: card.checklist.done, total: card.checklist.total }));
  if (card.comments) parts.push(t('card.commentCount', { count: card.comments }));
  if (card.assignees?.length) parts.push(t('card.assignedTo', { names: card.assignees.map((a) => a.displayName).join(', ') }));
  return parts.join('. ');
}

/**
 * @param {object} card the board view's card summary
 * @param {object} o
 * @param {object[]} o.labels the board's labels the card carries
 * @param {boolean} o.draggable whether I may move cards
 * @param {{open: (cardId: string) => void, key: (event: KeyboardEvent, card: object) => void,
 *   dragStart: (event: DragEvent, card: object) => void, dragEnd: () => void, blur: (card: object) => void}} o.on
 */
export function cardTile(card, { labels, draggable, on }) {
  const badges = cardBadges(card);
  const people = (card.assignees ?? []).slice(0, 4).map((a) => personAvatar(a.displayName, { small: true }));
  const tile = h(
    'li',
    {
      class: 'card-tile',
      testid: 'card',
      tabindex: '0',
      draggable: draggable ? 'true' : null,
      'aria-describedby': 'card-keys-help',
      dataset: { cardId: card.id },
    },
    labels.length ? labelChips(labels) : null,
    h('span', { class: 'card-title', testid: 'card-title', text: card.title }),
    badges.length || people.length ? h('span', { class: 'card-footer' }, h('span', { class: 'card-badges' }, badges), h('span', { class: 'card-people' }, people)) : null,
  );
  bind(tile, { attrs: { 'aria-label': () => cardLabel(card, labels) } });
  tile.addEventListener('click', () => on.open(card.id));
  tile.addEventListener('keydown', (event) => on.key(event, card));
  tile.addEventListener('dragstart', (event) => on.dragStart(event, card));
  tile.addEventListener('dragend', on.dragEnd);
  tile.addEventListener('blur', () => on.blur(card));
  return tile;
}
