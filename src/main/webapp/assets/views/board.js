/**
 * The kanban board (#/w/{ws}/boards/{board}[?card={id}]): lists as columns, cards in them, one
 * request for the whole view (GET …/boards/{id}).
 *
 * The board's state is a store (board/board-store.js); every change goes through it and the
 * columns (or the header) are drawn again from it, so what is shown is always what was (or is
 * being) saved. The parts live beside the store under assets/board/: the header and its menu
 * (board-header.js), the columns and composers (board-columns.js), a card's tile
 * (card-tile.js), dragging and the keyboard (board-drag.js), saving moves (board-moves.js) and
 * the board's chat (board-chat.js). This module puts them together, reads the board, follows
 * other people's changes (board-live.js) and opens the card dialog for ?card=.
 */
import * as api from '../api.js';
import { followBoard } from './board-live.js';
import { setPageTitle, tx } from '../i18n.js';
import { h } from '../dom.js';
import { describeError } from '../forms.js';
import { href, hrefWithQuery, navigate } from '../router.js';
import { openCardDialog } from './card-dialog.js';
import { activityPanel } from './activity.js';
import { announcer, statusLine } from './ui.js';
import { BoardStore } from '../board/board-store.js';
import { boardHeader } from '../board/board-header.js';
import { boardColumns } from '../board/board-columns.js';
import { boardMoves } from '../board/board-moves.js';
import { boardDrag } from '../board/board-drag.js';
import { boardChat } from '../board/board-chat.js';

/** #/w/{ws}/boards/{board}[?card={id}] */
export function renderBoard(main, ctx) {
  const workspaceId = ctx.workspaceId;
  const boardId = ctx.params.board;
  const store = new BoardStore();
  let alive = true;
  let query = ctx.query;

  main.classList.add('main-board');
  const status = statusLine('board-status');
  const header = h('div', { class: 'board-header' });
  const canvas = h('div', { class: 'board-canvas', testid: 'board-canvas' });
  const activity = activityPanel({ workspaceId, boardId, listName: (id) => store.listName(id), personName: (id) => store.personName(id) });
  const chatSide = h('aside', { class: 'board-chat', testid: 'board-chat', id: `board-chat-${boardId}`, hidden: true });
  const live = announcer();
  const help = h(
    'div',
    { hidden: true },
    h('p', { id: 'card-keys-help', i18n: 'board.cardKeysHelp' }),
    h('p', { id: 'list-keys-help', i18n: 'board.listKeysHelp' }),
  );
  main.append(status.el, header, h('div', { class: 'board-layout' }, canvas, activity.el, chatSide), live.el, help);

  const chat = boardChat({
    boardId,
    side: chatSide,
    header,
    alive: () => alive,
    role: () => ctx.workspace()?.myRole ?? null,
    boardName: () => store.board?.name ?? null,
    personName: (id) => store.personName(id),
  });
  const view = {
    workspaceId,
    boardId,
    store,
    header,
    canvas,
    live,
    activity,
    chatSide,
    toggleChat: chat.toggle,
    reload: (options) => load(options),
    openCard: (cardId) => navigate(hrefWithQuery(['w', workspaceId, 'boards', boardId], { card: cardId })),
  };
  const headerView = boardHeader(view);
  view.moving = boardDrag(view, boardMoves(view));
  const columns = boardColumns(view);
  const cards = cardDialogs(view, () => query, () => alive);

  store.onChange((event) => {
    if (event.type === 'board' || event.type === 'header') headerView.render();
    if (event.type === 'board' || event.type === 'lists') columns.render(event);
  });

  async function load({ quiet = false } = {}) {
    if (!quiet) status.set(tx('common.loading'));
    main.setAttribute('aria-busy', 'true');
    try {
      const fresh = await api.getBoard(workspaceId, boardId);
      if (!alive) return;
      status.set(null);
      store.loaded(fresh);
      setPageTitle('page.board', () => `${store.board.name} · ${ctx.workspace()?.name ?? ''}`);
      cards.sync();
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

  /** Someone changed the board (or this tab missed changes): shows it as the server has it now. */
  async function refreshLive() {
    let fresh;
    try {
      fresh = await api.getBoard(workspaceId, boardId);
    } catch (err) {
      if (alive && err.status === 404) load({ quiet: true });
      return;
    }
    if (!alive) return;
    const putBack = keepComposer(canvas);
    // A read older than what is shown (it crossed a write of this tab) is dropped.
    if (!store.refreshed(fresh)) return;
    putBack();
    activity.changed();
  }

  const following = followBoard({
    boardId,
    revision: () => store.revision,
    // This tab's own write: it shows already where the person made it.
    shows: (revision) => store.shows(revision),
    // Not while something is dragged or picked up, a list is being renamed, or a new list named.
    canRefresh: () => store.board != null && !view.moving.busy() && !canvas.querySelector('[data-testid="list-name-input"]')
      && !canvas.querySelector('[data-testid="new-list-form"]:not([hidden])'),
    refresh: refreshLive,
    cardChanged: (id, kind) => cards.changed(id, kind),
  });

  load();

  return {
    cleanup() {
      alive = false;
      following.stop();
      main.classList.remove('main-board');
      cards.close();
      activity.cleanup();
      chat.cleanup();
    },
    update(next) {
      query = next;
      cards.sync();
    },
  };
}

/** The open card composer (list and text), put back after the columns are drawn again. */
function keepComposer(canvas) {
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

/**
 * The card dialog that ?card= asks for: opened and closed to match the query; its changes go to
 * the store, and closing it takes ?card= off the URL and focus back to the card.
 */
function cardDialogs(view, query, alive) {
  const { store, canvas, activity, workspaceId, boardId } = view;
  const boardUrl = href('w', workspaceId, 'boards', boardId);
  let open = null; // {cardId, close, refresh}

  function sync() {
    const cardId = query().get('card');
    if (open && open.cardId !== cardId) {
      const previous = open;
      open = null;
      previous.close();
    }
    if (!cardId || open || !store.board) return;
    open = openCardDialog({
      workspaceId,
      board: store.board,
      cardId,
      can: (action) => store.can(action),
      onChange: (card) => {
        store.cardChanged(card);
        activity.changed();
      },
      onArchived: (id) => {
        store.cardArchived(id);
        activity.changed();
      },
      onClosed: () => {
        if (open?.cardId === cardId) open = null;
        // Closed because the page is going away: leave the URL alone.
        if (!alive()) return;
        if (query().get('card') === cardId) navigate(boardUrl, { replace: true });
        // Focus returns to the card on the board.
        canvas.querySelector(`[data-card-id="${CSS.escape(cardId)}"]`)?.focus();
      },
    });
  }

  return {
    sync,
    /** Someone else changed this card (board-live.js): the open dialog shows it. */
    changed(cardId, kind) {
      if (open?.cardId === cardId) open.refresh?.(kind);
    },
    close() {
      const dialog = open;
      open = null;
      dialog?.close();
    },
  };
}
