/**
 * Two board dialogs opened from the board menu: the board's own member list
 * (how guests get onto a board) and the archived cards (restore).
 */
import * as api from '../api.js';
import { bind, formatRelative, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { describeError } from '../forms.js';
import { showToast } from './common.js';
import { openDialog, personAvatar, roleBadge, statusLine, toastError } from './ui.js';

export function openBoardMembers({ workspaceId, board, onChange }) {
  const list = h('ul', { class: 'row-list', testid: 'board-member-list' });
  const status = statusLine('board-members-status');
  const select = h('select', { class: 'input select', id: 'board-member-add', testid: 'board-member-candidate' });
  const add = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'board-member-submit', i18n: 'common.add' });
  const adder = h('div', { class: 'inline-form' }, h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'board-member-add', i18n: 'boardMembers.add' }), select), add);
  let members = [...(board.members ?? [])];
  let directory = [];

  function row(member) {
    const remove = h('button', { type: 'button', class: 'btn btn-danger-ghost btn-sm', testid: 'board-member-remove', i18n: 'members.remove' });
    bind(remove, { attrs: { 'aria-label': () => t('members.removeLabel', { name: member.displayName }) } });
    remove.addEventListener('click', () =>
      withBusy(remove, async () => {
        try {
          await api.removeBoardMember(workspaceId, board.id, member.accountId);
          members = members.filter((m) => m.accountId !== member.accountId);
          onChange(members);
          render();
        } catch (err) {
          toastError(err);
        }
      }),
    );
    return h(
      'li',
      { class: 'row', testid: 'board-member', dataset: { accountId: member.accountId } },
      personAvatar(member.displayName),
      h('div', { class: 'row-main' }, h('span', { class: 'row-title', text: member.displayName })),
      h('div', { class: 'row-actions' }, member.role ? roleBadge(member.role) : null, remove),
    );
  }

  function render() {
    list.replaceChildren(...members.map(row));
    status.set(members.length ? null : tx('boardMembers.none'));
    const on = new Set(members.map((m) => m.accountId));
    const options = directory.filter((m) => !on.has(m.accountId));
    select.replaceChildren(
      bind(h('option', { value: '' }), { text: tx('boardMembers.choose') }),
      ...options.map((m) => h('option', { value: m.accountId, text: `${m.displayName} · ${t(`role.${m.role}`)}` })),
    );
    adder.hidden = options.length === 0;
  }

  add.addEventListener('click', () =>
    withBusy(add, async () => {
      if (!select.value) {
        select.focus();
        return;
      }
      try {
        const member = await api.addBoardMember(workspaceId, board.id, select.value);
        if (!members.some((m) => m.accountId === member.accountId)) members.push(member);
        onChange(members);
        render();
        showToast(() => t('boardMembers.added', { name: member.displayName }));
      } catch (err) {
        toastError(err);
      }
    }),
  );

  openDialog({
    title: tx('boardMembers.title'),
    testid: 'board-members-dialog',
    body: [h('p', { class: 'dialog-message', i18n: 'boardMembers.description' }), adder, status.el, list],
  });
  render();
  api.listMembers(workspaceId).then(
    (people) => {
      directory = people;
      render();
    },
    (err) => !err.sessionEnded && status.set(describeError(err), { variant: 'error' }),
  );
  api.listBoardMembers(workspaceId, board.id).then(
    (fresh) => {
      members = fresh;
      render();
    },
    () => {},
  );
}

export function openArchivedCards({ workspaceId, board, canRestore, onRestored }) {
  const list = h('ul', { class: 'row-list', testid: 'archived-card-list' });
  const status = statusLine('archived-cards-status');
  const more = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', i18n: 'common.loadMore', hidden: true });
  let cursor = null;

  function row(card) {
    const item = h(
      'li',
      { class: 'row', testid: 'archived-card', dataset: { cardId: card.id } },
      h('div', { class: 'row-main' }, h('span', { class: 'row-title', text: card.title }), bind(h('span', { class: 'row-meta' }), { text: () => formatRelative(card.updatedAt) })),
    );
    if (canRestore) {
      const restore = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'archived-card-restore', i18n: 'workspaces.restore' });
      restore.addEventListener('click', () =>
        withBusy(restore, async () => {
          try {
            await api.updateCard(workspaceId, board.id, card.id, { archived: false }, card.version);
            item.remove();
            if (!list.children.length) status.set(tx('board.noArchivedCards'));
            showToast(() => t('board.cardRestored', { title: card.title }));
            onRestored();
          } catch (err) {
            toastError(err);
          }
        }),
      );
      item.append(h('div', { class: 'row-actions' }, restore));
    }
    return item;
  }

  async function load(append = false) {
    status.set(tx('common.loading'));
    try {
      const page = await api.listArchivedCards(workspaceId, board.id, { cursor: append ? cursor : null });
      list.append(...page.items.map(row));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      status.set(list.children.length ? null : tx('board.noArchivedCards'));
    } catch (err) {
      if (!err.sessionEnded) status.set(describeError(err), { variant: 'error' });
    }
  }
  more.addEventListener('click', () => withBusy(more, () => load(true)));
  openDialog({ title: tx('board.archivedCards'), testid: 'archived-cards-dialog', body: [status.el, list, more] });
  load();
}
