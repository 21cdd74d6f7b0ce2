/**
 * Notification mail panel on the Profile page: how unseen mentions, direct
 * messages and assignments are mailed (GET/PUT /me/notification-mail).
 */
import * as api from '../api.js';
import { tx } from '../i18n.js';
import { h } from '../dom.js';
import { FormController, field } from '../forms.js';
import { showToast } from './common.js';

/** @returns {{el: HTMLElement}} */
export function notificationMailPanel() {
  const mode = field({
    name: 'mode',
    label: 'mailPrefs.mode',
    testid: 'mail-mode',
    hint: 'mailPrefs.hint',
    control: 'select',
    options: [
      { value: 'DIGEST', label: 'mailPrefs.digest' },
      { value: 'IMMEDIATE', label: 'mailPrefs.immediate' },
      { value: 'OFF', label: 'mailPrefs.off' },
    ],
  });
  const region = h('div', { class: 'alert', role: 'alert', 'aria-live': 'assertive', testid: 'mail-mode-error' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'mail-mode-save', i18n: 'mailPrefs.save' });
  const form = h(
    'form',
    { class: 'form', testid: 'mail-mode-form', novalidate: true },
    region,
    h('div', { class: 'form-grid' }, mode.el),
    h('div', { class: 'form-actions' }, submit),
  );
  const controller = new FormController(form, { region, submit, fields: { mode } });
  mode.input.disabled = true;
  controller.run(async () => {
    const current = await api.getNotificationMail();
    mode.input.value = current.mode;
    mode.input.disabled = false;
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    controller.run(async () => {
      const saved = await api.setNotificationMail(mode.input.value);
      mode.input.value = saved.mode;
      showToast(tx('mailPrefs.saved'));
    });
  });

  const el = h(
    'section',
    { class: 'panel notification-mail-panel', 'aria-labelledby': 'mail-prefs-title', testid: 'mail-prefs' },
    h(
      'header',
      { class: 'panel-header' },
      h('h2', { class: 'panel-title', id: 'mail-prefs-title', i18n: 'mailPrefs.title' }),
      h('p', { class: 'panel-description', i18n: 'mailPrefs.description' }),
    ),
    form,
  );
  return { el };
}
