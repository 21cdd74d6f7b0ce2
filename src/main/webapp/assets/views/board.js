/**
 * The kanban board: lists as columns, cards in them, one request for the
 * whole view (GET …/boards/{id}).
 *
 * Moving things
 *  - Mouse: HTML5 drag and drop of cards (within and across lists) and of
 *    lists (by their handle). While dragging, the element itself moves to
 *    where it would land; on drop the board model changes at once
 *    (optimistic), the move is sent with the neighbour it now follows
 *    (afterCardId / afterListId) or, first in line, precedes (beforeCardId /
 *    beforeListId), and a refused move (409, 404, network…) is put back.
 *  - Keyboard: on a card, Space picks it up, the arrow keys move it (Up/Down
 *    in its list, Left/Right to the neighbouring lists), Space or Enter drops
 *    it and Escape puts it back; without a card picked up the arrow keys move
 *    focus between cards and Enter opens one. A list's handle moves the list
 *    with Left/Right. Every step is announced in a live region.
 *
 * The model (`board`) is the truth; columns are re-rendered from it after
 * every change, so what is shown is always what was (or is being) saved.
 */
import * as api from '../api.js';
import { followBoard } from './board-live.js';
import { bind, formatCalendarDate, formatDateTime, formatShortDateTime, setPageTitle, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { describeError } from '../forms.js';
import { href, hrefWithQuery, navigate } from '../router.js';
import { showToast } from './common.js';
import { boardForm } from './board-form.js';
import { openCardDialog } from './card-dialog.js';
import { activityPanel } from './activity.js';
import { openArchivedCards, openBoardMembers } from './board-members.js';
import { currentChat } from '../chat/chat-store.js';
import { chatPanel } from '../chat/chat-panel.js';
import { icon } from '../icons.js';
import { announcer, confirmDialog, menuButton, openDialog, personAvatar, statusLine, toastError } from './ui.js';

const CARD_TITLE_MAX = 300;
const LIST_NAME_MAX = 100;

/** The board view's card shape from a full Card (as POST/PATCH/GET …/cards answer). */
export function cardSummary(card) {
  const items = Array.isArray(card.checklist) ? card.checklist : null;
  return {
    id: card.id,
    listId: card.listId,
    title: card.title,
    startAt: card.startAt ?? null,
    dueAt: card.dueAt ?? null,
    version: card.version,
    assignees: card.assignees ?? [],
    labelIds: card.labelIds ?? (card.labels ?? []).map((l) => l.id),
    comments: typeof card.comments === 'number' ? card.comments : 0,
    checklist: items ? { done: items.filter((i) => i.done).length, total: items.length } : (card.checklist ?? { done: 0, total: 0 }),
  };
}

/** Due-date state of a card: overdue, soon (within a day) or null. */
function dueState(dueAt) {
  if (!dueAt) return null;
  const left = Date.parse(dueAt) - Date.now();
  if (left < 0) return 'overdue';
  if (left < 86_400_000) return 'soon';
  return null;
}

/** #/w/{ws}/boards/{board}[?card={id}] */
export function renderBoard(main, ctx) {
  const workspaceId = ctx.workspaceId;
  const boardId = ctx.params.board;
  const boardUrl = href('w', workspaceId, 'boards', boardId);

  /** @type {object|null} BoardDetail */
  let board = null;
  let actions = new Set();
  let alive = true;
  let cardDialog = null; // {cardId, close}
  let query = ctx.query;

  main.classList.add('main-board');
  const live = announcer();
  const status = statusLine('board-status');
  const header = h('div', { class: 'board-header' });
  const canvas = h('div', { class: 'board-canvas', testid: 'board-canvas' });
  const activity = activityPanel({ workspaceId, boardId, listName: (id) => listNameOf(id), personName: (id) => personNameOf(id) });
  const chatSide = h('aside', { class: 'board-chat', testid: 'board-chat', id: `board-chat-${boardId}`, hidden: true });
  const layout = h('div', { class: 'board-layout' }, canvas, activity.el, chatSide);
  let chat = null; // {panel, channelId} while the board's chat is open
  const help = h(
    'div',
    { hidden: true },
    h('p', { id: 'card-keys-help', i18n: 'board.cardKeysHelp' }),
    h('p', { id: 'list-keys-help', i18n: 'board.listKeysHelp' }),
  );
  main.append(status.el, header, layout, live.el, help);

  const can = (action) => actions.has(action);
  const listNameOf = (id) => board?.lists.find((l) => l.id === id)?.name ?? null;
  /** A name for an account id from what the board view knows (members, assignees). */
  function personNameOf(id) {
    const member = board?.members?.find((m) => m.accountId === id);
    if (member) return member.displayName;
    for (const list of board?.lists ?? []) {
      for (const card of list.cards) {
        const person = card.assignees?.find((a) => a.accountId === id);
        if (person) return person.displayName;
      }
    }
    return null;
  }
  const listById = (id) => board.lists.find((l) => l.id === id);
  function locate(cardId) {
    for (const list of board.lists) {
      const index = list.cards.findIndex((c) => c.id === cardId);
      if (index >= 0) return { list, index, card: list.cards[index] };
    }
    return null;
  }

  // ---------------------------------------------------------------- loading
  async function load({ quiet = false } = {}) {
    if (!quiet) status.set(tx('common.loading'));
    main.setAttribute('aria-busy', 'true');
    try {
      const fresh = await api.getBoard(workspaceId, boardId);
      if (!alive) return;
      board = fresh;
      actions = new Set(board.myActions ?? []);
      status.set(null);
      renderHeader();
      renderColumns();
      setPageTitle('page.board', () => `${board.name} · ${ctx.workspace()?.name ?? ''}`);
      syncCardDialog();
      following.loaded();
    } catch (err) {
      if (!alive || err.sessionEnded) return;
      if (err.status === 404) {
        header.replaceChildren();
        canvas.replaceChildren();
        status.set(tx('board.notFound'), { variant: 'error' });
        canvas.append(h('a', { class: 'link', href: href('w', workspaceId, 'boards'), i18n: 'board.backToBoards' }));
      } else {
        status.set(describeError(err), { variant: 'error', retry: () => load() });
      }
    } finally {
      main.removeAttribute('aria-busy');
    }
  }

  // ----------------------------------------------------------------- header
  function renderHeader() {
    const title = h('h1', { class: 'page-title board-title', tabindex: '-1', testid: 'board-title', text: board.name });
    const facts = h('p', { class: 'board-facts' });
    const parts = [];
    if (board.startDate) parts.push(() => t('board.starts', { date: formatCalendarDate(board.startDate) }));
    if (board.deadline) parts.push(() => t('board.due', { date: formatCalendarDate(board.deadline) }));
    if (board.archived) parts.push(tx('board.archivedNote'));
    bind(facts, { text: () => parts.map((p) => p()).join(' · ') });
    const description = board.description ? h('p', { class: 'board-description', text: board.description }) : null;

    const activityToggle = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'board-activity-toggle', 'aria-expanded': String(activity.isOpen()), 'aria-controls': activity.el.id, i18n: 'board.activity' });
    activityToggle.addEventListener('click', () => {
      activity.toggle();
      activityToggle.setAttribute('aria-expanded', String(activity.isOpen()));
    });

    const chatToggle = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'board-chat-toggle', 'aria-expanded': String(!chatSide.hidden), 'aria-controls': chatSide.id, i18n: 'chat.toggle' });
    chatToggle.addEventListener('click', () => {
      toggleChat();
      chatToggle.setAttribute('aria-expanded', String(!chatSide.hidden));
    });

    const menu = menuButton({
      label: tx('board.menu'),
      testid: 'board-menu',
      items: [
        can('UPDATE_BOARD') ? { label: 'board.edit', testid: 'board-edit', onSelect: editBoard } : null,
        can('MANAGE_BOARD_MEMBERS') ? { label: 'board.members', testid: 'board-members', onSelect: manageMembers } : null,
        { label: 'board.archivedCards', testid: 'board-archived-cards', onSelect: showArchivedCards },
        can('UPDATE_BOARD') ? { label: board.archived ? 'board.unarchive' : 'board.archive', testid: 'board-archive', onSelect: toggleArchived } : null,
        can('DELETE_BOARD') ? { label: 'board.delete', testid: 'board-delete', danger: true, onSelect: deleteBoard } : null,
      ],
    });

    const back = h('a', { class: 'board-back', href: href('w', workspaceId, 'boards'), i18n: 'board.backToBoards' });
    header.replaceChildren(
      back,
      h(
        'div',
        { class: 'board-header-row' },
        h('div', { class: 'board-header-text' }, h('div', { class: 'board-title-row' }, h('span', { class: 'board-dot', 'aria-hidden': 'true' }), title), facts, description),
        h('div', { class: 'panel-actions' }, chatToggle, activityToggle, menu),
      ),
    );
    header.style.setProperty('--board-colour', board.colour || 'var(--border-strong)');
  }

  // ---------------------------------------------------------------- columns
  function renderColumns({ focusCard = null, focusListHandle = null } = {}) {
    const scroll = canvas.scrollLeft;
    const columns = board.lists.map(column);
    if (can('MANAGE_LISTS')) columns.push(addListColumn());
    canvas.replaceChildren(...columns);
    canvas.scrollLeft = scroll;
    if (focusCard) canvas.querySelector(`[data-card-id="${CSS.escape(focusCard)}"]`)?.focus();
    if (focusListHandle) canvas.querySelector(`[data-list-id="${CSS.escape(focusListHandle)}"] .column-handle`)?.focus();
  }

  function column(list) {
    const titleId = `list-title-${list.id}`;
    const title = h('h2', { class: 'column-title', id: titleId, testid: 'list-title', text: list.name });
    const count = h('span', { class: 'column-count', testid: 'list-count', text: String(list.cards.length) });
    bind(count, { attrs: { 'aria-label': () => t('board.cardCount', { count: list.cards.length }) } });
    const cards = h('ol', { class: 'card-list', testid: 'card-list', 'aria-labelledby': titleId }, list.cards.map((card) => cardTile(card)));
    const headerEl = h('header', { class: 'column-header' });
    if (can('MANAGE_LISTS')) {
      const handle = h('button', { type: 'button', class: 'column-handle', draggable: 'true', testid: 'list-handle', 'aria-describedby': 'list-keys-help' }, icon('grip', { size: 16 }));
      bind(handle, { attrs: { 'aria-label': () => t('board.moveList', { name: list.name }), title: () => t('board.moveList', { name: list.name }) } });
      handle.addEventListener('dragstart', (event) => startListDrag(event, list));
      handle.addEventListener('dragend', endDrag);
      handle.addEventListener('keydown', (event) => listHandleKey(event, list));
      headerEl.append(handle);
    }
    headerEl.append(title, count);
    if (can('MANAGE_LISTS')) {
      headerEl.append(
        menuButton({
          label: () => t('board.listMenu', { name: list.name }),
          testid: 'list-menu',
          items: [
            { label: 'board.renameList', testid: 'list-rename', onSelect: () => renameList(list, headerEl, title) },
            { label: 'board.archiveList', testid: 'list-archive', onSelect: () => archiveList(list) },
          ],
        }),
      );
    }
    const section = h(
      'section',
      { class: 'column', testid: 'list', dataset: { listId: list.id }, 'aria-labelledby': titleId },
      headerEl,
      cards,
      can('EDIT_CARDS') ? cardComposer(list) : null,
    );
    return section;
  }

  function cardTile(card) {
    const labels = (card.labelIds ?? []).map((id) => board.labels.find((l) => l.id === id)).filter(Boolean);
    const badges = [];
    const due = dueState(card.dueAt);
    if (card.dueAt) {
      const badge = h('span', { class: `card-badge${due ? ` is-${due}` : ''}`, testid: 'card-due' }, h('span', { class: 'badge-icon', 'aria-hidden': 'true' }, icon('clock', { size: 14 })));
      const text = bind(h('span'), { text: () => formatShortDateTime(card.dueAt), attrs: { title: () => t('card.dueAt', { date: formatDateTime(card.dueAt) }) } });
      badge.append(text, h('span', { class: 'sr-only', i18n: due === 'overdue' ? 'card.overdue' : 'card.dueShort' }));
      badges.push(badge);
    }
    if (card.checklist?.total) {
      const done = card.checklist.done === card.checklist.total;
      const badge = h('span', { class: `card-badge${done ? ' is-done' : ''}`, testid: 'card-checklist' }, h('span', { class: 'badge-icon', 'aria-hidden': 'true' }, icon('checklist', { size: 14 })), `${card.checklist.done}/${card.checklist.total}`);
      bind(badge, { attrs: { 'aria-label': () => t('card.checklistProgress', { done: card.checklist.done, total: card.checklist.total }) } });
      badges.push(badge);
    }
    if (card.comments) {
      const badge = h('span', { class: 'card-badge', testid: 'card-comments' }, h('span', { class: 'badge-icon', 'aria-hidden': 'true' }, icon('message', { size: 14 })), String(card.comments));
      bind(badge, { attrs: { 'aria-label': () => t('card.commentCount', { count: card.comments }) } });
      badges.push(badge);
    }
    const people = (card.assignees ?? []).slice(0, 4).map((a) => personAvatar(a.displayName, { small: true }));
    const tile = h(
      'li',
      {
        class: 'card-tile',
        testid: 'card',
        tabindex: '0',
        draggable: can('EDIT_CARDS') ? 'true' : null,
        'aria-describedby': 'card-keys-help',
        dataset: { cardId: card.id },
      },
      labels.length
        ? h(
            'span',
            { class: 'card-labels' },
            labels.map((label) => {
              const chip = h('span', { class: 'label-chip', text: label.name });
              chip.style.setProperty('--label-colour', label.colour || '#64748b');
              return chip;
            }),
          )
        : null,
      h('span', { class: 'card-title', testid: 'card-title', text: card.title }),
      badges.length || people.length ? h('span', { class: 'card-footer' }, h('span', { class: 'card-badges' }, badges), h('span', { class: 'card-people' }, people)) : null,
    );
    bind(tile, { attrs: { 'aria-label': () => cardLabel(card, labels) } });
    tile.addEventListener('click', () => openCard(card.id));
    tile.addEventListener('keydown', (event) => cardKey(event, card));
    tile.addEventListener('dragstart', (event) => startCardDrag(event, card));
    tile.addEventListener('dragend', endDrag);
    tile.addEventListener('blur', () => {
      if (grabbed?.id === card.id && !grabbed.refocusing) cancelGrab();
    });
    return tile;
  }

  function cardLabel(card, labels) {
    const parts = [card.title];
    if (labels.length) parts.push(t('card.labelsList', { labels: labels.map((l) => l.name).join(', ') }));
    if (card.dueAt) parts.push(t('card.dueAt', { date: formatDateTime(card.dueAt) }));
    if (card.checklist?.total) parts.push(t('card.checklistProgress', { done: card.checklist.done, total: card.checklist.total }));
    if (card.comments) parts.push(t('card.commentCount', { count: card.comments }));
    if (card.assignees?.length) parts.push(t('card.assignedTo', { names: card.assignees.map((a) => a.displayName).join(', ') }));
    return parts.join('. ');
  }

  // -------------------------------------------------------------- composers
  function cardComposer(list) {
    const open = h('button', { type: 'button', class: 'column-add-card', testid: 'add-card', i18n: 'board.addCard' });
    const input = h('textarea', { class: 'input textarea composer-input', rows: 2, testid: 'new-card-title', maxlength: 1000 });
    bind(input, { attrs: { 'aria-label': () => t('board.newCardIn', { list: list.name }), placeholder: () => t('board.cardTitlePlaceholder') } });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-sm', testid: 'new-card-submit', i18n: 'board.addCardSubmit' });
    const cancel = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', i18n: 'common.cancel' });
    const error = h('p', { class: 'field-error', role: 'alert' });
    const form = h('form', { class: 'composer', hidden: true, testid: 'new-card-form' }, input, error, h('div', { class: 'composer-actions' }, submit, cancel));
    const footer = h('footer', { class: 'column-footer' }, open, form);

    function show() {
      open.hidden = true;
      form.hidden = false;
      input.focus();
    }
    function hide() {
      form.hidden = true;
      open.hidden = false;
      input.value = '';
      error.textContent = '';
      open.focus();
    }
    open.addEventListener('click', show);
    cancel.addEventListener('click', hide);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        hide();
      }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      withBusy(submit, async () => {
        const title = input.value.replace(/\s+/g, ' ').trim();
        bind(error, { text: () => '' });
        if (!title) {
          bind(error, { text: tx('validation.required') });
          input.focus();
          return;
        }
        if (Array.from(title).length > CARD_TITLE_MAX) {
          bind(error, { text: tx('validation.tooLong', { max: CARD_TITLE_MAX }) });
          input.focus();
          return;
        }
        try {
          const created = await api.createCard(workspaceId, boardId, { listId: list.id, title });
          const target = listById(list.id);
          if (target && !locate(created.id)) target.cards.push(cardSummary(created));
          renderColumns();
          activity.changed();
          live.say(() => t('board.cardAdded', { title: created.title, list: list.name }));
          // Keep adding to the same list.
          const column = canvas.querySelector(`[data-list-id="${CSS.escape(list.id)}"]`);
          column?.querySelector('[data-testid="add-card"]')?.click();
        } catch (err) {
          if (err.sessionEnded) return;
          bind(error, { text: describeError(err) });
          input.focus();
        }
      });
    });
    return footer;
  }

  function addListColumn() {
    const open = h('button', { type: 'button', class: 'column-add-list-btn', testid: 'add-list', i18n: 'board.addList' });
    const input = h('input', { type: 'text', class: 'input', testid: 'new-list-name', maxlength: 300 });
    bind(input, { attrs: { 'aria-label': () => t('board.listName'), placeholder: () => t('board.listNamePlaceholder') } });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-sm', testid: 'new-list-submit', i18n: 'board.addListSubmit' });
    const cancel = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', i18n: 'common.cancel' });
    const error = h('p', { class: 'field-error', role: 'alert' });
    const form = h('form', { class: 'composer', hidden: true, testid: 'new-list-form' }, input, error, h('div', { class: 'composer-actions' }, submit, cancel));
    const hide = () => {
      form.hidden = true;
      open.hidden = false;
      input.value = '';
      open.focus();
    };
    open.addEventListener('click', () => {
      open.hidden = true;
      form.hidden = false;
      input.focus();
    });
    cancel.addEventListener('click', hide);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        hide();
      }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      withBusy(submit, async () => {
        const name = input.value.trim();
        bind(error, { text: () => '' });
        if (!name || Array.from(name).length > LIST_NAME_MAX) {
          bind(error, { text: name ? tx('validation.tooLong', { max: LIST_NAME_MAX }) : tx('validation.required') });
          input.focus();
          return;
        }
        try {
          const list = await api.createList(workspaceId, boardId, { name });
          if (!listById(list.id)) board.lists.push({ ...list, cards: [] });
          renderColumns();
          activity.changed();
          live.say(() => t('board.listAdded', { name: list.name }));
          canvas.querySelector('[data-testid="add-list"]')?.click();
        } catch (err) {
          if (err.sessionEnded) return;
          bind(error, { text: describeError(err) });
          input.focus();
        }
      });
    });
    return h('div', { class: 'column column-add' }, open, form);
  }

  // ------------------------------------------------------------ list actions
  function renameList(list, headerEl, title) {
    const input = h('input', { type: 'text', class: 'input input-sm', value: list.name, testid: 'list-name-input', maxlength: 300 });
    bind(input, { attrs: { 'aria-label': () => t('board.listName') } });
    title.replaceWith(input);
    input.focus();
    input.select();
    let done = false;
    async function finish(save) {
      if (done) return;
      done = true;
      const name = input.value.trim();
      if (!save || !name || name === list.name) {
        renderColumns({ focusListHandle: list.id });
        return;
      }
      try {
        const updated = await api.updateList(workspaceId, boardId, list.id, { name }, list.version);
        Object.assign(list, { name: updated.name, version: updated.version });
        activity.changed();
      } catch (err) {
        toastError(err);
        if (err.status === 409) await load({ quiet: true });
      }
      renderColumns({ focusListHandle: list.id });
    }
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        finish(true);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        finish(false);
      }
    });
    input.addEventListener('blur', () => finish(true));
  }

  async function archiveList(list) {
    try {
      await api.updateList(workspaceId, boardId, list.id, { archived: true }, list.version);
      board.lists = board.lists.filter((l) => l.id !== list.id);
      renderColumns();
      activity.changed();
      showToast(() => t('board.listArchived', { name: list.name }));
    } catch (err) {
      toastError(err);
      if (err.status === 409) load({ quiet: true });
    }
  }

  // ------------------------------------------------------------ board menu
  function editBoard() {
    let handle = null;
    const form = boardForm({
      mode: 'edit',
      onSubmit: async (values) => {
        try {
          const updated = await api.updateBoard(workspaceId, boardId, values, board.version);
          Object.assign(board, updated);
          renderHeader();
          activity.changed();
          handle.close();
          showToast(tx('board.saved'));
        } catch (err) {
          if (err.type !== 'stale-version') throw err;
          const current = err.problem?.current ?? (await api.getBoard(workspaceId, boardId));
          Object.assign(board, { ...current, lists: board.lists, labels: board.labels, members: board.members });
          form.fill(board);
          renderHeader();
          form.controller.setMessage(tx('board.staleReloaded'));
        }
      },
    });
    form.fill(board);
    handle = openDialog({ title: tx('board.editTitle'), body: form.form, testid: 'edit-board-dialog' });
    form.focus();
  }

  async function toggleArchived() {
    try {
      const updated = await api.updateBoard(workspaceId, boardId, { archived: !board.archived }, board.version);
      Object.assign(board, updated);
      renderHeader();
      activity.changed();
      showToast(board.archived ? tx('board.archivedToast') : tx('board.unarchivedToast'));
    } catch (err) {
      toastError(err);
      if (err.status === 409) load({ quiet: true });
    }
  }

  async function deleteBoard() {
    const deleted = await confirmDialog({
      title: tx('board.deleteTitle'),
      message: () => t('board.deleteConfirm', { name: board.name }),
      confirm: 'board.delete',
      danger: true,
      testid: 'delete-board-confirm',
      action: () => api.deleteBoard(workspaceId, boardId),
    });
    if (!deleted) return;
    showToast(() => t('board.deleted', { name: board.name }));
    navigate(href('w', workspaceId, 'boards'));
  }

  function manageMembers() {
    openBoardMembers({
      workspaceId,
      board,
      onChange: (members) => {
        board.members = members;
        activity.changed();
      },
    });
  }

  function showArchivedCards() {
    openArchivedCards({
      workspaceId,
      board,
      canRestore: can('EDIT_CARDS'),
      onRestored: () => {
        activity.changed();
        load({ quiet: true });
      },
    });
  }

  // ---------------------------------------------------------------- cards
  function openCard(cardId) {
    navigate(hrefWithQuery(['w', workspaceId, 'boards', boardId], { card: cardId }));
  }

  /** Opens or closes the card dialog to match ?card=. */
  function syncCardDialog() {
    const cardId = query.get('card');
    if (cardDialog && cardDialog.cardId !== cardId) {
      const previous = cardDialog;
      cardDialog = null;
      previous.close();
    }
    if (!cardId || cardDialog || !board) return;
    cardDialog = openCardDialog({
      workspaceId,
      board,
      cardId,
      can,
      onChange: (card) => {
        const found = locate(card.id);
        const summary = cardSummary(card);
        if (found) found.list.cards[found.index] = { ...found.card, ...summary };
        renderColumns();
        activity.changed();
      },
      onArchived: (cardId) => {
        const found = locate(cardId);
        if (found) found.list.cards.splice(found.index, 1);
        renderColumns();
        activity.changed();
      },
      onClosed: () => {
        const wasOpenFor = cardId;
        if (cardDialog?.cardId === wasOpenFor) cardDialog = null;
        // Closed because the page is going away: leave the URL alone.
        if (!alive) return;
        if (query.get('card') === wasOpenFor) navigate(boardUrl, { replace: true });
        // Focus returns to the card on the board.
        canvas.querySelector(`[data-card-id="${CSS.escape(wasOpenFor)}"]`)?.focus();
      },
    });
  }

  // ------------------------------------------------------------- moving cards
  /**
   * Applies a card move to the model, re-renders and saves it; a refused move is put back.
   * @param {string} cardId
   * @param {string} toListId
   * @param {number} toIndex index in the target list once the card is out of its old place
   */
  async function moveCardTo(cardId, toListId, toIndex, { focus = false } = {}) {
    const from = locate(cardId);
    const target = listById(toListId);
    if (!from || !target) return;
    const fromIndex = from.index;
    const fromListId = from.list.id;
    const sameSpot = fromListId === toListId && fromIndex === toIndex;
    if (sameSpot) {
      renderColumns({ focusCard: focus ? cardId : null });
      return;
    }
    const [card] = from.list.cards.splice(fromIndex, 1);
    card.listId = toListId;
    const index = Math.max(0, Math.min(toIndex, target.cards.length));
    target.cards.splice(index, 0, card);
    const where = { listId: toListId };
    if (index > 0) where.afterCardId = target.cards[index - 1].id;
    else if (target.cards.length > 1) where.beforeCardId = target.cards[1].id;
    renderColumns({ focusCard: focus ? cardId : null });
    live.say(() => t('board.cardMoved', { title: card.title, list: target.name, position: index + 1, total: target.cards.length }));
    try {
      const saved = await api.moveCard(workspaceId, boardId, cardId, where);
      card.version = saved.version;
      activity.changed();
    } catch (err) {
      // Put it back where it was (other moves made meanwhile stay).
      const now = locate(cardId);
      if (now) {
        now.list.cards.splice(now.index, 1);
        const origin = listById(fromListId) ?? now.list;
        card.listId = origin.id;
        origin.cards.splice(Math.min(fromIndex, origin.cards.length), 0, card);
      }
      renderColumns({ focusCard: focus ? cardId : null });
      toastError(err);
      live.say(() => t('board.moveFailed', { title: card.title }));
      if (err.status === 409 || err.status === 404 || err.status === 400) load({ quiet: true });
    }
  }

  async function moveListTo(listId, toIndex, { focus = false } = {}) {
    const fromIndex = board.lists.findIndex((l) => l.id === listId);
    if (fromIndex < 0) return;
    const index = Math.max(0, Math.min(toIndex, board.lists.length - 1));
    if (index === fromIndex) {
      renderColumns({ focusListHandle: focus ? listId : null });
      return;
    }
    const [list] = board.lists.splice(fromIndex, 1);
    board.lists.splice(index, 0, list);
    const where = index > 0 ? { afterListId: board.lists[index - 1].id } : { beforeListId: board.lists[1].id };
    renderColumns({ focusListHandle: focus ? listId : null });
    live.say(() => t('board.listMoved', { name: list.name, position: index + 1, total: board.lists.length }));
    try {
      const saved = await api.moveList(workspaceId, boardId, listId, where);
      list.version = saved.version;
      activity.changed();
    } catch (err) {
      const now = board.lists.findIndex((l) => l.id === listId);
      if (now >= 0) {
        board.lists.splice(now, 1);
        board.lists.splice(Math.min(fromIndex, board.lists.length), 0, list);
      }
      renderColumns({ focusListHandle: focus ? listId : null });
      toastError(err);
      if (err.status === 409 || err.status === 404 || err.status === 400) load({ quiet: true });
    }
  }

  // ------------------------------------------------------- drag and drop
  /** {kind: 'card'|'list', id, el, dropped} while something is being dragged. */
  let drag = null;

  function startCardDrag(event, card) {
    if (!can('EDIT_CARDS') || grabbed) {
      event.preventDefault();
      return;
    }
    const el = event.currentTarget;
    drag = { kind: 'card', id: card.id, el, dropped: false };
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('application/x-moim-card', card.id);
    event.dataTransfer.setData('text/plain', card.title);
    // After the browser took its drag image, the original turns into a placeholder.
    requestAnimationFrame(() => el.classList.add('is-dragging'));
    canvas.classList.add('is-dragging-card');
  }

  function startListDrag(event, list) {
    if (grabbed) {
      event.preventDefault();
      return;
    }
    const el = event.currentTarget.closest('.column');
    drag = { kind: 'list', id: list.id, el, dropped: false };
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('application/x-moim-list', list.id);
    event.dataTransfer.setData('text/plain', list.name);
    event.dataTransfer.setDragImage(el, 20, 20);
    requestAnimationFrame(() => el.classList.add('is-dragging'));
    canvas.classList.add('is-dragging-list');
  }

  function overCanvas(event) {
    if (!drag) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (drag.kind === 'card') {
      const section = event.target.closest?.('.column[data-list-id]');
      if (!section) return;
      const list = section.querySelector('.card-list');
      const before = [...list.children].find((tile) => {
        if (tile === drag.el) return false;
        const box = tile.getBoundingClientRect();
        return event.clientY < box.top + box.height / 2;
      });
      if (before) {
        if (drag.el.nextElementSibling !== before) list.insertBefore(drag.el, before);
      } else if (list.lastElementChild !== drag.el) {
        list.append(drag.el);
      }
    } else {
      const columns = [...canvas.querySelectorAll('.column[data-list-id]')];
      const before = columns.find((col) => {
        if (col === drag.el) return false;
        const box = col.getBoundingClientRect();
        return event.clientX < box.left + box.width / 2;
      });
      const adder = canvas.querySelector('.column-add');
      const anchor = before ?? adder ?? null;
      if (drag.el.nextElementSibling !== anchor) canvas.insertBefore(drag.el, anchor);
    }
  }

  function dropOnCanvas(event) {
    if (!drag) return;
    event.preventDefault();
    drag.dropped = true;
    commitDrag();
  }

  /** Reads where the dragged element now is in the DOM and moves it there in the model. */
  function commitDrag({ focus = false } = {}) {
    const current = drag;
    drag = null;
    canvas.classList.remove('is-dragging-card', 'is-dragging-list');
    current.el.classList.remove('is-dragging');
    if (current.kind === 'card') {
      const section = current.el.closest('.column');
      const list = current.el.parentElement;
      if (!section || !list) return renderColumns();
      const siblings = [...list.children].filter((tile) => tile !== current.el);
      const index = [...list.children].indexOf(current.el);
      const toListId = section.dataset.listId;
      // The index among the target's cards once the moved card has left its old place.
      const before = siblings[index] ?? null;
      const target = listById(toListId);
      const from = locate(current.id);
      let toIndex = before ? target.cards.findIndex((c) => c.id === before.dataset.cardId) : target.cards.length;
      if (from && from.list.id === toListId && from.index < toIndex) toIndex -= 1;
      if (toIndex < 0) toIndex = target.cards.length;
      moveCardTo(current.id, toListId, toIndex, { focus });
    } else {
      const columns = [...canvas.querySelectorAll('.column[data-list-id]')];
      moveListTo(current.id, columns.indexOf(current.el), { focus });
    }
  }

  function endDrag() {
    if (!drag) return;
    // Dropped outside any list: everything goes back.
    drag.el.classList.remove('is-dragging');
    canvas.classList.remove('is-dragging-card', 'is-dragging-list');
    drag = null;
    renderColumns();
  }

  // ----------------------------------------------------------- keyboard
  /** {id, el, refocusing} while a card is picked up with the keyboard. */
  let grabbed = null;

  function cardKey(event, card) {
    const el = event.currentTarget;
    if (event.target !== el || event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    if (grabbed) {
      if (key === ' ' || key === 'Enter') {
        event.preventDefault();
        const current = grabbed;
        grabbed = null;
        current.el.classList.remove('is-grabbed');
        current.el.removeAttribute('aria-grabbed');
        drag = { kind: 'card', id: current.id, el: current.el, dropped: true };
        commitDrag({ focus: true });
      } else if (key === 'Escape') {
        event.preventDefault();
        cancelGrab({ announce: true });
      } else if (key.startsWith('Arrow')) {
        event.preventDefault();
        moveGrabbed(key);
      }
      return;
    }
    if (key === 'Enter') {
      event.preventDefault();
      openCard(card.id);
    } else if (key === ' ' && can('EDIT_CARDS')) {
      event.preventDefault();
      grabbed = { id: card.id, el, refocusing: false };
      el.classList.add('is-grabbed');
      el.setAttribute('aria-grabbed', 'true');
      live.say(() => t('board.cardGrabbed', { title: card.title }));
    } else if (key === 'ArrowUp' || key === 'ArrowDown') {
      event.preventDefault();
      const next = key === 'ArrowUp' ? el.previousElementSibling : el.nextElementSibling;
      next?.focus();
    } else if (key === 'ArrowLeft' || key === 'ArrowRight') {
      event.preventDefault();
      const columns = [...canvas.querySelectorAll('.column[data-list-id]')];
      const at = columns.indexOf(el.closest('.column'));
      const index = [...el.parentElement.children].indexOf(el);
      for (let i = at + (key === 'ArrowLeft' ? -1 : 1); i >= 0 && i < columns.length; i += key === 'ArrowLeft' ? -1 : 1) {
        const tiles = columns[i].querySelectorAll('.card-tile');
        if (tiles.length) {
          tiles[Math.min(index, tiles.length - 1)].focus();
          break;
        }
      }
    }
  }

  /** Moves the picked-up card one step in the DOM (saved on drop). */
  function moveGrabbed(key) {
    const el = grabbed.el;
    const list = el.parentElement;
    const columns = [...canvas.querySelectorAll('.column[data-list-id]')];
    const at = columns.indexOf(el.closest('.column'));
    grabbed.refocusing = true;
    if (key === 'ArrowUp' && el.previousElementSibling) {
      list.insertBefore(el, el.previousElementSibling);
    } else if (key === 'ArrowDown' && el.nextElementSibling) {
      list.insertBefore(el.nextElementSibling, el);
    } else if ((key === 'ArrowLeft' && at > 0) || (key === 'ArrowRight' && at < columns.length - 1)) {
      const index = [...list.children].indexOf(el);
      const targetList = columns[at + (key === 'ArrowLeft' ? -1 : 1)].querySelector('.card-list');
      targetList.insertBefore(el, targetList.children[index] ?? null);
    }
    el.focus();
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    grabbed.refocusing = false;
    const column = el.closest('.column');
    const listName = listById(column.dataset.listId)?.name ?? '';
    const position = [...el.parentElement.children].indexOf(el) + 1;
    const count = el.parentElement.children.length;
    live.say(() => t('board.cardOver', { list: listName, position, total: count }));
  }

  function cancelGrab({ announce = false } = {}) {
    if (!grabbed) return;
    const id = grabbed.id;
    const title = locate(id)?.card.title ?? '';
    grabbed = null;
    renderColumns({ focusCard: announce ? id : null });
    if (announce) live.say(() => t('board.moveCancelled', { title }));
  }

  function listHandleKey(event, list) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const index = board.lists.findIndex((l) => l.id === list.id);
    moveListTo(list.id, index + (event.key === 'ArrowLeft' ? -1 : 1), { focus: true });
  }

  // ------------------------------------------------------------------- chat
  /** The board's channel beside the lists (docs/chat.md: created on first use). */
  async function toggleChat() {
    if (!chatSide.hidden) {
      chatSide.hidden = true;
      chat?.panel.cleanup();
      chat = null;
      chatSide.replaceChildren();
      return;
    }
    chatSide.hidden = false;
    const status = statusLine('board-chat-status');
    chatSide.replaceChildren(status.el);
    status.set(tx('common.loading'));
    try {
      const view = await api.getBoardChannel(boardId);
      const store = currentChat();
      if (!alive || chatSide.hidden || !store) return;
      store.adopt(view);
      const panel = chatPanel({
        chat: store,
        channelId: view.id,
        role: () => ctx.workspace()?.myRole ?? null,
        boardName: () => board?.name ?? null,
        personName: personNameOf,
        onClose: () => header.querySelector('[data-testid="board-chat-toggle"]')?.click(),
        // On a phone the chat covers the board; back closes it and returns to the button that opened it.
        back: () => {
          const toggle = header.querySelector('[data-testid="board-chat-toggle"]');
          toggle?.click();
          toggle?.focus();
        },
      });
      chat = { panel, channelId: view.id };
      chatSide.replaceChildren(panel.el);
      panel.focus();
    } catch (err) {
      if (!alive || err.sessionEnded) return;
      status.set(describeError(err), { variant: 'error' });
    }
  }

  // ------------------------------------------------------------------- live
  /** The open card composer (list and text), put back after the columns are drawn again. */
  function keepComposer() {
    const form = canvas.querySelector('[data-testid="new-card-form"]:not([hidden])');
    if (!form) return () => {};
    const listId = form.closest('[data-list-id]')?.dataset.listId;
    const input = form.querySelector('[data-testid="new-card-title"]');
    const { value, selectionStart, selectionEnd } = input;
    const focused = document.activeElement === input;
    return () => {
      const column = canvas.querySelector(`[data-list-id="${CSS.escape(listId ?? '')}"]`);
      if (!column) return;
      column.querySelector('[data-testid="add-card"]')?.click();
      const again = column.querySelector('[data-testid="new-card-title"]');
      again.value = value;
      if (focused) again.setSelectionRange(selectionStart, selectionEnd);
      else again.blur();
    };
  }

  /** Someone changed the board (or this tab missed changes): shows it as the server has it now. */
  async function refreshLive() {
    let fresh;
    try {
      fresh = await api.getBoard(workspaceId, boardId);
    } catch (err) {
      if (alive && err.status === 404) load({ quiet: true });
      return;
    }
    if (!alive || (board && fresh.revision < board.revision)) return;
    const putBack = keepComposer();
    board = fresh;
    actions = new Set(board.myActions ?? []);
    renderHeader();
    renderColumns();
    putBack();
    activity.changed();
  }

  const following = followBoard({
    boardId,
    revision: () => board?.revision ?? null,
    // This tab's own write: it shows already where the person made it.
    shows: (revision) => {
      if (board) board.revision = revision;
    },
    // Not while something is dragged or picked up, a list is being renamed, or a new list named.
    canRefresh: () => board != null && !drag && !grabbed && !canvas.querySelector('[data-testid="list-name-input"]')
      && !canvas.querySelector('[data-testid="new-list-form"]:not([hidden])'),
    refresh: refreshLive,
    cardChanged: (id, kind) => {
      if (cardDialog?.cardId === id) cardDialog.refresh?.(kind);
    },
  });

  canvas.addEventListener('dragover', overCanvas);
  canvas.addEventListener('drop', dropOnCanvas);
  load();

  return {
    cleanup() {
      alive = false;
      following.stop();
      main.classList.remove('main-board');
      const dialog = cardDialog;
      cardDialog = null;
      dialog?.close();
      activity.cleanup();
      chat?.panel.cleanup();
    },
    update(next) {
      query = next;
      syncCardDialog();
    },
  };
}
