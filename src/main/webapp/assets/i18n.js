/**
 * Internationalisation: dictionaries, lookup, locale-aware formatting and
 * DOM "bindings".
 *
 * A binding remembers how an element's text/attributes were produced (as
 * functions), so a language switch simply re-runs them over the document
 * instead of re-rendering views; typed-in form values survive the switch.
 * Bound elements carry a `data-i18n` marker attribute.
 */

export const LANGUAGES = ['en', 'ko'];
const STORAGE_KEY = 'moim.lang';

const dictionaries = {};
let current = 'en';
let displayTimeZone; // undefined → the browser's own zone
let pageTitleKey = null;
let pageTitleExtra = null;
const bindings = new WeakMap();

// ---------------------------------------------------------------------------
// Setup and language selection

/** Loads the initial language's dictionary (only that one) and applies the language. */
export async function initI18n() {
  const lang = initialLanguage();
  await loadDictionary(lang);
  applyLanguage(lang);
}

const loading = {};
let switches = 0;
/** The language a switch under way asks for (null when none is). */
let wanted = null;

/** Fetches a language's dictionary once; a failed fetch may be tried again. */
function loadDictionary(lang) {
  loading[lang] ??= fetch(new URL(`./i18n/${lang}.json`, import.meta.url))
    .then((response) => {
      if (!response.ok) throw new Error(`Cannot load ${lang} dictionary (${response.status})`);
      return response.json();
    })
    .then((dictionary) => {
      dictionaries[lang] = dictionary;
    })
    .catch((err) => {
      delete loading[lang];
      throw err;
    });
  return loading[lang];
}

/** Saved choice, else the browser language (ko* → ko), else English. */
function initialLanguage() {
  const saved = savedLanguage();
  if (saved) return saved;
  return (navigator.language || '').toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function savedLanguage() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.includes(saved) ? saved : null;
  } catch {
    return null;
  }
}

export function getLanguage() {
  return current;
}

/** The language of the latest switch: the current one, or one whose dictionary is still loading. */
export function wantedLanguage() {
  return wanted ?? current;
}

export function isSupportedLanguage(lang) {
  return LANGUAGES.includes(lang);
}

/**
 * Switches the UI language and re-translates the document, once the language's dictionary is
 * here (it is fetched on the first switch to it). Rejects when it cannot be fetched; the page
 * then stays in the current language.
 * @param {string} lang 'en' | 'ko'
 * @param {{persist?: boolean}} [options] persist=false for changes that did not come from this tab's user
 * @returns {Promise<void>}
 */
export async function setLanguage(lang, { persist = true } = {}) {
  if (!isSupportedLanguage(lang)) return;
  const seq = ++switches;
  wanted = lang;
  try {
    await loadDictionary(lang);
  } finally {
    if (seq === switches) wanted = null;
  }
  if (seq !== switches) return; // a later switch wins, whichever dictionary arrived first
  if (persist) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      /* storage unavailable: the choice lasts for this page only */
    }
  }
  if (lang === current) return;
  applyLanguage(lang);
  translateTree(document.body);
}

function applyLanguage(lang) {
  current = lang;
  document.documentElement.lang = lang;
  updateTitle();
}

/**
 * Sets the document title to "<page> · Moim", or "<page> · <extra> · Moim"
 * (e.g. the workspace's name), kept in sync with the language.
 * @param {string|null} key
 * @param {(() => string)|null} [extra]
 */
export function setPageTitle(key, extra = null) {
  pageTitleKey = key;
  pageTitleExtra = extra;
  updateTitle();
}

/** Re-applies the title (after something its producers read has changed). */
export function updateTitle() {
  const app = t('app.name');
  const parts = [pageTitleKey ? t(pageTitleKey) : null, pageTitleExtra?.() || null, app].filter(Boolean);
  document.title = parts.join(' · ');
}

// ---------------------------------------------------------------------------
// Lookup

function lookup(key) {
  return dictionaries[current]?.[key] ?? dictionaries.en?.[key];
}

/** True when the dictionaries have the key (so a computed key can fall back quietly). */
export function hasKey(key) {
  return lookup(key) !== undefined || lookup(`${key}_other`) !== undefined;
}

/**
 * Translates a key. `{name}` placeholders are replaced by params (values may be
 * functions, evaluated now). A numeric `count` param selects the `key_one` /
 * `key_other` plural variant through Intl.PluralRules.
 */
export function t(key, params = {}) {
  let resolvedKey = key;
  if (typeof params.count === 'number') {
    const category = new Intl.PluralRules(current).select(params.count);
    resolvedKey = lookup(`${key}_${category}`) !== undefined ? `${key}_${category}` : `${key}_other`;
  }
  const template = lookup(resolvedKey);
  if (template === undefined) {
    console.warn(`[i18n] missing key: ${resolvedKey}`);
    return key;
  }
  // The replacer runs over the template only, so user-supplied values are never re-scanned.
  return template.replace(/\{(\w+)\}/g, (match, name) => {
    if (!(name in params)) return match;
    const value = params[name];
    return String(typeof value === 'function' ? value() : value);
  });
}

/** A deferred translation: `tx(key, params)()` translates in the language current at call time. */
export function tx(key, params) {
  return () => t(key, params);
}

// ---------------------------------------------------------------------------
// Bindings

