/**
 * Sessions panel: lists the user's refresh-token sessions and lets them sign
 * out other devices individually or all at once.
 */
import * as api from '../api.js';
import { bind, formatDateTime, formatRelative, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { describeError } from '../forms.js';
import { showToast } from './common.js';

/** Rough "Browser on OS" from a User-Agent string (product names are not translated). */
export function describeUserAgent(ua) {
  if (!ua) return { browser: null, os: null };
  const browser =
    (/Edg(e|A|iOS)?\//.test(ua) && 'Edge') ||
    (/OPR\/|Opera/.test(ua) && 'Opera') ||
    (/SamsungBrowser\//.test(ua) && 'Samsung Internet') ||
    (/Firefox\/|FxiOS\//.test(ua) && 'Firefox') ||
    (/Chrome\/|CriOS\/|Chromium\//.test(ua) && 'Chrome') ||
    (/Safari\//.test(ua) && 'Safari') ||
    null;
  const os =
    (/Windows/.test(ua) && 'Windows') ||
    (/iPhone|iPad|iPod/.test(ua) && 'iOS') ||
    (/Android/.test(ua) && 'Android') ||
    (/CrOS/.test(ua) && 'ChromeOS') ||
    (/Mac OS X|Macintosh/.test(ua) && 'macOS') ||
    (/Linux/.test(ua) && 'Linux') ||
    null;
  return { browser, os };
}

function deviceLabel(ua) {
  const { browser, os } = describeUserAgent(ua);
  if (browser && os) return () => t('sessions.device', { browser, os });
  if (browser || os) return () => browser || os;
  return tx('sessions.unknownDevice');
}

/** Current session first, then most recently used. */
function sortSessions(sessions) {
  const time = (s) => Date.parse(s.lastUsedAt || s.createdAt) || 0;
  return [...sessions].sort((a, b) => Number(b.current) - Number(a.current) || time(b) - time(a));
}

function timeValue(iso) {
  const el = h('time', { datetime: iso || null });
  return bind(el, { text: () => formatRelative(iso), attrs: { title: () => formatDateTime(iso) } });
}

/** @returns {{el: HTMLElement, reload: () => Promise<void>}} */
export function sessionsPanel() {
  const list = h('ul', { class: 'session-list', testid: 'sessions', 'aria-labelledby': 'sessions-title' });
  const status = h('div', { class: 'panel-status', role: 'status', 'aria-live': 'polite' });
  const refresh = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', i18n: 'sessions.refresh' });
  const revokeOthers = h('button', {
    type: 'button',
    class: 'btn btn-secondary btn-sm',
    testid: 'sessions-revoke-others',
    i18n: 'sessions.revokeOthers',
  });

  let loading = null;

  function setStatus(message, { retry = false, variant = 'muted' } = {}) {
    status.dataset.variant = variant;
    if (!message) {
      status.replaceChildren();
      return;
    }
    const text = bind(h('span'), { text: message });
    if (retry) {
      const again = h('button', { type: 'button', class: 'link', i18n: 'sessions.retry', on: { click: () => load() } });
      status.replaceChildren(text, ' ', again);
    } else {
      status.replaceChildren(text);
    }
  }

  function row(session) {
    const device = deviceLabel(session.userAgent);
    const title = h('span', { class: 'session-device' });
    bind(title, { text: device });

    const heading = h(
      'div',
      { class: 'session-heading' },
      title,
      session.current ? h('span', { class: 'badge', testid: 'session-current', i18n: 'sessions.current' }) : null,
    );
    const ua = session.userAgent
      ? h('p', { class: 'session-ua', title: session.userAgent, text: session.userAgent })
      : null;

    const ip = h('dd', {});
    if (session.ipAddress) ip.textContent = session.ipAddress;
    else bind(ip, { text: tx('common.unknown') });

    const meta = h(
      'dl',
      { class: 'session-meta' },
      h('div', {}, h('dt', { i18n: 'sessions.ipAddress' }), ip),
      h('div', {}, h('dt', { i18n: 'sessions.createdAt' }), h('dd', {}, timeValue(session.createdAt))),
      h('div', {}, h('dt', { i18n: 'sessions.lastUsedAt' }), h('dd', {}, timeValue(session.lastUsedAt || session.createdAt))),
    );

    const item = h(
      'li',
      { class: `session-row${session.current ? ' is-current' : ''}`, testid: 'session-row', dataset: { sessionId: String(session.id) } },
      h('div', { class: 'session-icon', 'aria-hidden': 'true' }),
      h('div', { class: 'session-main' }, heading, ua, meta),
    );

    if (!session.current) {
      const revoke = h('button', { type: 'button', class: 'btn btn-danger-ghost btn-sm', testid: 'session-revoke', i18n: 'sessions.revoke' });
      bind(revoke, { attrs: { 'aria-label': () => t('sessions.revokeLabel', { device: device() }) } });
      revoke.addEventListener('click', () =>
        withBusy(revoke, async () => {
          try {
            await api.revokeSession(session.id);
            showToast(tx('sessions.revoked'));
          } catch (err) {
            if (err.sessionEnded) return;
            // Already gone on the server: the row is stale either way.
            if (err.type !== 'not-found' && err.status !== 404) {
              showToast(describeError(err), { variant: 'error' });
              return;
            }
          }
          item.remove();
          if (!list.children.length) setStatus(tx('sessions.empty'));
        }),
      );
      item.append(h('div', { class: 'session-actions' }, revoke));
    }
    return item;
  }

  /** Loads (or reloads) the list; concurrent calls share one request. */
  function load() {
    loading ??= (async () => {
      list.setAttribute('aria-busy', 'true');
      if (!list.children.length) setStatus(tx('sessions.loading'));
      try {
        const sessions = await api.listSessions();
        const rows = sortSessions(Array.isArray(sessions) ? sessions : []).map(row);
        list.replaceChildren(...rows);
        setStatus(rows.length ? null : tx('sessions.empty'));
      } catch (err) {
        if (!err.sessionEnded) setStatus(describeError(err), { retry: true, variant: 'error' });
      } finally {
        list.removeAttribute('aria-busy');
        loading = null;
      }
    })();
    return loading;
  }

  refresh.addEventListener('click', () => withBusy(refresh, load));
  revokeOthers.addEventListener('click', () =>
    withBusy(revokeOthers, async () => {
      try {
        await api.revokeOtherSessions();
        showToast(tx('sessions.othersRevoked'));
      } catch (err) {
        if (!err.sessionEnded) showToast(describeError(err), { variant: 'error' });
        return;
      }
      await load();
    }),
  );

  const el = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'sessions-title' },
    h(
      'header',
      { class: 'panel-header panel-header-actions' },
      h(
        'div',
        {},
        h('h2', { class: 'panel-title', id: 'sessions-title', i18n: 'sessions.title' }),
        h('p', { class: 'panel-description', i18n: 'sessions.description' }),
      ),
      h('div', { class: 'panel-actions' }, refresh, revokeOthers),
    ),
    status,
    list,
  );

  load();
  return { el, reload: load };
}
