/**
 * Signed-out screen: one centered card that shows either the login or the
 * register form. Both share a single aria-live error region (auth-error).
 */
import * as api from '../api.js';
import { bind, bindText, getLanguage, setPageTitle, t, tx } from '../i18n.js';
import { currentLocation } from '../router.js';
import { h } from '../dom.js';
import { FormController, field, passwordPolicy, required, validEmail } from '../forms.js';
import { brand, languageSwitch } from './common.js';

/**
 * @param {HTMLElement} root
 * @param {object} o
 * @param {(info: {registered?: object}) => Promise<void>} o.onSignedIn called after tokens are stored;
 *        it loads the profile and switches screens (errors surface on the form)
 * @param {(lang: string) => void} o.onLanguage
 * @param {(() => string)|null} [o.notice] message to show on the login card (e.g. session ended)
 * @param {'info'|'error'} [o.noticeVariant]
 * @returns {() => void} teardown
 */
export function renderAuth(root, { onSignedIn, onLanguage, notice = null, noticeVariant = 'info' }) {
  const title = h('h1', { class: 'auth-title', id: 'auth-title' });
  const subtitle = h('p', { class: 'auth-subtitle' });
  const errorRegion = h('div', {
    class: 'alert',
    role: 'alert',
    'aria-live': 'assertive',
    'aria-atomic': 'true',
    testid: 'auth-error',
  });
  const sso = h('div', { class: 'auth-sso', hidden: true });
  const body = h('div', { class: 'auth-body' });
  const switcher = h('p', { class: 'auth-switch' });

  const card = h(
    'section',
    { class: 'card auth-card', 'aria-labelledby': 'auth-title' },
    h('header', { class: 'auth-card-header' }, brand(), title, subtitle),
    errorRegion,
    sso,
    body,
    switcher,
  );

  root.replaceChildren(
    h(
      'div',
      { class: 'auth-page' },
      h('header', { class: 'auth-topbar' }, languageSwitch(onLanguage)),
      h('main', { class: 'auth-main', id: 'main' }, card, h('p', { class: 'auth-tagline', i18n: 'app.tagline' })),
    ),
  );

  /** Swaps the card to one mode; returns the FormController of the new form. */
  function show(mode, { email = '', message = null, variant = 'error', focus = true } = {}) {
    const isLogin = mode === 'login';
    setPageTitle(isLogin ? 'page.signIn' : 'page.register');
    bindText(title, isLogin ? 'auth.login.title' : 'auth.register.title');
    bindText(subtitle, isLogin ? 'auth.login.subtitle' : 'auth.register.subtitle');

    const { form, controller, firstInput } = isLogin ? loginForm() : registerForm();
    body.replaceChildren(form);
    controller.fields.email.input.value = email;

    const link = h('button', {
      type: 'button',
      class: 'link',
      testid: isLogin ? 'show-register' : 'show-login',
      i18n: isLogin ? 'auth.login.showRegister' : 'auth.register.showLogin',
      on: { click: () => show(isLogin ? 'register' : 'login', { email: controller.fields.email.input.value.trim() }) },
    });
    switcher.replaceChildren(
      h('span', { i18n: isLogin ? 'auth.login.noAccount' : 'auth.register.haveAccount' }),
      ' ',
      link,
    );

    // Always reset the shared region: a login error must not linger on the register card.
    controller.setMessage(message, variant);
    if (focus) (email && isLogin ? controller.fields.password.input : firstInput).focus();
    return controller;
  }

  function loginForm() {
    const email = field({
      name: 'email',
      label: 'field.email',
      testid: 'login-email',
      attrs: { type: 'email', autocomplete: 'username', inputmode: 'email', spellcheck: 'false', autocapitalize: 'none' },
    });
    const password = field({
      name: 'password',
      label: 'field.password',
      testid: 'login-password',
      revealable: true,
      attrs: { type: 'password', autocomplete: 'current-password' },
    });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block', testid: 'login-submit', i18n: 'auth.login.submit' });
    const forgot = h('a', { class: 'link link-sm auth-forgot', href: '#/forgot-password', testid: 'forgot-password', i18n: 'auth.login.forgot' });
    const form = h('form', { class: 'form', testid: 'login-form', novalidate: true }, email.el, password.el, forgot, submit);
    const controller = new FormController(form, { region: errorRegion, submit, fields: { email, password } });

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      controller.run(async () => {
        const values = { email: email.input.value.trim(), password: password.input.value };
        const ok = controller.validate([
          [email, validEmail(values.email)],
          [password, required(values.password)],
        ]);
        if (!ok) return;
        await api.login(values.email, values.password);
        await onSignedIn({});
      });
    });
    return { form, controller, firstInput: email.input };
  }

  function registerForm() {
    const name = field({
      name: 'displayName',
      label: 'field.displayName',
      testid: 'register-name',
      attrs: { type: 'text', autocomplete: 'nickname' },
    });
    bind(name.input, { attrs: { placeholder: () => t('field.displayNamePlaceholder') } });
    const email = field({
      name: 'email',
      label: 'field.email',
      testid: 'register-email',
      attrs: { type: 'email', autocomplete: 'email', inputmode: 'email', spellcheck: 'false', autocapitalize: 'none' },
    });
    const password = field({
      name: 'password',
      label: 'field.password',
      testid: 'register-password',
      hint: 'field.passwordHint',
      revealable: true,
      attrs: { type: 'password', autocomplete: 'new-password' },
    });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block', testid: 'register-submit', i18n: 'auth.register.submit' });
    const form = h('form', { class: 'form', testid: 'register-form', novalidate: true }, name.el, email.el, password.el, submit);
    const controller = new FormController(form, {
      region: errorRegion,
      submit,
      fields: { displayName: name, email, password },
    });

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      controller.run(async () => {
        const values = {
          displayName: name.input.value.trim(),
          email: email.input.value.trim(),
          password: password.input.value,
        };
        const ok = controller.validate([
          [name, required(values.displayName)],
          [email, validEmail(values.email)],
          [password, passwordPolicy(values.password, values.email)],
        ]);
        if (!ok) return;
        const registered = await api.register({ ...values, locale: getLanguage() });
        // The account exists now, so any later failure belongs to the login card
        // (re-submitting this form would only hit "email taken").
        try {
          await api.login(values.email, values.password);
          await onSignedIn({ registered });
        } catch (err) {
          show('login', { email: values.email }).showError(err);
        }
      });
    });
    return { form, controller, firstInput: name.input };
  }

  /**
   * "Sign in with <label>" when a provider is configured (a page load: the provider's own page
   * follows); without passwords it is the only way in, and the forms go away.
   */
  function offerMethods({ password, provider }) {
    if (provider) {
      const start = h('a', { class: `btn ${password ? 'btn-secondary' : 'btn-primary'} btn-block auth-sso-start`, href: provider.startUrl, testid: 'sso-start' });
      bind(start, { text: () => t('auth.sso.button', { label: provider.label }) });
      sso.replaceChildren(start, password ? h('p', { class: 'auth-sso-or', i18n: 'auth.sso.or' }) : '');
      sso.hidden = false;
    }
    if (!password) {
      body.replaceChildren();
      body.hidden = true;
      switcher.replaceChildren();
      switcher.hidden = true;
      bindText(subtitle, 'auth.sso.subtitle');
      if (provider && !notice) sso.querySelector('a')?.focus();
    }
  }

  // An invitation mail's link (#/invitations?email=…&account=0|1): the card for that address, to
  // sign up or sign in; the app then opens the invitations.
  const { segments, query } = currentLocation();
  if (!notice && segments[0] === 'invitations' && query.get('email')) {
    const email = query.get('email');
    show(query.get('account') === '0' ? 'register' : 'login', { email, message: tx('auth.invited', { email }), variant: 'info', focus: false });
  } else {
    // With a notice (e.g. "session ended") leave focus alone so the alert is read first.
    show('login', { message: notice, variant: noticeVariant, focus: !notice });
  }
  let live = true;
  api.authMethods().then((methods) => live && offerMethods(methods), () => {
    /* unknown: the password form stays, as before single sign-on existed */
  });
  return () => {
    live = false;
  };
}
