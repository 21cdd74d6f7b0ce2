// The board view's store (assets/board/board-store.js): a board read, live reads and this tab's
// revisions, moves of cards and lists with the neighbour the server is told and their undoing,
// and the changes the view and the card dialog make.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const { BoardStore, cardSummary, dueState } = await import('../../main/webapp/assets/board/board-store.js');

const card = (id, listId, extra = {}) => ({ id, listId, title: id.toUpperCase(), version: 0, assignees: [], labelIds: [], comments: 0, checklist: { done: 0, total: 0 }, ...extra });

/** Lists "todo" [a, b, c], "doing" [d], "done" []; revision 7; I may edit cards. */
function boardDetail(extra = {}) {
  return {
    id: 'b1',
    name: 'Launch',
    revision: 7,
    version: 3,
    myActions: ['EDIT_CARDS', 'MANAGE_LISTS'],
    labels: [{ id: 'l1', name: 'Urgent', colour: '#f00' }, { id: 'l2', name: 'Later', colour: null }],
    members: [{ accountId: 'ann', displayName: 'Ann' }],
    lists: [
      { id: 'todo', name: 'To do', version: 0, cards: [card('a', 'todo'), card('b', 'todo'), card('c', 'todo')] },
      { id: 'doing', name: 'Doing', version: 0, cards: [card('d', 'doing', { assignees: [{ accountId: 'ben', displayName: 'Ben' }] })] },
      { id: 'done', name: 'Done', version: 0, cards: [] },
    ],
    ...extra,
  };
}

/** A store with the board read, and the events it told since. */
function loadedStore(extra) {
  const store = new BoardStore();
  const events = [];
  store.onChange((event) => events.push(event));
  store.loaded(boardDetail(extra));
  events.length = 0;
  return { store, events };
}

const ids = (store, listId) => store.list(listId).cards.map((c) => c.id);

test('a board read is held with my actions, and the view is told to draw all of it', () => {
  const store = new BoardStore();
  const events = [];
  store.onChange((event) => events.push(event));
  assert.equal(store.revision, null, 'nothing shown before the first read');
  store.loaded(boardDetail());
  assert.deepEqual(events, [{ type: 'board' }]);
  assert.equal(store.revision, 7);
  assert.ok(store.can('EDIT_CARDS'));
  assert.ok(!store.can('DELETE_BOARD'));
  assert.equal(store.listName('doing'), 'Doing');
  assert.equal(store.listName('gone'), null);
  assert.deepEqual(store.locate('c'), { list: store.list('todo'), index: 2, card: store.list('todo').cards[2] });
  assert.equal(store.locate('zz'), null);
});

test('people are named from the members first, then from the cards\' assignees', () => {
  const { store } = loadedStore();
  assert.equal(store.personName('ann'), 'Ann');
  assert.equal(store.personName('ben'), 'Ben');
  assert.equal(store.personName('cat'), null);
});

test('a live read older than the board shown is dropped; a newer or equal one replaces it', () => {
  const { store, events } = loadedStore();
  assert.equal(store.refreshed(boardDetail({ revision: 6, name: 'Old' })), false);
  assert.equal(store.board.name, 'Launch');
  assert.deepEqual(events, []);
  assert.equal(store.refreshed(boardDetail({ revision: 9, name: 'New', myActions: [] })), true);
  assert.equal(store.board.name, 'New');
  assert.equal(store.revision, 9);
  assert.ok(!store.can('EDIT_CARDS'), 'my actions follow the read');
  assert.deepEqual(events, [{ type: 'board' }]);
});

test('a revision this tab\'s own write gave the board is shown without a read', () => {
  const { store, events } = loadedStore();
  store.shows(8);
  assert.equal(store.revision, 8);
  assert.deepEqual(events, [], 'nothing is drawn again: the change shows where it was made');
  new BoardStore().shows(3); // before the first read: nothing to mark
});

