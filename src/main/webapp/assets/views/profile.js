/**
 * Profile panel: display name, language and time zone (PATCH /me).
 */
import * as api from '../api.js';
import { bind, browserTimeZone, formatDate, getLanguage, isValidTimeZone, supportedTimeZones, t, tx } from '../i18n.js';
import { h } from '../dom.js';
import { FormController, field, required } from '../forms.js';
import { getMe, setMe, subscribe } from '../store.js';
import { showToast } from './common.js';

let datalistSeq = 0;

/**
 * @param {{applyLanguage: (lang: string) => void}} o
 * @returns {{el: HTMLElement, cleanup: () => void}}
 */
export function profilePanel({ applyLanguage }) {
  const name = field({
    name: 'displayName',
    label: 'field.displayName',
    testid: 'profile-name',
    attrs: { type: 'text', autocomplete: 'nickname' },
  });
  const locale = field({
    name: 'locale',
    label: 'profile.language',
    testid: 'profile-locale',
    control: 'select',
    options: [
      { value: 'en', label: 'lang.enName', lang: 'en' },
      { value: 'ko', label: 'lang.koName', lang: 'ko' },
    ],
  });

  // Free text with suggestions: the browser's zone list may lag behind the server's.
  const zones = supportedTimeZones();
  const datalistId = `timezones-${++datalistSeq}`;
  const timeZone = field({
    name: 'timeZone',
    label: 'profile.timeZone',
    testid: 'profile-timezone',
    hint: 'profile.timeZoneHint',
    attrs: {
      type: 'text',
      list: zones.length ? datalistId : null,
      autocomplete: 'off',
      spellcheck: 'false',
      autocapitalize: 'none',
    },
  });
  const datalist = zones.length ? h('datalist', { id: datalistId }, zones.map((zone) => h('option', { value: zone }))) : null;

  const deviceZone = browserTimeZone();
  const useDeviceZone = h('button', { type: 'button', class: 'link link-sm' });
  bind(useDeviceZone, { text: () => t('profile.useBrowserTimeZone', { zone: deviceZone }) });
  const syncDeviceZoneButton = () => {
    useDeviceZone.hidden = !deviceZone || timeZone.input.value.trim() === deviceZone;
  };
  useDeviceZone.addEventListener('click', () => {
    timeZone.input.value = deviceZone;
    syncDeviceZoneButton();
    timeZone.input.focus();
  });
  timeZone.input.addEventListener('input', syncDeviceZoneButton);
  timeZone.el.append(useDeviceZone);

  const emailValue = h('dd', { class: 'readonly-value' });
  const memberSince = h('dd', { class: 'readonly-value' });
  const facts = h(
    'dl',
    { class: 'facts' },
    h('div', {}, h('dt', { i18n: 'field.email' }), emailValue),
    h('div', {}, h('dt', { i18n: 'profile.memberSince' }), memberSince),
  );

  const region = h('div', { class: 'alert', role: 'alert', 'aria-live': 'assertive', testid: 'profile-error' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'profile-save', i18n: 'profile.save' });
  const form = h(
    'form',
    { class: 'form', testid: 'profile-form', novalidate: true },
    region,
    facts,
    h('div', { class: 'form-grid' }, name.el, locale.el, timeZone.el),
    datalist,
    h('div', { class: 'form-actions' }, submit),
  );
  const controller = new FormController(form, { region, submit, fields: { displayName: name, locale, timeZone } });

  function fill(me) {
    name.input.value = me.displayName ?? '';
    locale.input.value = me.locale === 'ko' ? 'ko' : 'en';
    timeZone.input.value = me.timeZone ?? '';
    emailValue.textContent = me.email ?? '';
    bind(memberSince, { text: () => formatDate(me.createdAt) });
    syncDeviceZoneButton();
  }

  fill(getMe());
  // Later profile changes (e.g. the header language switch) only touch the
  // language select, so unsaved edits in the other fields survive.
  const unsubscribe = subscribe((me) => {
    locale.input.value = me.locale === 'ko' ? 'ko' : 'en';
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    controller.run(async () => {
      const values = {
        displayName: name.input.value.trim(),
        locale: locale.input.value,
        timeZone: timeZone.input.value.trim(),
      };
      const zoneError = !values.timeZone
        ? tx('validation.required')
        : isValidTimeZone(values.timeZone)
          ? null
          : tx('validation.timeZone');
      if (!controller.validate([[name, required(values.displayName)], [timeZone, zoneError]])) return;

      const updated = await api.updateMe(values);
      setMe(updated);
      fill(updated);
      if (updated.locale && updated.locale !== getLanguage()) applyLanguage(updated.locale);
      showToast(tx('profile.saved'));
    });
  });

  const el = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'profile-title' },
    h(
      'header',
      { class: 'panel-header' },
      h('h2', { class: 'panel-title', id: 'profile-title', i18n: 'profile.title' }),
      h('p', { class: 'panel-description', i18n: 'profile.description' }),
    ),
    form,
  );
  return { el, cleanup: unsubscribe };
}
