/**
 * The open board's state (docs/browser.md, "Boards"): the BoardDetail the server answered
 * (lists in order, their cards in order, labels, members, the revision) and my actions on it.
 *
 * The store is the truth the board view draws: every change goes through one of its operations,
 * which tells the listeners (onChange), and the view draws the columns (or the header) again from
 * it. A move is applied at once (optimistic) and answers the neighbour the server needs
 * (`where`); a refused move is put back with `moveCardBack` / `moveListBack`.
 *
 * It imports nothing and touches no DOM, so its rules are tested in Node
 * (src/test/js/board-store.test.mjs).
 *
 * Events: {type: 'board'} (a whole board read: header and columns), {type: 'header'} (the
 * board's own fields), {type: 'lists', focusCard?, focusListHandle?} (lists or cards; the
 * focus is what the person was moving with the keyboard, to be focused again once drawn).
 */

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
export function dueState(dueAt, now = Date.now()) {
  if (!dueAt) return null;
  const left = Date.parse(dueAt) - now;
  if (left < 0) return 'overdue';
  if (left < 86_400_000) return 'soon';
  return null;
}

export class BoardStore {
  constructor() {
    /** @type {object|null} BoardDetail */
    this.board = null;
    this.actions = new Set();
    this.listeners = new Set();
  }