/**
 * Binds an element's text and/or attributes to producer functions and renders
 * them now. Passing `text: null` removes a previous text binding.
 * @param {Element} el
 * @param {{text?: (() => string)|null, attrs?: Object<string, () => string>}} spec
 */
export function bind(el, { text, attrs } = {}) {
  const binding = bindings.get(el) ?? { attrs: {} };
  if (text !== undefined) binding.text = text;
  if (attrs) Object.assign(binding.attrs, attrs);
  bindings.set(el, binding);
  el.setAttribute('data-i18n', '');
  render(el);
  return el;
}

/** Shorthand: binds the element's text to a dictionary key. */
export function bindText(el, key, params) {
  return bind(el, { text: tx(key, params) });
}

/** Re-renders one bound element (e.g. after state its producers read has changed). */
export function render(el) {
  const binding = bindings.get(el);
  if (!binding) return;
  if (binding.text) {
    const next = binding.text();
    // Skip no-op writes so live regions are not re-announced.
    if (el.textContent !== next) el.textContent = next;
  }
  for (const [name, producer] of Object.entries(binding.attrs)) {
    const next = producer();
    if (next == null) el.removeAttribute(name);
    else if (el.getAttribute(name) !== next) el.setAttribute(name, next);
  }
}

/** Re-renders every bound element under root (inclusive). */
export function translateTree(root = document.body) {
  if (!root) return;
  if (root.hasAttribute?.('data-i18n')) render(root);
  root.querySelectorAll('[data-i18n]').forEach(render);
}

// ---------------------------------------------------------------------------
// Formatting

export function isValidTimeZone(zone) {
  if (typeof zone !== 'string' || !zone.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Dates are displayed in the user's profile time zone when it is valid. */
export function setDisplayTimeZone(zone) {
  displayTimeZone = isValidTimeZone(zone) ? zone : undefined;
}

/** The zone dates are shown in: the profile's, else the browser's, else UTC. */
export function getDisplayTimeZone() {
  return displayTimeZone ?? browserTimeZone() ?? 'UTC';
}

export function browserTimeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/** Every IANA zone the browser knows (empty when Intl.supportedValuesOf is missing). */
export function supportedTimeZones() {
  try {
    const zones = Intl.supportedValuesOf?.('timeZone') ?? [];
    return zones.includes('UTC') ? zones : [...zones, 'UTC'];
  } catch {
    return [];
  }
}

function toDate(iso) {
  const date = iso ? new Date(iso) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/** Medium date + short time in the user's time zone, e.g. "Mar 4, 2025, 9:15 AM". */
export function formatDateTime(iso) {
  const date = toDate(iso);
  if (!date) return t('common.unknown');
  const options = { dateStyle: 'medium', timeStyle: 'short', timeZone: displayTimeZone };
  return new Intl.DateTimeFormat(current, options).format(date);
}

/** Long date only, e.g. "March 4, 2025" / "2025년 3월 4일". */
export function formatDate(iso) {
  const date = toDate(iso);
  if (!date) return t('common.unknown');
  return new Intl.DateTimeFormat(current, { dateStyle: 'long', timeZone: displayTimeZone }).format(date);
}

const RELATIVE_STEPS = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/** "5 minutes ago" / "5분 전"; falls back to an absolute date without Intl.RelativeTimeFormat. */
export function formatRelative(iso) {
  const date = toDate(iso);
  if (!date) return t('common.unknown');
  let value = (date.getTime() - Date.now()) / 1000;
  // Anything in the future (clock skew) or under 45 s reads as "just now".
  if (value > -45) return t('time.justNow');
  if (typeof Intl.RelativeTimeFormat !== 'function') return formatDateTime(iso);
  const format = new Intl.RelativeTimeFormat(current, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(value) < size) return format.format(Math.round(value), unit);
    value /= size;
  }
  return formatDateTime(iso);
}

/** Short date and time, e.g. "Mar 4, 9:15 AM" / "3월 4일 오전 9:15" (the year when not this year). */
export function formatShortDateTime(iso) {
  const date = toDate(iso);
  if (!date) return t('common.unknown');
  const sameYear = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: displayTimeZone }).format(date) ===
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: displayTimeZone }).format(new Date());
  const options = { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: displayTimeZone };
  if (!sameYear) options.year = 'numeric';
  return new Intl.DateTimeFormat(current, options).format(date);
}

/** Any Intl.DateTimeFormat options in the current language and display zone. */
export function formatWith(iso, options) {
  const date = toDate(iso);
  if (!date) return t('common.unknown');
  return new Intl.DateTimeFormat(current, { timeZone: displayTimeZone, ...options }).format(date);
}

/** A calendar date "YYYY-MM-DD" (no time zone involved), e.g. "Mar 4, 2025" / "2025. 3. 4.". */
export function formatCalendarDate(text, options = { dateStyle: 'medium' }) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  if (!m) return t('common.unknown');
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return new Intl.DateTimeFormat(current, { ...options, timeZone: 'UTC' }).format(date);
}

/** "42 seconds" / "3 minutes" for rate-limit waits. */
export function formatWait(seconds) {
  if (seconds < 60) return t('duration.seconds', { count: seconds });
  return t('duration.minutes', { count: Math.ceil(seconds / 60) });
}
