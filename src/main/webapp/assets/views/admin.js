/**
 * "Administration" (system administrators only; the link shows only for them): the instance's
 * accounts — search, pages, deactivate/reactivate, grant/revoke the role — dead work to retry,
 * the local outbox (the mails an instance with mail off kept instead of sending), and the audit
 * log with a CSV export. A module of small functions over one store per panel.
 */
import * as api from '../api.js';
import { bind, formatDateTime, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { describeError } from '../forms.js';
import { getMe } from '../store.js';
import { confirmDialog, pageHeader, statusLine, toastError } from './ui.js';
import { showToast } from './common.js';

const PAGE = 25;

/** @param {HTMLElement} main */
export function renderAdmin(main) {
  if (!getMe()?.systemAdmin) {
    main.append(pageHeader({ title: tx('admin.title') }), h('p', { class: 'page-subtitle', i18n: 'admin.error.notAnAdministrator' }));
    return () => {};
  }
  const accounts = accountsPanel();
  const dead = deadWorkPanel();
  const outbox = outboxPanel();
  const audit = auditPanel();
  main.append(
    pageHeader({ title: tx('admin.title'), subtitle: tx('admin.subtitle') }),
    h('div', { class: 'page-body' }, accounts.el, dead.el, outbox.el, audit.el),
  );
  accounts.load();
  dead.load();
  outbox.load();
  audit.load();
  return () => {};
}

// ---------------------------------------------------------------------------
// Accounts

function accountsPanel() {
  const store = { q: '', items: [], nextCursor: null };
  const search = h('input', { type: 'search', class: 'input', testid: 'admin-account-search', maxlength: '100', i18nAttrs: { placeholder: 'admin.accounts.search', 'aria-label': 'admin.accounts.search' } });
  const list = h('ul', { class: 'admin-list', testid: 'admin-accounts' });
  const more = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'admin-accounts-more', i18n: 'admin.more', hidden: true });
  const status = statusLine('admin-accounts-status');
  let timer = null;

  async function load({ append = false } = {}) {
    status.set(tx('common.loading'));
    try {
      const page = await api.listAdminAccounts({ q: store.q, cursor: append ? store.nextCursor : null, limit: PAGE });
      store.items = append ? [...store.items, ...page.items] : page.items;
      store.nextCursor = page.nextCursor;
      draw();
      status.set(store.items.length ? null : tx('admin.accounts.none'));
    } catch (err) {
      status.set(describeError(err), { retry: () => load({ append }), variant: 'error' });
    }
  }

  function draw() {
    list.replaceChildren(...store.items.map((account) => accountRow(account, replace)));
    more.hidden = !store.nextCursor;
  }

  function replace(updated) {
    store.items = store.items.map((a) => (a.id === updated.id ? updated : a));
    draw();
  }

  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      store.q = search.value.trim();
      load();
    }, 250);
  });
  more.addEventListener('click', () => withBusy(more, () => load({ append: true })));

  const el = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'admin-accounts-title' },
    h('div', { class: 'panel-header' }, h('h2', { class: 'panel-title', id: 'admin-accounts-title', i18n: 'admin.accounts.title' })),
    search,
    status.el,
    list,
    more,
  );
  return { el, load };
}

function accountRow(account, replace) {
  const me = getMe();
  const badges = h('span', { class: 'admin-badges' });
  if (account.systemAdmin) badges.append(h('span', { class: 'badge', testid: 'admin-badge', i18n: 'admin.accounts.administrator' }));
  if (account.deactivatedAt) badges.append(h('span', { class: 'badge badge-danger', testid: 'deactivated-badge', i18n: 'admin.accounts.deactivated' }));

  const actions = h('div', { class: 'admin-actions' });
  const act = (key, testid, run, { danger = false, confirm = null } = {}) => {
    const button = h('button', { type: 'button', class: `btn btn-sm ${danger ? 'btn-danger' : 'btn-secondary'}`, testid, i18n: key });
    button.addEventListener('click', async () => {
      if (confirm) {
        await confirmDialog({
          title: tx(confirm.title),
          message: () => t(confirm.message, { name: account.displayName, email: account.email }),
          confirm: key,
          danger,
          testid: 'admin-confirm',
          action: async () => replace(await run()),
        });
        return;
      }
      await withBusy(button, async () => {
        try {
          replace(await run());
        } catch (err) {
          toastError(err);
        }
      });
    });
    return button;
  };
  if (account.deactivatedAt) {
    actions.append(act('admin.accounts.reactivate', 'admin-reactivate', () => api.reactivateAccount(account.id)));
  } else if (account.id !== me?.id) {
    actions.append(act('admin.accounts.deactivate', 'admin-deactivate', () => api.deactivateAccount(account.id), {
      danger: true,
      confirm: { title: 'admin.accounts.deactivateTitle', message: 'admin.accounts.deactivateMessage' },
    }));
  }
  if (account.systemAdmin) {
    actions.append(act('admin.accounts.revoke', 'admin-revoke', () => api.revokeAdministrator(account.id), {
      confirm: { title: 'admin.accounts.revokeTitle', message: 'admin.accounts.revokeMessage' },
    }));
  } else if (!account.deactivatedAt) {
    actions.append(act('admin.accounts.grant', 'admin-grant', () => api.grantAdministrator(account.id)));
  }

  return h(
    'li',
    { class: 'admin-row', testid: 'admin-account', dataset: { email: account.email } },
    h(
      'div',
      { class: 'admin-who' },
      h('span', { class: 'admin-name' }, account.displayName),
      h('span', { class: 'admin-email' }, account.email),
      badges,
    ),
    actions,
  );
}

