/**
 * Moving cards and lists by hand (docs/browser.md, "Boards"):
 *  - Mouse: HTML5 drag and drop of cards (within and across lists) and of lists (by their
 *    handle). While dragging, the element itself moves to where it would land; on drop the DOM
 *    position is read back and handed to board-moves.js.
 *  - Keyboard: on a card, Space picks it up, the arrow keys move it (Up/Down in its list,
 *    Left/Right to the neighbouring lists), Space or Enter drops it and Escape puts it back;
 *    without a card picked up the arrow keys move focus between cards and Enter opens one. A
 *    list's handle moves the list with Left/Right. Every step is announced in a live region.
 */
import { t } from '../i18n.js';

/**
 * @param {object} view the board view's parts (store, canvas, live, openCard)
 * @param {{moveCardTo: Function, moveListTo: Function}} moves
 */
export function boardDrag(view, moves) {
  const hand = {
    /** {kind: 'card'|'list', id, el, dropped} while something is being dragged. */
    drag: null,
    /** {id, el, refocusing} while a card is picked up with the keyboard. */
    grabbed: null,
    columns: () => [...view.canvas.querySelectorAll('.column[data-list-id]')],
  };
  const mouse = mouseMoves(view, moves, hand);
  const keys = keyboardMoves(view, moves, hand, mouse.commitDrag);
  view.canvas.addEventListener('dragover', mouse.overCanvas);
  view.canvas.addEventListener('drop', mouse.dropOnCanvas);
  return {
    startCardDrag: mouse.startCardDrag,
    startListDrag: mouse.startListDrag,
    endDrag: mouse.endDrag,
    cardKey: keys.cardKey,
    cardBlurred: keys.cardBlurred,
    listHandleKey: keys.listHandleKey,
    /** Whether something is being dragged or picked up (a live read would disturb it). */
    busy: () => hand.drag != null || hand.grabbed != null,
  };
}

/** Drag and drop with the mouse; `commitDrag` also ends a keyboard move. */
function mouseMoves(view, moves, hand) {
  const { store, canvas } = view;
  const columnsNow = hand.columns;

  function startCardDrag(event, card) {
    if (!store.can('EDIT_CARDS') || hand.grabbed) {
      event.preventDefault();
      return;
    }
    const el = event.currentTarget;
    hand.drag = { kind: 'card', id: card.id, el, dropped: false };
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('application/x-moim-card', card.id);
    event.dataTransfer.setData('text/plain', card.title);
    // After the browser took its drag image, the original turns into a placeholder.
    requestAnimationFrame(() => el.classList.add('is-dragging'));
    canvas.classList.add('is-dragging-card');
  }

  function startListDrag(event, list) {
    if (hand.grabbed) {
      event.preventDefault();
      return;
    }
    const el = event.currentTarget.closest('.column');
    hand.drag = { kind: 'list', id: list.id, el, dropped: false };
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('application/x-moim-list', list.id);
    event.dataTransfer.setData('text/plain', list.name);
    event.dataTransfer.setDragImage(el, 20, 20);
    requestAnimationFrame(() => el.classList.add('is-dragging'));
    canvas.classList.add('is-dragging-list');
  }

  /** The dragged card goes before the first tile whose middle is below the pointer. */
  function cardOver(event) {
    const section = event.target.closest?.('.column[data-list-id]');
    if (!section) return;
    const list = section.querySelector('.card-list');
    const before = [...list.children].find((tile) => {
      if (tile === hand.drag.el) return false;
      const box = tile.getBoundingClientRect();
      return event.clientY < box.top + box.height / 2;
    });
    if (before) {
      if (hand.drag.el.nextElementSibling !== before) list.insertBefore(hand.drag.el, before);
    } else if (list.lastElementChild !== hand.drag.el) {
      list.append(hand.drag.el);
    }
  }

  /** The dragged list goes before the first column whose middle is right of the pointer. */
  function listOver(event) {
    const before = columnsNow().find((col) => {
      if (col === hand.drag.el) return false;
      const box = col.getBoundingClientRect();
      return event.clientX < box.left + box.width / 2;
    });
    const adder = canvas.querySelector('.column-add');
    const anchor = before ?? adder ?? null;
    if (hand.drag.el.nextElementSibling !== anchor) canvas.insertBefore(hand.drag.el, anchor);
  }

  function overCanvas(event) {
    if (!hand.drag) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (hand.drag.kind === 'card') cardOver(event);
    else listOver(event);
  }

  function dropOnCanvas(event) {
    if (!hand.drag) return;
    event.preventDefault();
    hand.drag.dropped = true;
    commitDrag();
  }

  /** Reads where the dragged element now is in the DOM and moves it there in the store. */
  function commitDrag({ focus = false } = {}) {
    const current = hand.drag;
    hand.drag = null;
    canvas.classList.remove('is-dragging-card', 'is-dragging-list');
    current.el.classList.remove('is-dragging');
    if (current.kind === 'list') {
      moves.moveListTo(current.id, columnsNow().indexOf(current.el), { focus });
      return;
    }
    const section = current.el.closest('.column');
    const list = current.el.parentElement;
    if (!section || !list) {
      store.redraw();
      return;
    }
    const siblings = [...list.children].filter((tile) => tile !== current.el);
    const before = siblings[[...list.children].indexOf(current.el)] ?? null;
    const toListId = section.dataset.listId;
    moves.moveCardTo(current.id, toListId, store.dropIndex(current.id, toListId, before?.dataset.cardId ?? null), { focus });
  }

  function endDrag() {
    if (!hand.drag) return;
    // Dropped outside any list: everything goes back.
    hand.drag.el.classList.remove('is-dragging');
    canvas.classList.remove('is-dragging-card', 'is-dragging-list');
    hand.drag = null;
    store.redraw();
  }

  return { startCardDrag, startListDrag, overCanvas, dropOnCanvas, commitDrag, endDrag };
}

