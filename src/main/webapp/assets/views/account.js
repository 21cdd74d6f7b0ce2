/**
 * The "Profile" page: welcome heading plus the profile, password and
 * sessions panels.
 */
import * as api from '../api.js';
import { bind, t } from '../i18n.js';
import { h } from '../dom.js';
import { subscribe } from '../store.js';
import { profilePanel } from './profile.js';
import { passwordPanel } from './password.js';
import { sessionsPanel } from './sessions.js';
import { emailPanel } from './verify-email.js';
import { tokensPanel } from './tokens.js';
import { notificationMailPanel } from './notification-mail.js';

/**
 * @param {HTMLElement} main
 * @param {object} ctx shell context (applyLanguage is used by the profile form)
 * @returns {() => void} cleanup
 */
export function renderAccount(main, ctx) {
  const welcome = h('h1', { class: 'page-title', testid: 'welcome', tabindex: '-1' });
  const subtitle = h('p', { class: 'page-subtitle', i18n: 'account.subtitle' });

  const sessions = sessionsPanel();
  const profile = profilePanel({ applyLanguage: ctx.applyLanguage });
  const password = passwordPanel({ onChanged: () => sessions.reload() });
  const email = emailPanel();
  const mail = notificationMailPanel();

  main.append(
    h('div', { class: 'page-header' }, welcome, subtitle),
    h('div', { class: 'page-body' }, profile.el, email.el, mail.el, password.el, sessions.el, tokensPanel().el),
  );

  // Where passwords are off (single sign-on only) there is no password to change.
  api.authMethods().then((methods) => {
    if (!methods.password) password.el.remove();
  }, () => {});

  const unsubscribe = subscribe((me) => {
    // The name is substituted into the translated template and set as text, never parsed.
    bind(welcome, { text: () => t('account.welcome', { name: me.displayName }) });
  });

  return () => {
    unsubscribe();
    profile.cleanup();
    email.cleanup();
  };
}
