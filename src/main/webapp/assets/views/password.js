/**
 * Change-password panel (POST /me/password). The server signs out all other
 * sessions on success, so the sessions list is reloaded afterwards.
 */
import * as api from '../api.js';
import { tx } from '../i18n.js';
import { h } from '../dom.js';
import { FormController, field, passwordPolicy, required } from '../forms.js';
import { getMe } from '../store.js';
import { showToast } from './common.js';

/**
 * @param {{onChanged: () => void}} o
 * @returns {{el: HTMLElement}}
 */
export function passwordPanel({ onChanged }) {
  const current = field({
    name: 'currentPassword',
    label: 'password.current',
    testid: 'password-current',
    revealable: true,
    attrs: { type: 'password', autocomplete: 'current-password' },
  });
  const next = field({
    name: 'newPassword',
    label: 'password.new',
    testid: 'password-new',
    hint: 'field.passwordHint',
    revealable: true,
    attrs: { type: 'password', autocomplete: 'new-password' },
  });
  // Lets password managers associate the new password with the account.
  const username = h('input', {
    type: 'email',
    name: 'username',
    autocomplete: 'username',
    value: getMe()?.email ?? '',
    hidden: true,
    tabindex: '-1',
    'aria-hidden': 'true',
  });

  const region = h('div', {
    class: 'alert',
    role: 'alert',
    'aria-live': 'assertive',
    'aria-atomic': 'true',
    testid: 'password-error',
  });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'password-submit', i18n: 'password.submit' });
  const form = h(
    'form',
    { class: 'form', testid: 'password-form', novalidate: true },
    region,
    username,
    h('div', { class: 'form-grid' }, current.el, next.el),
    h('div', { class: 'form-actions' }, submit),
  );
  const controller = new FormController(form, {
    region,
    submit,
    fields: { currentPassword: current, newPassword: next },
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    controller.run(async () => {
      const currentValue = current.input.value;
      const nextValue = next.input.value;
      const ok = controller.validate([
        [current, required(currentValue)],
        [next, passwordPolicy(nextValue, getMe()?.email)],
      ]);
      if (!ok) return;
      await api.changePassword(currentValue, nextValue);
      form.reset();
      username.value = getMe()?.email ?? '';
      showToast(tx('password.changed'));
      onChanged();
    });
  });

  const el = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'password-title' },
    h(
      'header',
      { class: 'panel-header' },
      h('h2', { class: 'panel-title', id: 'password-title', i18n: 'password.title' }),
      h('p', { class: 'panel-description', i18n: 'password.description' }),
    ),
    form,
  );
  return { el };
}
