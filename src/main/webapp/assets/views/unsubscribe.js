/**
 * The unsubscribe page a notification mail's body links to (docs/notifications.md, Mail):
 *   #/unsubscribe?token=…   asks, and one click turns notification mail off; shown signed in or
 *                           not. Opening the page changes nothing (mail scanners open links); the
 *                           mail's List-Unsubscribe header posts to the same API without a page.
 */
import * as api from '../api.js';
import { bindText, setPageTitle } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { FormController } from '../forms.js';
import { currentLocation } from '../router.js';
import { brand, languageSwitch } from './common.js';

/** Problem types of a link that cannot be used, each with its own words. */
const LINK_PROBLEMS = ['unsubscribe-link-incomplete', 'unsubscribe-link-invalid'];

/** True when the location is the unsubscribe page. */
export function isUnsubscribeRoute() {
  return currentLocation().segments[0] === 'unsubscribe';
}

/**
 * @param {HTMLElement} root
 * @param {{onLanguage: (lang: string) => void}} o
 * @returns {() => void} teardown
 */
export function renderUnsubscribePage(root, { onLanguage }) {
  const title = h('h1', { class: 'auth-title', id: 'auth-title' });
  const subtitle = h('p', { class: 'auth-subtitle', testid: 'unsubscribe-subtitle' });
  const region = h('div', { class: 'alert', role: 'alert', 'aria-live': 'assertive', 'aria-atomic': 'true', testid: 'auth-error' });
  const body = h('div', { class: 'auth-body' });
  const card = h(
    'section',
    { class: 'card auth-card password-card', 'aria-labelledby': 'auth-title', testid: 'unsubscribe-card' },
    h('header', { class: 'auth-card-header' }, brand(), title, subtitle),
    region,
    body,
  );
  root.replaceChildren(
    h(
      'div',
      { class: 'auth-page' },
      h('header', { class: 'auth-topbar' }, languageSwitch(onLanguage)),
      h('main', { class: 'auth-main', id: 'main' }, card),
    ),
  );

  function heading(titleKey, subtitleKey) {
    bindText(title, titleKey);
    bindText(subtitle, subtitleKey);
  }

  /** The way on: the profile's mail setting in a browser with a session, else sign in. */
  function onward() {
    const signedIn = api.hasStoredSession();
    return h('a', {
      class: 'btn btn-secondary btn-block',
      href: signedIn ? '#/profile' : '#/',
      testid: 'unsubscribe-continue',
      i18n: signedIn ? 'unsubscribe.settings' : 'unsubscribe.signIn',
    });
  }

  function show(token) {
    setPageTitle('page.unsubscribe');
    heading('unsubscribe.ready.title', 'unsubscribe.ready.subtitle');
    region.textContent = '';
    const confirm = h('button', { type: 'button', class: 'btn btn-primary btn-block', testid: 'unsubscribe-confirm', i18n: 'unsubscribe.ready.submit' });
    confirm.addEventListener('click', () =>
      withBusy(confirm, async () => {
        try {
          await api.unsubscribeNotificationMail(token);
        } catch (err) {
          if (LINK_PROBLEMS.includes(err?.type)) {
            const key = err.type.replace('unsubscribe-link-', '');
            heading(`unsubscribe.problem.${key}.title`, `unsubscribe.problem.${key}.body`);
            body.replaceChildren(h('div', { class: 'password-note', testid: 'unsubscribe-problem', 'data-problem': err.type }, onward()));
          } else {
            new FormController(h('form'), { region, submit: h('button') }).showError(err);
          }
          return;
        }
        heading('unsubscribe.done.title', 'unsubscribe.done.subtitle');
        body.replaceChildren(h('div', { class: 'password-note', testid: 'unsubscribe-done' }, onward()));
      }),
    );
    body.replaceChildren(confirm);
    confirm.focus();
  }

  const route = () => {
    if (isUnsubscribeRoute()) show(currentLocation().query.get('token') ?? '');
  };
  route();
  window.addEventListener('hashchange', route);
  return () => window.removeEventListener('hashchange', route);
}
