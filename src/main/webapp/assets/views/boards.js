/**
 * The boards of a workspace: a grid of boards (newest first, "Load more" for
 * the next page), the archived ones on request, and "New board".
 */
import * as api from '../api.js';
import { bind, formatCalendarDate, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { describeError } from '../forms.js';
import { href, navigate } from '../router.js';
import { canBoards } from '../workspaces.js';
import { showToast } from './common.js';
import { boardForm } from './board-form.js';
import { openDialog, pageHeader, statusLine } from './ui.js';

/** Only the values given: an empty optional field is left out of a create request. */
function createBody(values) {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v != null));
}

export function openCreateBoardDialog(workspaceId) {
  let handle = null;
  const form = boardForm({
    mode: 'create',
    onSubmit: async (values) => {
      const board = await api.createBoard(workspaceId, createBody(values));
      handle.close();
      showToast(() => t('boards.created', { name: board.name }));
      navigate(href('w', workspaceId, 'boards', board.id));
    },
  });
  handle = openDialog({ title: tx('boards.newTitle'), body: form.form, testid: 'new-board-dialog' });
  form.focus();
}

function boardTile(workspaceId, board) {
  const meta = [];
  meta.push(bind(h('span', { class: 'board-tile-count', testid: 'board-open-cards' }), { text: () => t('boards.openCards', { count: board.openCards ?? 0 }) }));
  if (board.deadline) {
    meta.push(bind(h('span', {}), { text: () => t('boards.deadline', { date: formatCalendarDate(board.deadline) }) }));
  }
  const tile = h(
    'li',
    { class: `board-tile${board.archived ? ' is-archived' : ''}`, testid: 'board-tile', dataset: { boardId: board.id } },
    h('span', { class: 'board-tile-stripe', 'aria-hidden': 'true' }),
    h(
      'a',
      { class: 'board-tile-link', href: href('w', workspaceId, 'boards', board.id) },
      h('span', { class: 'board-tile-name', testid: 'board-name', text: board.name }),
    ),
    board.description ? h('p', { class: 'board-tile-description', text: board.description }) : null,
    h('p', { class: 'board-tile-meta' }, meta),
  );
  if (board.colour) tile.style.setProperty('--board-colour', board.colour);
  return tile;
}

/** #/w/{ws}/boards */
export function renderBoards(main, ctx) {
  const workspaceId = ctx.workspaceId;
  const role = ctx.workspace().myRole;
  const actions = [];
  if (canBoards(role, 'CREATE_BOARD')) {
    const create = h('button', { type: 'button', class: 'btn btn-primary', testid: 'new-board', i18n: 'boards.new' });
    create.addEventListener('click', () => openCreateBoardDialog(workspaceId));
    actions.push(create);
  }
  const showArchived = h('input', { type: 'checkbox', id: 'boards-archived', testid: 'boards-show-archived' });
  const grid = h('ul', { class: 'board-grid', testid: 'board-list', 'aria-labelledby': 'page-heading' });
  const status = statusLine('boards-status');
  const more = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'boards-more', i18n: 'common.loadMore', hidden: true });
  const header = pageHeader({ title: tx('boards.title'), subtitle: () => ctx.workspace()?.name ?? '', actions });
  header.querySelector('h1').id = 'page-heading';
  main.append(
    header,
    h(
      'div',
      { class: 'page-body page-body-wide' },
      h('div', { class: 'toolbar' }, h('label', { class: 'check', for: 'boards-archived' }, showArchived, h('span', { i18n: 'boards.showArchived' }))),
      status.el,
      grid,
      h('div', {}, more),
    ),
  );

  let alive = true;
  let cursor = null;
  let loadSeq = 0;

  async function load({ append = false } = {}) {
    const seq = ++loadSeq;
    if (!append) {
      cursor = null;
      grid.replaceChildren();
    }
    status.set(tx('common.loading'));
    grid.setAttribute('aria-busy', 'true');
    try {
      const page = await api.listBoards(workspaceId, { archived: showArchived.checked, cursor });
      if (!alive || seq !== loadSeq) return;
      grid.append(...page.items.map((board) => boardTile(workspaceId, board)));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      if (grid.children.length) status.set(null);
      else status.set(showArchived.checked ? tx('boards.noneArchived') : canBoards(role, 'CREATE_BOARD') ? tx('boards.none') : tx('boards.noneGuest'));
    } catch (err) {
      if (!alive || seq !== loadSeq || err.sessionEnded) return;
      status.set(describeError(err), { variant: 'error', retry: () => load({ append }) });
    } finally {
      if (seq === loadSeq) grid.removeAttribute('aria-busy');
    }
  }

  showArchived.addEventListener('change', () => load());
  more.addEventListener('click', () => withBusy(more, () => load({ append: true })));
  load();
  return () => {
    alive = false;
  };
}