// ---------------------------------------------------------------------------
// Dead work: jobs (mails are jobs) and webhook deliveries that ran out of attempts

/** What a dead job was, in words: mails by what they carry, other jobs by their type. */
const JOB_NAMES = {
  'password-reset-mail': 'admin.dead.type.passwordReset',
  'email-verification-mail': 'admin.dead.type.verification',
  letter: 'admin.dead.type.letter',
  'notification-mail': 'admin.dead.type.notifications',
  'test-mail': 'admin.dead.type.testMail',
  mail: 'admin.dead.type.mail',
  'job-failed-mail': 'admin.dead.type.jobFailed',
  thumbnail: 'admin.dead.type.thumbnail',
  voice: 'admin.dead.type.voice',
};

function deadWorkPanel() {
  const store = { jobs: [], jobsCursor: null, deliveries: [], deliveriesCursor: null };
  const jobs = h('ul', { class: 'admin-list', testid: 'admin-dead-jobs' });
  const deliveries = h('ul', { class: 'admin-list', testid: 'admin-dead-deliveries' });
  const moreJobs = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'admin-dead-jobs-more', i18n: 'admin.more', hidden: true });
  const moreDeliveries = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'admin-dead-deliveries-more', i18n: 'admin.more', hidden: true });
  const status = statusLine('admin-dead-status');
  const reload = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'admin-dead-reload', i18n: 'admin.dead.reload' });

  function jobRow(job) {
    const name = JOB_NAMES[job.type];
    return deadRow({
      testid: 'admin-dead-job',
      kind: job.queue === 'moim.alerts' ? tx('admin.dead.mail') : tx('admin.dead.job'),
      name: name ? tx(name) : () => job.type,
      whose: job.owner ? tx('admin.dead.owner', { name: job.owner.displayName, email: job.owner.email }) : null,
      error: job.lastError,
      at: job.updatedAt,
      retry: async () => {
        await api.retryJob(job.id);
        // Off the list for good: a later More draws the list again from the store.
        store.jobs = store.jobs.filter((other) => other !== job);
      },
    });
  }

  function deliveryRow(delivery) {
    return deadRow({
      testid: 'admin-dead-delivery',
      kind: tx('admin.dead.webhook'),
      name: () => delivery.eventType,
      whose: null,
      error: delivery.lastError,
      at: delivery.lastAttemptAt || delivery.createdAt,
      retry: async () => {
        await api.retryDelivery(delivery.id);
        store.deliveries = store.deliveries.filter((other) => other !== delivery);
      },
    });
  }

  function draw() {
    jobs.replaceChildren(...store.jobs.map(jobRow));
    deliveries.replaceChildren(...store.deliveries.map(deliveryRow));
    moreJobs.hidden = !store.jobsCursor;
    moreDeliveries.hidden = !store.deliveriesCursor;
    const none = !store.jobs.length && !store.deliveries.length;
    status.set(none ? tx('admin.dead.none') : null);
  }

  async function load() {
    status.set(tx('common.loading'));
    try {
      const [jobPage, deliveryPage] = await Promise.all([api.listDeadJobs({ limit: PAGE }), api.listDeadDeliveries({ limit: PAGE })]);
      Object.assign(store, {
        jobs: jobPage.items,
        jobsCursor: jobPage.nextCursor,
        deliveries: deliveryPage.items,
        deliveriesCursor: deliveryPage.nextCursor,
      });
      draw();
    } catch (err) {
      status.set(describeError(err), { retry: load, variant: 'error' });
    }
  }

  async function more(list) {
    try {
      if (list === 'jobs') {
        const page = await api.listDeadJobs({ cursor: store.jobsCursor, limit: PAGE });
        Object.assign(store, { jobs: [...store.jobs, ...page.items], jobsCursor: page.nextCursor });
      } else {
        const page = await api.listDeadDeliveries({ cursor: store.deliveriesCursor, limit: PAGE });
        Object.assign(store, { deliveries: [...store.deliveries, ...page.items], deliveriesCursor: page.nextCursor });
      }
      draw();
    } catch (err) {
      toastError(err);
    }
  }
  reload.addEventListener('click', () => withBusy(reload, load));
  moreJobs.addEventListener('click', () => withBusy(moreJobs, () => more('jobs')));
  moreDeliveries.addEventListener('click', () => withBusy(moreDeliveries, () => more('deliveries')));

  const el = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'admin-dead-title' },
    h(
      'div',
      { class: 'panel-header panel-header-actions' },
      h('h2', { class: 'panel-title', id: 'admin-dead-title', i18n: 'admin.dead.title' }),
      h('div', { class: 'panel-actions' }, reload),
    ),
    h('p', { class: 'panel-description', i18n: 'admin.dead.description' }),
    status.el,
    jobs,
    moreJobs,
    deliveries,
    moreDeliveries,
  );
  return { el, load };
}

