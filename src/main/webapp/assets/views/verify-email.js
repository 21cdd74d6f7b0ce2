/**
 * Verified addresses (docs/security.md, Verified addresses):
 *   #/verify-email?token=…   the link from the mail: confirms the address, or a page that says
 *                            what is wrong with the link; shown signed in or not
 *   emailBanner()            the signed-in shell's notice while the address is not verified,
 *                            with "Send a new link"
 *   emailPanel()             the profile page's address, and moving to another one
 */
import * as api from '../api.js';
import { bind, bindText, render, setPageTitle, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { describeError, field, FormController, required, validEmail } from '../forms.js';
import { currentLocation } from '../router.js';
import { getMe, subscribe } from '../store.js';
import { brand, languageSwitch } from './common.js';

/** Problem types of a link that cannot be used, each with its own page. */
const LINK_PROBLEMS = ['verify-link-incomplete', 'verify-link-invalid', 'verify-link-used', 'verify-link-expired'];

/** True when the location is the link's page (the app shows it whether or not someone is signed in). */
export function isVerifyRoute() {
  return currentLocation().segments[0] === 'verify-email';
}

/**
 * @param {HTMLElement} root
 * @param {{onLanguage: (lang: string) => void}} o
 * @returns {() => void} teardown
 */
export function renderVerifyPage(root, { onLanguage }) {
  const title = h('h1', { class: 'auth-title', id: 'auth-title' });
  const subtitle = h('p', { class: 'auth-subtitle', testid: 'verify-subtitle' });
  const region = h('div', { class: 'alert', role: 'alert', 'aria-live': 'assertive', 'aria-atomic': 'true', testid: 'auth-error' });
  const body = h('div', { class: 'auth-body' });
  const card = h(
    'section',
    { class: 'card auth-card password-card', 'aria-labelledby': 'auth-title', testid: 'verify-card' },
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

  /** The one way on: into the app when this browser has a session, else to sign in. */
  function onward() {
    const signedIn = api.hasStoredSession();
    return h('a', {
      class: 'btn btn-primary btn-block',
      href: signedIn ? '#/invitations' : '#/',
      testid: 'verify-continue',
      i18n: signedIn ? 'verify.continue' : 'verify.signIn',
    });
  }

  async function show(token) {
    setPageTitle('page.verifyEmail');
    heading('verify.checking.title', 'verify.checking.subtitle');
    body.replaceChildren();
    region.textContent = '';
    try {
      await api.checkEmailVerificationLink(token);
    } catch (err) {
      if (!showLinkProblem(err)) showUnexpected(err);
      return;
    }
    heading('verify.ready.title', 'verify.ready.subtitle');
    const confirm = h('button', { type: 'button', class: 'btn btn-primary btn-block', testid: 'verify-confirm', i18n: 'verify.ready.submit' });
    confirm.addEventListener('click', () =>
      withBusy(confirm, async () => {
        try {
          await api.confirmEmailVerification(token);
        } catch (err) {
          if (!showLinkProblem(err)) region.textContent = describeError(err)();
          return;
        }
        heading('verify.done.title', 'verify.done.subtitle');
        body.replaceChildren(h('div', { class: 'password-note', testid: 'verify-done' }, onward()));
      }),
    );
    body.replaceChildren(confirm);
    confirm.focus();
  }

  /** The link's own page for a problem with it; false when the error is something else. */
  function showLinkProblem(err) {
    const type = err?.type;
    if (!LINK_PROBLEMS.includes(type)) return false;
    const key = type.replace('verify-link-', '');
    region.textContent = '';
    heading(`verify.problem.${key}.title`, `verify.problem.${key}.body`);
    body.replaceChildren(h('div', { class: 'password-note', testid: 'verify-problem', 'data-problem': type }, onward()));
    return true;
  }

  function showUnexpected(err) {
    heading('verify.checking.title', 'verify.checking.failed');
    const controller = new FormController(h('form'), { region, submit: h('button') });
    controller.showError(err);
  }

  const route = () => {
    if (isVerifyRoute()) show(currentLocation().query.get('token') ?? '');
  };
  route();
  window.addEventListener('hashchange', route);
  return () => window.removeEventListener('hashchange', route);
}

/** The shell's notice while the signed-in person's address is not verified; hidden once it is. */
export function emailBanner() {
  const status = h('span', { class: 'verify-banner-status', role: 'status', 'aria-live': 'polite', testid: 'verify-banner-status' });
  const resend = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'verify-resend', i18n: 'verify.banner.resend' });
  const text = h('p', { class: 'verify-banner-text', testid: 'verify-banner-text' });
  bind(text, { text: () => t('verify.banner.text', { email: getMe()?.email ?? '' }) });
  const el = h(
    'div',
    { class: 'verify-banner', role: 'region', testid: 'verify-banner', hidden: true, i18nAttrs: { 'aria-label': 'verify.banner.label' } },
    text,
    h('div', { class: 'verify-banner-actions' }, resend, status),
  );
  resend.addEventListener('click', () =>
    withBusy(resend, async () => {
      bind(status, { text: () => '' });
      try {
        await api.resendEmailVerification();
        bind(status, { text: () => t('verify.banner.sent') });
        status.dataset.variant = 'info';
      } catch (err) {
        if (err?.type === 'email-verified-already') {
          el.hidden = true;
          return;
        }
        bind(status, { text: describeError(err) });
        status.dataset.variant = 'error';
      }
    }),
  );
  const unsubscribe = subscribe((me) => {
    el.hidden = me.emailVerified !== false;
    render(text);
  });
  return { el, destroy: unsubscribe };
}

