/**
 * Tiny DOM helpers. Everything is built with createElement/textContent; no
 * HTML strings are ever parsed, so user-provided text always renders verbatim.
 */
import { bind, tx } from './i18n.js';

/**
 * Creates an element.
 *
 * Special props:
 *  - class, text (raw text), testid (→ data-testid), dataset, on: {event: handler}
 *  - i18n: dictionary key for the text, with optional i18nParams
 *  - i18nAttrs: {attribute: key} translated attributes (e.g. aria-label)
 *  - value: set as a property after children are appended (works for <select>)
 * Other props become attributes; `true` → empty attribute, null/false → omitted.
 * Children may be nodes, strings (text nodes) or nested arrays; null is skipped.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  let value;
  for (const [key, val] of Object.entries(props)) {
    if (val == null || val === false) continue;
    switch (key) {
      case 'class':
        el.className = val;
        break;
      case 'text':
        el.textContent = val;
        break;
      case 'testid':
        el.dataset.testid = val;
        break;
      case 'dataset':
        Object.assign(el.dataset, val);
        break;
      case 'on':
        for (const [event, handler] of Object.entries(val)) el.addEventListener(event, handler);
        break;
      case 'i18n':
        bind(el, { text: tx(val, props.i18nParams) });
        break;
      case 'i18nParams':
        break;
      case 'i18nAttrs':
        bind(el, {
          attrs: Object.fromEntries(Object.entries(val).map(([attr, k]) => [attr, tx(k)])),
        });
        break;
      case 'value':
        value = val;
        break;
      default:
        el.setAttribute(key, val === true ? '' : String(val));
    }
  }
  el.append(...children.flat(Infinity).filter((child) => child != null && child !== false));
  if (value !== undefined) el.value = value;
  return el;
}

/** Marks a button busy (disabled, aria-busy → spinner via CSS) or idle again. */
export function setBusy(button, busy) {
  button.disabled = busy;
  if (busy) button.setAttribute('aria-busy', 'true');
  else button.removeAttribute('aria-busy');
}

/**
 * Runs an async action with the button disabled; ignores clicks while busy.
 * Resolves with the action's result, or undefined if it was already running.
 */
export async function withBusy(button, action) {
  if (button.getAttribute('aria-busy') === 'true') return undefined;
  setBusy(button, true);
  try {
    return await action();
  } finally {
    setBusy(button, false);
  }
}

/** First user-perceived character of a name, for avatars. */
export function initialOf(name) {
  const first = Array.from((name || '').trim())[0];
  return first ? first.toLocaleUpperCase() : '?';
}
