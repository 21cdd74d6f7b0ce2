/**
 * Signed-out password pages (docs/security.md, Password reset):
 *   #/forgot-password                 ask for a link by mail
 *   #/reset-password?token=…          the link from the mail: a new password, or
 *                                     a page that says what is wrong with the link
 * Both share the sign-in card's look; the card's body changes with each step.
 */
import * as api from '../api.js';
import { bindText, setPageTitle } from '../i18n.js';
import { h } from '../dom.js';
import { FormController, field, passwordPolicy, validEmail } from '../forms.js';
import { currentLocation } from '../router.js';
import { brand, languageSwitch } from './common.js';

/** Problem types of a link that cannot be used, each with its own page. */
const LINK_PROBLEMS = ['reset-link-incomplete', 'reset-link-invalid', 'reset-link-used', 'reset-link-expired'];

/** True when the location is one of these pages (the app shows them signed out). */
export function isPasswordRoute() {
  const first = currentLocation().segments[0];
  return first === 'forgot-password' || first === 'reset-password';
}

/**
 * @param {HTMLElement} root
 * @param {{onLanguage: (lang: string) => void}} o
 * @returns {() => void} teardown
 */
export function renderPasswordPage(root, { onLanguage }) {
  const title = h('h1', { class: 'auth-title', id: 'auth-title' });
  const subtitle = h('p', { class: 'auth-subtitle' });
  const region = h('div', { class: 'alert', role: 'alert', 'aria-live': 'assertive', 'aria-atomic': 'true', testid: 'auth-error' });
  const body = h('div', { class: 'auth-body' });
  const footer = h('p', { class: 'auth-switch' }, h('a', { class: 'link', href: '#/', testid: 'back-to-sign-in', i18n: 'reset.backToSignIn' }));
  const card = h(
    'section',
    { class: 'card auth-card password-card', 'aria-labelledby': 'auth-title' },
    h('header', { class: 'auth-card-header' }, brand(), title, subtitle),
    region,
    body,
    footer,
  );
  root.replaceChildren(
    h(
      'div',
      { class: 'auth-page' },
      h('header', { class: 'auth-topbar' }, languageSwitch(onLanguage)),
      h('main', { class: 'auth-main', id: 'main' }, card),
    ),
  );

  function heading(titleKey, subtitleKey, params) {
    bindText(title, titleKey);
    bindText(subtitle, subtitleKey, params);
  }

  function showForgot() {
    setPageTitle('page.forgotPassword');
    heading('reset.forgot.title', 'reset.forgot.subtitle');
    const email = field({
      name: 'email',
      label: 'field.email',
      testid: 'forgot-email',
      attrs: { type: 'email', autocomplete: 'username', inputmode: 'email', spellcheck: 'false', autocapitalize: 'none' },
    });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block', testid: 'forgot-submit', i18n: 'reset.forgot.submit' });
    const form = h('form', { class: 'form', testid: 'forgot-form', novalidate: true }, email.el, submit);
    const controller = new FormController(form, { region, submit, fields: { email } });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      controller.run(async () => {
        const value = email.input.value.trim();
        if (!controller.validate([[email, validEmail(value)]])) return;
        await api.requestPasswordReset(value);
        showSent(value);
      });
    });
    body.replaceChildren(form);
    email.input.focus();
  }

  function showSent(email) {
    heading('reset.sent.title', 'reset.sent.subtitle');
    body.replaceChildren(
      h('div', { class: 'password-note', testid: 'forgot-sent' }, h('p', { class: 'password-address', text: email }), h('p', { i18n: 'reset.sent.body' })),
    );
  }

  async function showReset(token) {
    setPageTitle('page.resetPassword');
    heading('reset.checking.title', 'reset.checking.subtitle');
    body.replaceChildren();
    try {
      await api.checkPasswordResetLink(token);
    } catch (err) {
      if (!showLinkProblem(err)) showUnexpected(err);
      return;
    }
    heading('reset.new.title', 'reset.new.subtitle');
    const password = field({
      name: 'newPassword',
      label: 'field.newPassword',
      testid: 'reset-password',
      hint: 'field.passwordHint',
      revealable: true,
      attrs: { type: 'password', autocomplete: 'new-password' },
    });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block', testid: 'reset-submit', i18n: 'reset.new.submit' });
    const form = h('form', { class: 'form', testid: 'reset-form', novalidate: true }, password.el, submit);
    const controller = new FormController(form, { region, submit, fields: { newPassword: password } });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      controller.run(async () => {
        const value = password.input.value;
        if (!controller.validate([[password, passwordPolicy(value, '')]])) return;
        try {
          await api.confirmPasswordReset(token, value);
        } catch (err) {
          if (showLinkProblem(err)) return;
          throw err;
        }
        // Every session of the account ended, this browser's too.
        api.clearSession();
        heading('reset.done.title', 'reset.done.subtitle');
        footer.hidden = true; // the one way on is the sign-in button
        body.replaceChildren(
          h('a', { class: 'btn btn-primary btn-block', href: '#/', testid: 'reset-sign-in', i18n: 'reset.done.signIn' }),
        );
      });
    });
    body.replaceChildren(form);
    password.input.focus();
  }

  /** The link's own page for a problem with it; false when the error is something else. */
  function showLinkProblem(err) {
    const type = err?.type;
    if (!LINK_PROBLEMS.includes(type)) return false;
    const key = type.replace('reset-link-', '');
    region.textContent = '';
    heading(`reset.problem.${key}.title`, `reset.problem.${key}.body`);
    body.replaceChildren(
      h(
        'div',
        { class: 'password-note', testid: 'reset-problem', 'data-problem': type },
        h('a', { class: 'btn btn-primary btn-block', href: '#/forgot-password', testid: 'reset-ask-again', i18n: 'reset.problem.askAgain' }),
      ),
    );
    return true;
  }

  function showUnexpected(err) {
    heading('reset.checking.title', 'reset.checking.failed');
    const controller = new FormController(h('form'), { region, submit: h('button') });
    controller.showError(err);
  }

  function route() {
    const { segments, query } = currentLocation();
    region.textContent = '';
    footer.hidden = false;
    if (segments[0] === 'reset-password') showReset(query.get('token') ?? '');
    else showForgot();
  }

  route();
  window.addEventListener('hashchange', route);
  return () => window.removeEventListener('hashchange', route);
}