/**
 * The profile page's "Email address" panel: the address and whether it is confirmed, and a form to
 * move to another one (POST /me/email). The account keeps its address until the link mailed to
 * the new one is opened.
 */
export function emailPanel() {
  const current = h('p', { class: 'email-current', testid: 'email-current' });
  const state = h('span', { class: 'email-state', testid: 'email-state' });
  const next = field({
    name: 'email',
    label: 'email.new',
    testid: 'email-new',
    attrs: { type: 'email', autocomplete: 'email', inputmode: 'email', spellcheck: 'false', autocapitalize: 'none' },
  });
  const password = field({
    name: 'currentPassword',
    label: 'password.current',
    testid: 'email-password',
    revealable: true,
    attrs: { type: 'password', autocomplete: 'current-password' },
  });
  const region = h('div', { class: 'alert', role: 'alert', 'aria-live': 'assertive', 'aria-atomic': 'true', testid: 'email-error' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'email-submit', i18n: 'email.submit' });
  const form = h(
    'form',
    { class: 'form', testid: 'email-form', novalidate: true },
    region,
    h('div', { class: 'form-grid' }, next.el, password.el),
    h('div', { class: 'form-actions' }, submit),
  );
  const controller = new FormController(form, { region, submit, fields: { email: next, currentPassword: password } });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    controller.run(async () => {
      const values = { email: next.input.value.trim(), password: password.input.value };
      const ok = controller.validate([
        [next, validEmail(values.email)],
        [password, required(values.password)],
      ]);
      if (!ok) return;
      await api.requestEmailChange(values.email, values.password);
      form.reset();
      controller.setMessage(tx('email.sent', { email: values.email }), 'info');
    });
  });
  const unsubscribe = subscribe((me) => {
    current.textContent = me.email;
    bindText(state, me.emailVerified ? 'email.verified' : 'email.unverified');
    state.dataset.verified = String(Boolean(me.emailVerified));
  });
  const el = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'email-title', testid: 'email-panel' },
    h(
      'header',
      { class: 'panel-header' },
      h('h2', { class: 'panel-title', id: 'email-title', i18n: 'email.title' }),
      h('p', { class: 'panel-description', i18n: 'email.description' }),
    ),
    h('div', { class: 'email-address-line' }, current, state),
    form,
  );
  return { el, cleanup: unsubscribe };
}
