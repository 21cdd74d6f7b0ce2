/**
 * Saving a move of a card or a list: the store moves it at once (optimistic), the move is sent
 * with the neighbour it now follows (afterCardId / afterListId) or, first in line, precedes
 * (beforeCardId / beforeListId), and a refused move (409, 404, network…) is put back; on 409,
 * 404 or 400 the board is read again, since someone else changed it.
 */
import * as api from '../api.js';
import { t } from '../i18n.js';
import { toastError } from '../views/ui.js';

const READ_AGAIN = new Set([409, 404, 400]);

/**
 * @param {object} view the board view's parts (workspaceId, boardId, store, live, activity, reload)
 * @returns {{moveCardTo: Function, moveListTo: Function}}
 */
export function boardMoves(view) {
  const { store, live } = view;

  /**
   * @param {string} cardId
   * @param {string} toListId
   * @param {number} toIndex index in the target list once the card is out of its old place
   */
  async function moveCardTo(cardId, toListId, toIndex, { focus = false } = {}) {
    const move = store.moveCard(cardId, toListId, toIndex, { focus });
    if (!move?.moved) return;
    const { card, list, index } = move;
    live.say(() => t('board.cardMoved', { title: card.title, list: list.name, position: index + 1, total: list.cards.length }));
    try {
      store.saved(card, await api.moveCard(view.workspaceId, view.boardId, cardId, move.where));
      view.activity.changed();
    } catch (err) {
      store.moveCardBack(move, { focus });
      toastError(err);
      live.say(() => t('board.moveFailed', { title: card.title }));
      if (READ_AGAIN.has(err.status)) view.reload({ quiet: true });
    }
  }

  async function moveListTo(listId, toIndex, { focus = false } = {}) {
    const move = store.moveList(listId, toIndex, { focus });
    if (!move?.moved) return;
    const { list, index } = move;
    live.say(() => t('board.listMoved', { name: list.name, position: index + 1, total: store.board.lists.length }));
    try {
      store.saved(list, await api.moveList(view.workspaceId, view.boardId, listId, move.where));
      view.activity.changed();
    } catch (err) {
      store.moveListBack(move, { focus });
      toastError(err);
      if (READ_AGAIN.has(err.status)) view.reload({ quiet: true });
    }
  }

  return { moveCardTo, moveListTo };
}