function deadRow({ testid, kind, name, whose, error, at, retry }) {
  const button = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'admin-retry', i18n: 'admin.dead.retry' });
  const row = h(
    'li',
    { class: 'admin-row', testid },
    h(
      'div',
      { class: 'admin-who' },
      bind(h('span', { class: 'badge' }), { text: kind }),
      bind(h('span', { class: 'admin-name', testid: 'admin-dead-name' }), { text: name }),
      whose ? bind(h('span', { class: 'admin-email', testid: 'admin-dead-owner' }), { text: whose }) : null,
      bind(h('span', { class: 'admin-email' }), { text: () => formatDateTime(at) }),
      h('span', { class: 'admin-error', testid: 'admin-dead-error' }, error || ''),
    ),
    h('div', { class: 'admin-actions' }, button),
  );
  button.addEventListener('click', () =>
    withBusy(button, async () => {
      try {
        await retry();
        showToast(tx('admin.dead.retried'));
        row.remove();
      } catch (err) {
        toastError(err);
      }
    }),
  );
  return row;
}

// ---------------------------------------------------------------------------
// Outbox: with mail off, the mails the instance would have sent (links included)

function outboxPanel() {
  const store = { items: [], nextCursor: null, keeping: true };
  const list = h('ul', { class: 'admin-list', testid: 'admin-outbox' });
  const more = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'admin-outbox-more', i18n: 'admin.more', hidden: true });
  const reload = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'admin-outbox-reload', i18n: 'admin.dead.reload' });
  const description = h('p', { class: 'panel-description', testid: 'admin-outbox-description' });
  const status = statusLine('admin-outbox-status');

  async function load({ append = false } = {}) {
    status.set(tx('common.loading'));
    try {
      const page = await api.listOutbox({ cursor: append ? store.nextCursor : null, limit: PAGE });
      store.items = append ? [...store.items, ...page.items] : page.items;
      store.nextCursor = page.nextCursor;
      store.keeping = page.keeping;
      list.replaceChildren(...store.items.map(outboxRow));
      more.hidden = !store.nextCursor;
      bind(description, { text: tx(store.keeping ? 'admin.outbox.description' : 'admin.outbox.off') });
      status.set(store.items.length ? null : tx('admin.outbox.none'));
    } catch (err) {
      status.set(describeError(err), { retry: () => load({ append }), variant: 'error' });
    }
  }
  reload.addEventListener('click', () => withBusy(reload, () => load()));
  more.addEventListener('click', () => withBusy(more, () => load({ append: true })));
  bind(description, { text: tx('admin.outbox.description') });

  const el = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'admin-outbox-title' },
    h(
      'div',
      { class: 'panel-header panel-header-actions' },
      h('h2', { class: 'panel-title', id: 'admin-outbox-title', i18n: 'admin.outbox.title' }),
      h('div', { class: 'panel-actions' }, reload),
    ),
    description,
    status.el,
    list,
    more,
  );
  return { el, load };
}