/** Picking a card up and moving it with the keyboard, moving focus, moving a list by its handle. */
function keyboardMoves(view, moves, hand, commitDrag) {
  const { store, canvas, live } = view;
  const columnsNow = hand.columns;

  function cardKey(event, card) {
    const el = event.currentTarget;
    if (event.target !== el || event.altKey || event.ctrlKey || event.metaKey) return;
    if (hand.grabbed) grabbedKey(event);
    else if (event.key === 'Enter') {
      event.preventDefault();
      view.openCard(card.id);
    } else if (event.key === ' ' && store.can('EDIT_CARDS')) {
      event.preventDefault();
      hand.grabbed = { id: card.id, el, refocusing: false };
      el.classList.add('is-grabbed');
      el.setAttribute('aria-grabbed', 'true');
      live.say(() => t('board.cardGrabbed', { title: card.title }));
    } else if (event.key.startsWith('Arrow')) focusNeighbour(event, el);
  }

  /** A key on the picked-up card: drop, put back or move it. */
  function grabbedKey(event) {
    const key = event.key;
    if (key === ' ' || key === 'Enter') {
      event.preventDefault();
      const current = hand.grabbed;
      hand.grabbed = null;
      current.el.classList.remove('is-grabbed');
      current.el.removeAttribute('aria-grabbed');
      hand.drag = { kind: 'card', id: current.id, el: current.el, dropped: true };
      commitDrag({ focus: true });
    } else if (key === 'Escape') {
      event.preventDefault();
      cancelGrab({ announce: true });
    } else if (key.startsWith('Arrow')) {
      event.preventDefault();
      moveGrabbed(key);
    }
  }

  /** Without a card picked up, the arrow keys move focus to the neighbouring card. */
  function focusNeighbour(event, el) {
    const key = event.key;
    if (key === 'ArrowUp' || key === 'ArrowDown') {
      event.preventDefault();
      const next = key === 'ArrowUp' ? el.previousElementSibling : el.nextElementSibling;
      next?.focus();
    } else if (key === 'ArrowLeft' || key === 'ArrowRight') {
      event.preventDefault();
      const columns = columnsNow();
      const at = columns.indexOf(el.closest('.column'));
      const index = [...el.parentElement.children].indexOf(el);
      const step = key === 'ArrowLeft' ? -1 : 1;
      for (let i = at + step; i >= 0 && i < columns.length; i += step) {
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
    const el = hand.grabbed.el;
    const list = el.parentElement;
    const columns = columnsNow();
    const at = columns.indexOf(el.closest('.column'));
    hand.grabbed.refocusing = true;
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
    hand.grabbed.refocusing = false;
    const listName = store.listName(el.closest('.column').dataset.listId) ?? '';
    const position = [...el.parentElement.children].indexOf(el) + 1;
    const count = el.parentElement.children.length;
    live.say(() => t('board.cardOver', { list: listName, position, total: count }));
  }

  function cancelGrab({ announce = false } = {}) {
    if (!hand.grabbed) return;
    const id = hand.grabbed.id;
    const title = store.locate(id)?.card.title ?? '';
    hand.grabbed = null;
    store.redraw({ focusCard: announce ? id : null });
    if (announce) live.say(() => t('board.moveCancelled', { title }));
  }

  /** A picked-up card that loses focus (not by its own move) is put back. */
  function cardBlurred(card) {
    if (hand.grabbed?.id === card.id && !hand.grabbed.refocusing) cancelGrab();
  }

  function listHandleKey(event, list) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const index = store.board.lists.findIndex((l) => l.id === list.id);
    moves.moveListTo(list.id, index + (event.key === 'ArrowLeft' ? -1 : 1), { focus: true });
  }

  return { cardKey, cardBlurred, listHandleKey };
}