test('a card moved down its own list follows the card now before it', () => {
  const { store, events } = loadedStore();
  const move = store.moveCard('a', 'todo', 2, { focus: true });
  assert.deepEqual(ids(store, 'todo'), ['b', 'c', 'a']);
  assert.deepEqual(move.where, { listId: 'todo', afterCardId: 'c' });
  assert.equal(move.index, 2);
  assert.deepEqual(events, [{ type: 'lists', focusCard: 'a' }]);
});

test('a card moved to the top of another list precedes its first card; to an empty list it names only the list', () => {
  const { store } = loadedStore();
  const top = store.moveCard('b', 'doing', 0);
  assert.deepEqual(ids(store, 'doing'), ['b', 'd']);
  assert.deepEqual(ids(store, 'todo'), ['a', 'c']);
  assert.deepEqual(top.where, { listId: 'doing', beforeCardId: 'd' });
  assert.equal(store.locate('b').card.listId, 'doing');
  const empty = store.moveCard('c', 'done', 0);
  assert.deepEqual(empty.where, { listId: 'done' });
  assert.deepEqual(ids(store, 'done'), ['c']);
});

test('an index past the end puts the card last; the same place moves nothing; unknown cards or lists are refused', () => {
  const { store, events } = loadedStore();
  const last = store.moveCard('a', 'doing', 99);
  assert.deepEqual(ids(store, 'doing'), ['d', 'a']);
  assert.deepEqual(last.where, { listId: 'doing', afterCardId: 'd' });
  events.length = 0;
  assert.deepEqual(store.moveCard('b', 'todo', 0), { moved: false });
  assert.deepEqual(ids(store, 'todo'), ['b', 'c']);
  assert.deepEqual(events, [{ type: 'lists', focusCard: null }], 'drawn again (the dragged tile goes back)');
  events.length = 0;
  assert.equal(store.moveCard('zz', 'todo', 0), null);
  assert.equal(store.moveCard('b', 'nowhere', 0), null);
  assert.deepEqual(events, []);
});

test('a refused card move puts the card back where it was, and other moves made meanwhile stay', () => {
  const { store } = loadedStore();
  const refused = store.moveCard('a', 'doing', 1);
  store.moveCard('c', 'done', 0); // a later move that was saved
  store.moveCardBack(refused, { focus: true });
  assert.deepEqual(ids(store, 'todo'), ['a', 'b']);
  assert.deepEqual(ids(store, 'doing'), ['d']);
  assert.deepEqual(ids(store, 'done'), ['c']);
  assert.equal(store.locate('a').card.listId, 'todo');
});

test('a card dropped before another lands at that card\'s index once it left its old place', () => {
  const { store } = loadedStore();
  assert.equal(store.dropIndex('a', 'todo', 'c'), 1, 'a before c in its own list: between b and c');
  assert.equal(store.dropIndex('c', 'todo', 'a'), 0);
  assert.equal(store.dropIndex('a', 'todo', null), 2, 'last of its own list: index 2 once it left index 0');
  assert.equal(store.dropIndex('a', 'doing', 'd'), 0);
  assert.equal(store.dropIndex('a', 'doing', null), 1);
  assert.equal(store.dropIndex('a', 'doing', 'unknown'), 1, 'a card no longer there: last');
  store.moveCard('a', 'todo', store.dropIndex('a', 'todo', 'c'));
  assert.deepEqual(ids(store, 'todo'), ['b', 'a', 'c']);
});

test('a list moved follows the list now before it, or first precedes the next; refused, it goes back', () => {
  const { store, events } = loadedStore();
  const lists = () => store.board.lists.map((l) => l.id);
  const right = store.moveList('todo', 1, { focus: true });
  assert.deepEqual(lists(), ['doing', 'todo', 'done']);
  assert.deepEqual(right.where, { afterListId: 'doing' });
  assert.deepEqual(events.at(-1), { type: 'lists', focusListHandle: 'todo' });
  const first = store.moveList('done', -5);
  assert.deepEqual(lists(), ['done', 'doing', 'todo']);
  assert.deepEqual(first.where, { beforeListId: 'doing' });
  assert.deepEqual(store.moveList('todo', 10), { moved: false }, 'already last');
  assert.equal(store.moveList('zz', 0), null);
  store.moveListBack(first);
  assert.deepEqual(lists(), ['doing', 'todo', 'done']);
});