/** One kept mail: subject, recipient and time; opened, its text with every link clickable (in a new tab). */
function outboxRow(mail) {
  const text = h('pre', { class: 'outbox-text', testid: 'admin-outbox-text' }, ...linkified(mail.text));
  return h(
    'li',
    { class: 'admin-row outbox-row', testid: 'admin-outbox-mail' },
    h(
      'details',
      { class: 'outbox-mail' },
      h(
        'summary',
        { class: 'outbox-summary', testid: 'admin-outbox-summary' },
        h('span', { class: 'admin-name', testid: 'admin-outbox-subject' }, mail.subject),
        bind(h('span', { class: 'admin-email', testid: 'admin-outbox-to' }), { text: tx('admin.outbox.to', { to: mail.to }) }),
        bind(h('span', { class: 'admin-email' }), { text: () => formatDateTime(mail.createdAt) }),
      ),
      text,
    ),
  );
}

/** Plain text as text nodes and links (http and https only; the text is never parsed as HTML). */
function linkified(text) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    parts.push(document.createTextNode(text.slice(last, match.index)));
    parts.push(h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', testid: 'admin-outbox-link' }, url));
    last = match.index + url.length;
  }
  parts.push(document.createTextNode(text.slice(last)));
  return parts;
}

// ---------------------------------------------------------------------------
// Audit log

const ACTIONS = [
  'SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_IN_REFUSED', 'SIGN_OUT', 'REFRESH_TOKEN_REUSED', 'PASSWORD_CHANGED',
  'ACCOUNT_DEACTIVATED', 'ACCOUNT_REACTIVATED', 'ADMIN_GRANTED', 'ADMIN_REVOKED',
];

function auditPanel() {
  const store = { action: null, items: [], nextCursor: null };
  const filter = h(
    'select',
    { class: 'input input-sm admin-filter', testid: 'admin-audit-action', i18nAttrs: { 'aria-label': 'admin.audit.filter' } },
    bind(h('option', { value: '' }), { text: tx('admin.audit.all') }),
    ...ACTIONS.map((action) => bind(h('option', { value: action }), { text: tx(`admin.audit.action.${action}`) })),
  );
  const exportButton = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'admin-audit-export', i18n: 'admin.audit.export' });
  const table = h('tbody', { testid: 'admin-audit' });
  const more = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'admin-audit-more', i18n: 'admin.more', hidden: true });
  const status = statusLine('admin-audit-status');

  async function load({ append = false } = {}) {
    status.set(tx('common.loading'));
    try {
      const page = await api.listAudit({ action: store.action, cursor: append ? store.nextCursor : null, limit: PAGE });
      store.items = append ? [...store.items, ...page.items] : page.items;
      store.nextCursor = page.nextCursor;
      table.replaceChildren(...store.items.map(auditRow));
      more.hidden = !store.nextCursor;
      status.set(store.items.length ? null : tx('admin.audit.none'));
    } catch (err) {
      status.set(describeError(err), { retry: () => load({ append }), variant: 'error' });
    }
  }

  filter.addEventListener('change', () => {
    store.action = filter.value || null;
    load();
  });
  more.addEventListener('click', () => withBusy(more, () => load({ append: true })));
  exportButton.addEventListener('click', () =>
    withBusy(exportButton, async () => {
      try {
        const blob = await api.auditCsv({ action: store.action });
        const url = URL.createObjectURL(blob);
        const link = h('a', { href: url, download: `moim-audit-${new Date().toISOString().slice(0, 10)}.csv`, hidden: true });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        showToast(tx('admin.audit.exported'));
      } catch (err) {
        toastError(err);
      }
    }),
  );

  const el = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'admin-audit-title' },
    h(
      'div',
      { class: 'panel-header panel-header-actions' },
      h('h2', { class: 'panel-title', id: 'admin-audit-title', i18n: 'admin.audit.title' }),
      h('div', { class: 'panel-actions' }, filter, exportButton),
    ),
    status.el,
    h(
      'div',
      { class: 'admin-table-wrap' },
      h(
        'table',
        { class: 'admin-table' },
        h(
          'thead',
          {},
          h('tr', {}, ...['when', 'what', 'who', 'detail', 'address'].map((c) => h('th', { scope: 'col', i18n: `admin.audit.column.${c}` }))),
        ),
        table,
      ),
    ),
    more,
  );
  return { el, load };
}

function auditRow(entry) {
  const what = bind(h('td', { testid: 'audit-action', dataset: { action: entry.action } }), { text: tx(`admin.audit.action.${entry.action}`) });
  return h(
    'tr',
    { testid: 'audit-entry' },
    bind(h('td', { class: 'admin-when' }), { text: () => formatDateTime(entry.occurredAt) }),
    what,
    h('td', { class: 'admin-cell' }, entry.actorEmail || entry.actorId || '—'),
    h('td', { class: 'admin-cell', title: entry.subjectId || null }, entry.detail || entry.subjectId || '—'),
    h('td', { class: 'admin-cell' }, entry.address || '—'),
  );
}