  onChange(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  emit(event) {
    this.listeners.forEach((fn) => fn(event));
  }

  // ------------------------------------------------------------------ reading

  can(action) {
    return this.actions.has(action);
  }

  /** The revision the view shows, null before the first read. */
  get revision() {
    return this.board?.revision ?? null;
  }

  list(id) {
    return this.board?.lists.find((l) => l.id === id);
  }

  listName(id) {
    return this.list(id)?.name ?? null;
  }

  /** {list, index, card} of a card on the board, or null. */
  locate(cardId) {
    for (const list of this.board?.lists ?? []) {
      const index = list.cards.findIndex((c) => c.id === cardId);
      if (index >= 0) return { list, index, card: list.cards[index] };
    }
    return null;
  }

  /** The board's labels a card carries, in the card's order. */
  labelsOf(card) {
    return (card.labelIds ?? []).map((id) => this.board.labels.find((l) => l.id === id)).filter(Boolean);
  }

  /** A name for an account id from what the board view knows (members, assignees). */
  personName(id) {
    const member = this.board?.members?.find((m) => m.accountId === id);
    if (member) return member.displayName;
    for (const list of this.board?.lists ?? []) {
      for (const card of list.cards) {
        const person = card.assignees?.find((a) => a.accountId === id);
        if (person) return person.displayName;
      }
    }
    return null;
  }

  // ------------------------------------------------------- the server's answers

  /** A board read (GET …/boards/{id}): it replaces what was held. */
  loaded(fresh) {
    this.board = fresh;
    this.actions = new Set(fresh.myActions ?? []);
    this.emit({ type: 'board' });
  }

  /**
   * A board read after a live change: taken unless it is older than what is shown (a read that
   * crossed a write of this tab). Returns whether it was taken.
   */
  refreshed(fresh) {
    if (this.board && fresh.revision < this.board.revision) return false;
    this.loaded(fresh);
    return true;
  }

  /** A write of this tab gave the board this revision (the Moim-Board-Revision header): shown. */
  shows(revision) {
    if (this.board) this.board.revision = revision;
  }

  /** PATCH …/boards/{id} answered: the board's own fields. */
  boardUpdated(updated) {
    Object.assign(this.board, updated);
    this.emit({ type: 'header' });
  }

  /** A stale-version answer's current board: its own fields; lists, labels and members stay. */
  boardStale(current) {
    const { lists, labels, members } = this.board;
    Object.assign(this.board, { ...current, lists, labels, members });
    this.emit({ type: 'header' });
  }

  membersChanged(members) {
    this.board.members = members;
  }

  listAdded(list) {
    if (!this.list(list.id)) this.board.lists.push({ ...list, cards: [] });
    this.emit({ type: 'lists' });
  }

  listRenamed(listId, { name, version }, { focus = false } = {}) {
    const list = this.list(listId);
    if (list) Object.assign(list, { name, version });
    this.emit({ type: 'lists', focusListHandle: focus ? listId : null });
  }

  listArchived(listId) {
    this.board.lists = this.board.lists.filter((l) => l.id !== listId);
    this.emit({ type: 'lists' });
  }

  /** A card created in a list (POST …/cards), unless a live read brought it already. */
  cardAdded(created, listId) {
    const target = this.list(listId);
    if (target && !this.locate(created.id)) target.cards.push(cardSummary(created));
    this.emit({ type: 'lists' });
  }

  /** A full Card after a change in its dialog: its tile shows it. */
  cardChanged(card) {
    const found = this.locate(card.id);
    if (found) found.list.cards[found.index] = { ...found.card, ...cardSummary(card) };
    this.emit({ type: 'lists' });
  }

  cardArchived(cardId) {
    const found = this.locate(cardId);
    if (found) found.list.cards.splice(found.index, 1);
    this.emit({ type: 'lists' });
  }

  /** Draws the columns again without a change (a drag that ended nowhere, a cancelled pick-up). */
  redraw(focus = {}) {
    this.emit({ type: 'lists', ...focus });
  }

  // ------------------------------------------------------------------ moving

  /**
   * Where a card dropped before `beforeCardId` (null: last) of a list lands: its index in that
   * list once it has left its old place.
   */
  dropIndex(cardId, toListId, beforeCardId) {
    const target = this.list(toListId);
    const from = this.locate(cardId);
    let toIndex = beforeCardId ? target.cards.findIndex((c) => c.id === beforeCardId) : target.cards.length;
    if (from && from.list.id === toListId && from.index < toIndex) toIndex -= 1;
    if (toIndex < 0) toIndex = target.cards.length;
    return toIndex;
  }

  /**
   * Moves a card to an index of a list (the index once it is out of its old place), at once.
   * Returns null when the card or list is unknown; {moved: false} when it is already there;
   * else the move: {moved: true, card, list, index, fromListId, fromIndex, where}, `where` being
   * what POST …/cards/{id}/move needs: the list and the card it now follows or, first, precedes.
   */
  moveCard(cardId, toListId, toIndex, { focus = false } = {}) {
    const from = this.locate(cardId);
    const target = this.list(toListId);
    if (!from || !target) return null;
    const hint = { focusCard: focus ? cardId : null };
    if (from.list.id === toListId && from.index === toIndex) {
      this.emit({ type: 'lists', ...hint });
      return { moved: false };
    }
    const [card] = from.list.cards.splice(from.index, 1);
    card.listId = toListId;
    const index = Math.max(0, Math.min(toIndex, target.cards.length));
    target.cards.splice(index, 0, card);
    const where = { listId: toListId };
    if (index > 0) where.afterCardId = target.cards[index - 1].id;
    else if (target.cards.length > 1) where.beforeCardId = target.cards[1].id;
    this.emit({ type: 'lists', ...hint });
    return { moved: true, card, list: target, index, fromListId: from.list.id, fromIndex: from.index, where };
  }

  /** A refused card move: the card goes back where it was (other moves made meanwhile stay). */
  moveCardBack(move, { focus = false } = {}) {
    const now = this.locate(move.card.id);
    if (now) {
      now.list.cards.splice(now.index, 1);
      const origin = this.list(move.fromListId) ?? now.list;
      move.card.listId = origin.id;
      origin.cards.splice(Math.min(move.fromIndex, origin.cards.length), 0, move.card);
    }
    this.emit({ type: 'lists', focusCard: focus ? move.card.id : null });
  }

  /**
   * Moves a list to an index (clamped to the board), at once. Returns null when unknown,
   * {moved: false} when already there, else {moved: true, list, index, fromIndex, where}.
   */
  moveList(listId, toIndex, { focus = false } = {}) {
    const lists = this.board.lists;
    const fromIndex = lists.findIndex((l) => l.id === listId);
    if (fromIndex < 0) return null;
    const hint = { focusListHandle: focus ? listId : null };
    const index = Math.max(0, Math.min(toIndex, lists.length - 1));
    if (index === fromIndex) {
      this.emit({ type: 'lists', ...hint });
      return { moved: false };
    }
    const [list] = lists.splice(fromIndex, 1);
    lists.splice(index, 0, list);
    const where = index > 0 ? { afterListId: lists[index - 1].id } : { beforeListId: lists[1].id };
    this.emit({ type: 'lists', ...hint });
    return { moved: true, list, index, fromIndex, where };
  }

  /** A refused list move: the list goes back to its old index. */
  moveListBack(move, { focus = false } = {}) {
    const lists = this.board.lists;
    const now = lists.findIndex((l) => l.id === move.list.id);
    if (now >= 0) {
      lists.splice(now, 1);
      lists.splice(Math.min(move.fromIndex, lists.length), 0, move.list);
    }
    this.emit({ type: 'lists', focusListHandle: focus ? move.list.id : null });
  }

  /** A saved move's answer: the new version of what moved. */
  saved(moved, { version }) {
    moved.version = version;
  }
}
