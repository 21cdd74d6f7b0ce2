// The English and Korean dictionaries of the browser app (assets/i18n/*.json) say the same things.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (lang) => JSON.parse(readFileSync(new URL(`../../main/webapp/assets/i18n/${lang}.json`, import.meta.url), 'utf8'));
const en = read('en');
const ko = read('ko');
const placeholders = (text) => [...String(text).matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]).sort();

test('every key is in both languages', () => {
  assert.deepEqual(Object.keys(ko).filter((key) => !(key in en)), [], 'in Korean only');
  assert.deepEqual(Object.keys(en).filter((key) => !(key in ko)), [], 'in English only');
});

test('a translation uses the placeholders of the English text, no more and no fewer', () => {
  const differing = Object.keys(en).filter((key) => key in ko && placeholders(en[key]).join() !== placeholders(ko[key]).join());
  assert.deepEqual(differing, []);
});

test('no text is empty, and Korean texts are not left in English', () => {
  assert.deepEqual(Object.entries(en).filter(([, text]) => !String(text).trim()).map(([key]) => key), []);
  assert.deepEqual(Object.entries(ko).filter(([, text]) => !String(text).trim()).map(([key]) => key), []);
  // A Korean text identical to a long English sentence was never translated.
  const untranslated = Object.keys(en).filter((key) => ko[key] === en[key] && /[a-z]{3,} [a-z]{3,} [a-z]{3,}/i.test(en[key]));
  assert.deepEqual(untranslated, []);
});
