// Which people a chat message names (assets/mentions.js): the ids sent beside its text.
import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.localStorage ??= { getItem: () => null, setItem: () => {}, removeItem: () => {} };
globalThis.navigator ??= {};
const { namesIn, matchPeople } = await import('../../main/webapp/assets/mentions.js');

const kim = { accountId: 'kim', displayName: 'Kim' };
const kimMinji = { accountId: 'kim-minji', displayName: 'Kim Minji' };
const me = { accountId: 'me', displayName: 'Mina' };

test('a longer name is never also counted as the shorter name it starts with, whichever list it came from', () => {
  assert.deepEqual(namesIn('@Kim Minji look', [kim, kimMinji]), ['kim-minji']);
  // A reader "Kim" and a member (not a reader) "Kim Minji", given in that order: still only Minji.
  assert.deepEqual(namesIn('@Kim Minji look', [kim, me, kimMinji]), ['kim-minji']);
  assert.deepEqual(namesIn('@Kim and @Kim Minji', [kim, kimMinji]).sort(), ['kim', 'kim-minji']);
});

test('the writer, duplicates and unnamed people are left out; Korean names match as typed', () => {
  const jiwoo = { accountId: 'jiwoo', displayName: '김지우' };
  assert.deepEqual(namesIn('@Mina @김지우 안녕', [me, jiwoo, jiwoo, { accountId: 'x' }], 'me'), ['jiwoo']);
  assert.deepEqual(namesIn('no mentions here', [kim, kimMinji]), []);
  assert.deepEqual(namesIn(null, [kim]), []);
});

test('the picker finds names by their start first, then by a word, then anywhere', () => {
  const people = [{ accountId: 'a', displayName: 'Ben Kim' }, { accountId: 'b', displayName: 'Kimberly' }, { accountId: 'c', displayName: 'Akim' }];
  assert.deepEqual(matchPeople(people, 'kim').map((p) => p.accountId), ['b', 'a', 'c']);
  assert.deepEqual(matchPeople(people, 'kim', 'b').map((p) => p.accountId), ['a', 'c']);
});
