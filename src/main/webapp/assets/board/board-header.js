/**
 * The board's header: back link, title, dates and description, the Chat and Activity toggles
 * and the board menu (edit, members, archived cards, archive, delete), drawn from the store.
 */
import * as api from '../api.js';
import { bind, formatCalendarDate, t, tx } from '../i18n.js';
import { h } from '../dom.js';
import { href, navigate } from '../router.js';
import { showToast } from '../views/common.js';
import { boardForm } from '../views/board-form.js';
import { openArchivedCards, openBoardMembers } from '../views/board-members.js';
import { confirmDialog, menuButton, openDialog, toastError } from '../views/ui.js';

/**
 * @param {object} view the board view's parts: workspaceId, boardId, store, header (the element),
 *   activity (its panel), chatSide (the chat's aside), toggleChat, reload
 * @returns {{render: () => void}}
 */
export function boardHeader(view) {
  const { store, header, activity, chatSide } = view;

  function facts(board) {
    const el = h('p', { class: 'board-facts' });
    const parts = [];
    if (board.startDate) parts.push(() => t('board.starts', { date: formatCalendarDate(board.startDate) }));
    if (board.deadline) parts.push(() => t('board.due', { date: formatCalendarDate(board.deadline) }));
    if (board.archived) parts.push(tx('board.archivedNote'));
    return bind(el, { text: () => parts.map((p) => p()).join(' · ') });
  }

  function toggles() {
    const activityToggle = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'board-activity-toggle', 'aria-expanded': String(activity.isOpen()), 'aria-controls': activity.el.id, i18n: 'board.activity' });
    activityToggle.addEventListener('click', () => {
      activity.toggle();
      activityToggle.setAttribute('aria-expanded', String(activity.isOpen()));
    });
    const chatToggle = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'board-chat-toggle', 'aria-expanded': String(!chatSide.hidden), 'aria-controls': chatSide.id, i18n: 'chat.toggle' });
    chatToggle.addEventListener('click', () => {
      view.toggleChat();
      chatToggle.setAttribute('aria-expanded', String(!chatSide.hidden));
    });
    return [chatToggle, activityToggle];
  }

  function menu(board) {
    const can = (action) => store.can(action);
    return menuButton({
      label: tx('board.menu'),
      testid: 'board-menu',
      items: [
        can('UPDATE_BOARD') ? { label: 'board.edit', testid: 'board-edit', onSelect: () => editBoard(view) } : null,
        can('MANAGE_BOARD_MEMBERS') ? { label: 'board.members', testid: 'board-members', onSelect: () => manageMembers(view) } : null,
        { label: 'board.archivedCards', testid: 'board-archived-cards', onSelect: () => showArchivedCards(view) },
        can('UPDATE_BOARD') ? { label: board.archived ? 'board.unarchive' : 'board.archive', testid: 'board-archive', onSelect: () => toggleArchived(view) } : null,
        can('DELETE_BOARD') ? { label: 'board.delete', testid: 'board-delete', danger: true, onSelect: () => deleteBoard(view) } : null,
      ],
    });
  }

  function render() {
    const board = store.board;
    const title = h('h1', { class: 'page-title board-title', tabindex: '-1', testid: 'board-title', text: board.name });
    const description = board.description ? h('p', { class: 'board-description', text: board.description }) : null;
    const back = h('a', { class: 'board-back', href: href('w', view.workspaceId, 'boards'), i18n: 'board.backToBoards' });
    const titleRow = h('div', { class: 'board-title-row' }, h('span', { class: 'board-dot', 'aria-hidden': 'true' }), title);
    header.replaceChildren(
      back,
      h(
        'div',
        { class: 'board-header-row' },
        h('div', { class: 'board-header-text' }, titleRow, facts(board), description),
        h('div', { class: 'panel-actions' }, ...toggles(), menu(board)),
      ),
    );
    header.style.setProperty('--board-colour', board.colour || 'var(--border-strong)');
  }

  return { render };
}

// ------------------------------------------------------------------ the board menu

function editBoard(view) {
  const { store } = view;
  let handle = null;
  const form = boardForm({
    mode: 'edit',
    onSubmit: async (values) => {
      try {
        store.boardUpdated(await api.updateBoard(view.workspaceId, view.boardId, values, store.board.version));
        view.activity.changed();
        handle.close();
        showToast(tx('board.saved'));
      } catch (err) {
        if (err.type !== 'stale-version') throw err;
        const current = err.problem?.current ?? (await api.getBoard(view.workspaceId, view.boardId));
        store.boardStale(current);
        form.fill(store.board);
        form.controller.setMessage(tx('board.staleReloaded'));
      }
    },
  });
  form.fill(store.board);
  handle = openDialog({ title: tx('board.editTitle'), body: form.form, testid: 'edit-board-dialog' });
  form.focus();
}

async function toggleArchived(view) {
  const { store } = view;
  try {
    store.boardUpdated(await api.updateBoard(view.workspaceId, view.boardId, { archived: !store.board.archived }, store.board.version));
    view.activity.changed();
    showToast(store.board.archived ? tx('board.archivedToast') : tx('board.unarchivedToast'));
  } catch (err) {
    toastError(err);
    if (err.status === 409) view.reload({ quiet: true });
  }
}

async function deleteBoard(view) {
  const board = view.store.board;
  const deleted = await confirmDialog({
    title: tx('board.deleteTitle'),
    message: () => t('board.deleteConfirm', { name: board.name }),
    confirm: 'board.delete',
    danger: true,
    testid: 'delete-board-confirm',
    action: () => api.deleteBoard(view.workspaceId, view.boardId),
  });
  if (!deleted) return;
  showToast(() => t('board.deleted', { name: board.name }));
  navigate(href('w', view.workspaceId, 'boards'));
}

function manageMembers(view) {
  openBoardMembers({
    workspaceId: view.workspaceId,
    board: view.store.board,
    onChange: (members) => {
      view.store.membersChanged(members);
      view.activity.changed();
    },
  });
}

function showArchivedCards(view) {
  openArchivedCards({
    workspaceId: view.workspaceId,
    board: view.store.board,
    canRestore: view.store.can('EDIT_CARDS'),
    onRestored: () => {
      view.activity.changed();
      view.reload({ quiet: true });
    },
  });
}