test('a saved move takes the version the server answered', () => {
  const { store } = loadedStore();
  const move = store.moveCard('a', 'done', 0);
  store.saved(move.card, { version: 4 });
  assert.equal(store.locate('a').card.version, 4);
});

test('cards and lists added, changed and archived show in their lists, each once', () => {
  const { store, events } = loadedStore();
  const created = { id: 'e', listId: 'done', title: 'E', version: 0, labels: [{ id: 'l1' }], checklist: [{ done: true }, { done: false }] };
  store.cardAdded(created, 'done');
  store.cardAdded(created, 'done'); // a live read brought it first
  assert.deepEqual(ids(store, 'done'), ['e']);
  assert.deepEqual(store.locate('e').card.checklist, { done: 1, total: 2 });
  assert.deepEqual(store.locate('e').card.labelIds, ['l1']);
  store.cardChanged({ ...created, title: 'E2', comments: 3 });
  assert.equal(store.locate('e').card.title, 'E2');
  assert.equal(store.locate('e').card.comments, 3);
  store.cardArchived('e');
  assert.equal(store.locate('e'), null);
  store.listAdded({ id: 'later', name: 'Later', version: 0 });
  store.listAdded({ id: 'later', name: 'Later', version: 0 });
  assert.deepEqual(store.board.lists.map((l) => l.id), ['todo', 'doing', 'done', 'later']);
  assert.deepEqual(store.list('later').cards, []);
  store.listRenamed('later', { name: 'Someday', version: 1 }, { focus: true });
  assert.equal(store.listName('later'), 'Someday');
  assert.deepEqual(events.at(-1), { type: 'lists', focusListHandle: 'later' });
  store.listArchived('later');
  assert.equal(store.list('later'), undefined);
  assert.ok(events.every((e) => e.type === 'lists'));
});

test('the board\'s own fields change without its lists; a stale answer keeps lists, labels and members', () => {
  const { store, events } = loadedStore();
  store.boardUpdated({ name: 'Renamed', version: 4, archived: true });
  assert.equal(store.board.name, 'Renamed');
  assert.equal(store.board.lists.length, 3);
  store.boardStale({ name: 'Theirs', version: 5, lists: [], labels: [], members: [] });
  assert.equal(store.board.name, 'Theirs');
  assert.equal(store.board.version, 5);
  assert.equal(store.board.lists.length, 3);
  assert.equal(store.board.labels.length, 2);
  assert.equal(store.board.members.length, 1);
  assert.deepEqual(events, [{ type: 'header' }, { type: 'header' }]);
});

test('a card\'s labels are the board\'s, in the card\'s order; unknown ones are left out', () => {
  const { store } = loadedStore();
  assert.deepEqual(store.labelsOf({ labelIds: ['l2', 'gone', 'l1'] }).map((l) => l.name), ['Later', 'Urgent']);
  assert.deepEqual(store.labelsOf({}), []);
});

test('the card summary counts a full card\'s checklist and takes a summary as it is', () => {
  assert.deepEqual(cardSummary({ id: 'x', listId: 'l', title: 'X', version: 2, checklist: [{ done: true }] }), {
    id: 'x', listId: 'l', title: 'X', startAt: null, dueAt: null, version: 2, assignees: [], labelIds: [], comments: 0, checklist: { done: 1, total: 1 },
  });
  assert.deepEqual(cardSummary({ id: 'x', checklist: { done: 2, total: 5 }, comments: 4 }).checklist, { done: 2, total: 5 });
});

test('a due date is overdue once past and soon within a day', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  assert.equal(dueState(null, now), null);
  assert.equal(dueState('2026-03-01T11:59:00Z', now), 'overdue');
  assert.equal(dueState('2026-03-02T11:59:00Z', now), 'soon');
  assert.equal(dueState('2026-03-02T12:00:01Z', now), null);
});
