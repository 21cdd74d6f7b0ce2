/**
 * "Subscribe": my private iCalendar feed (GET/POST/DELETE me/calendar-feed,
 * docs/calendar.md) in a dialog of the calendar. The feed carries the events
 * and dated cards of every workspace I am in; its URL is a secret shown once,
 * when it is made or rotated, with how Outlook, Google Calendar and Apple
 * Calendar add it. Rotating makes a new URL (the old one stops at once);
 * revoking leaves none.
 */
import * as api from '../api.js';
import { bind, formatDateTime, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { describeError } from '../forms.js';
import { showToast } from './common.js';
import { confirmDialog, copyText, openDialog } from './ui.js';

const APPS = ['outlook', 'google', 'apple'];

export function openCalendarFeedDialog() {
  const error = h('div', { class: 'alert', role: 'alert', testid: 'feed-error' });
  const content = h('div', { class: 'feed-content', 'aria-live': 'polite', testid: 'feed-content' });
  const handle = openDialog({
    title: tx('calendarFeed.title'),
    testid: 'feed-dialog',
    size: 'dialog-wide',
    body: [h('p', { class: 'dialog-message', i18n: 'calendarFeed.intro' }), error, content],
  });

  function fail(err) {
    if (err?.sessionEnded) {
      handle.close();
      return;
    }
    bind(error, { text: describeError(err) });
  }

  function button(key, testid, className, action) {
    const el = h('button', { type: 'button', class: `btn ${className}`, testid, i18n: key });
    el.addEventListener('click', () =>
      withBusy(el, async () => {
        bind(error, { text: () => '' });
        try {
          await action();
        } catch (err) {
          fail(err);
        }
      }),
    );
    return el;
  }

  async function issue() {
    const feed = await api.issueCalendarFeed();
    showUrl(feed);
  }

  async function rotate() {
    const confirmed = await confirmDialog({
      title: tx('calendarFeed.rotateTitle'),
      message: tx('calendarFeed.rotateMessage'),
      confirm: 'calendarFeed.rotate',
      testid: 'feed-rotate-confirm',
    });
    if (confirmed) await issue();
  }

  async function revoke() {
    const confirmed = await confirmDialog({
      title: tx('calendarFeed.revokeTitle'),
      message: tx('calendarFeed.revokeMessage'),
      confirm: 'calendarFeed.revoke',
      danger: true,
      action: () => api.revokeCalendarFeed(),
      testid: 'feed-revoke-confirm',
    });
    if (!confirmed) return;
    showToast(tx('calendarFeed.revoked'));
    showNone();
  }

  function showNone() {
    content.replaceChildren(
      h('p', { class: 'feed-state', testid: 'feed-none', i18n: 'calendarFeed.none' }),
      h('div', { class: 'form-actions' }, button('calendarFeed.create', 'feed-create', 'btn-primary', issue)),
    );
  }

  function showExisting(feed) {
    const since = bind(h('p', { class: 'feed-state', testid: 'feed-existing' }), {
      text: () => t('calendarFeed.existing', { date: formatDateTime(feed.createdAt) }),
    });
    content.replaceChildren(
      since,
      h('p', { class: 'field-hint', i18n: 'calendarFeed.shownOnceHint' }),
      h(
        'div',
        { class: 'form-actions' },
        button('calendarFeed.revoke', 'feed-revoke', 'btn-danger-ghost', revoke),
        button('calendarFeed.rotate', 'feed-rotate', 'btn-secondary', rotate),
      ),
    );
  }

  function showUrl(feed) {
    const input = h('input', { type: 'text', class: 'input token-secret', readonly: true, value: feed.url, testid: 'feed-url', i18nAttrs: { 'aria-label': 'calendarFeed.urlLabel' } });
    const copy = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'feed-copy', i18n: 'calendarFeed.copy' });
    copy.addEventListener('click', async () => {
      showToast((await copyText(feed.url, input)) ? tx('calendarFeed.copied') : tx('calendarFeed.copyManually'));
    });
    content.replaceChildren(
      h(
        'div',
        { class: 'token-secret-box', testid: 'feed-created' },
        h('p', { class: 'token-secret-note', i18n: 'calendarFeed.shownOnce' }),
        h('div', { class: 'token-secret-row' }, input, copy),
      ),
      h('h3', { class: 'feed-apps-title', i18n: 'calendarFeed.howTitle' }),
      h('ul', { class: 'feed-apps', testid: 'feed-apps' }, ...APPS.map((app) =>
        h('li', {}, h('strong', { i18n: `calendarFeed.app.${app}` }), ' ', h('span', { i18n: `calendarFeed.how.${app}` })))),
      h('p', { class: 'field-hint', i18n: 'calendarFeed.refreshHint' }),
      h(
        'div',
        { class: 'form-actions' },
        button('calendarFeed.revoke', 'feed-revoke', 'btn-danger-ghost', revoke),
        button('calendarFeed.rotate', 'feed-rotate', 'btn-secondary', rotate),
      ),
    );
    input.select();
  }

  content.replaceChildren(h('p', { class: 'feed-state', i18n: 'common.loading' }));
  api.getCalendarFeed().then(
    (feed) => (feed.active ? showExisting(feed) : showNone()),
    fail,
  );
  return handle;
}
