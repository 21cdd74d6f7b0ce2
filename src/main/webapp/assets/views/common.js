/**
 * Pieces shared by the signed-out and signed-in layouts.
 */
import { LANGUAGES, bind, getLanguage, t } from '../i18n.js';
import { h } from '../dom.js';
import { icon } from '../icons.js';

/** The "Moim" wordmark. */
export function brand({ href } = {}) {
  const children = [h('span', { class: 'brand-mark', 'aria-hidden': 'true', text: 'M' }), h('span', { class: 'brand-name', i18n: 'app.name' })];
  return href ? h('a', { class: 'brand', href }, children) : h('div', { class: 'brand' }, children);
}

/**
 * EN / 한국어 toggle. aria-pressed is a binding, so it follows language changes
 * made from anywhere (profile form, another tab) without extra listeners.
 * @param {(lang: string) => void} onSelect
 */
export function languageSwitch(onSelect) {
  const group = h('div', { class: 'lang-switch', role: 'group', i18nAttrs: { 'aria-label': 'lang.label' } });
  for (const lang of LANGUAGES) {
    const button = h('button', {
      type: 'button',
      class: 'lang-btn',
      lang,
      testid: `lang-${lang}`,
      i18n: `lang.${lang}`,
      on: { click: () => onSelect(lang) },
    });
    bind(button, {
      attrs: {
        'aria-pressed': () => String(getLanguage() === lang),
        title: () => t(`lang.${lang}Name`),
      },
    });
    group.append(button);
  }
  return group;
}

const TOAST_MS = 5000;
let toastTimer = null;

/**
 * Shows a short-lived notification (data-testid="toast") in the polite live
 * region that index.html provides.
 * @param {(() => string)|string} message a producer (re-translated on language change), or text already translated
 * @param {{variant?: 'success'|'error'}} [options]
 */
export function showToast(message, { variant = 'success' } = {}) {
  let region = document.querySelector('.toast-region');
  if (!region) {
    region = h('div', { class: 'toast-region', 'aria-live': 'polite', 'aria-atomic': 'true' });
    document.body.append(region);
  }
  clearTimeout(toastTimer);
  const mark = h('span', { class: 'toast-icon', 'aria-hidden': 'true' }, icon(variant === 'error' ? 'alert' : 'check', { size: 16 }));
  // A producer follows a change of language; a plain string (already translated) is taken as it is.
  const text = bind(h('span', { class: 'toast-text' }), { text: typeof message === 'function' ? message : () => String(message) });
  const toast = h('div', { class: `toast toast-${variant}`, testid: 'toast', dataset: { variant } }, mark, text);
  region.replaceChildren(toast);
  toastTimer = setTimeout(() => {
    toast.classList.add('toast-leaving');
    setTimeout(() => toast.remove(), 200);
  }, TOAST_MS);
}

export function clearToasts() {
  clearTimeout(toastTimer);
  document.querySelector('.toast-region')?.replaceChildren();
}
