/**
 * Personal access tokens and bots: the "Tokens" panel of the profile page and
 * the "Bots" panel of workspace settings. Both make tokens with the same form
 * (name, scopes, expiry), show a new secret once with a copy button, and list
 * tokens with their last use and a revoke button.
 */
import * as api from '../api.js';
import { bind, formatDate, formatDateTime, formatRelative, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { describeError } from '../forms.js';
import { showToast } from './common.js';
import { confirmDialog, copyText } from './ui.js';

export const SCOPES = ['read', 'chat:write', 'boards:write', 'calendar:write', 'files:write', 'admin'];
const EXPIRIES = [7, 30, 90, 365];

function panel(id, titleKey, descriptionKey, ...children) {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': id, testid: id },
    h('header', { class: 'panel-header' }, h('h2', { class: 'panel-title', id, i18n: titleKey }), h('p', { class: 'panel-description', i18n: descriptionKey })),
    ...children,
  );
}

let formSeq = 0;

/**
 * The form that makes a token. `create(body)` answers `{token, secret}`; the
 * secret is shown once under the form until the next token is made.
 */
function tokenForm({ scopes, create, onCreated, testid }) {
  const seq = ++formSeq;
  const error = h('div', { class: 'alert', role: 'alert', testid: `${testid}-error` });
  const name = h('input', { type: 'text', id: `token-name-${seq}`, class: 'input', maxlength: '100', required: true, testid: `${testid}-name` });
  const boxes = scopes.map((scope) => {
    const box = h('input', { type: 'checkbox', value: scope, testid: `${testid}-scope-${scope.replace(':', '-')}` });
    return { scope, box, el: h('label', { class: 'token-scope' }, box, h('code', { text: scope }), h('span', { class: 'token-scope-hint', i18n: `tokens.scope.${scope}` })) };
  });
  boxes[0].box.checked = true;
  const expiry = h('select', { id: `token-expiry-${seq}`, class: 'input', testid: `${testid}-expiry` });
  for (const days of EXPIRIES) {
    const option = h('option', { value: String(days) });
    bind(option, { text: () => t('tokens.days', { count: days }) });
    expiry.append(option);
  }
  expiry.value = '30';
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: `${testid}-submit`, i18n: 'tokens.create' });
  const shown = h('div', { class: 'token-secret-region', 'aria-live': 'polite' });

  function showSecret(created) {
    const input = h('input', { type: 'text', class: 'input token-secret', readonly: true, value: created.secret, testid: `${testid}-secret` });
    const copy = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: `${testid}-copy`, i18n: 'tokens.copy' });
    copy.addEventListener('click', async () => {
      showToast((await copyText(created.secret, input)) ? tx('tokens.copied') : tx('tokens.copyManually'));
    });
    shown.replaceChildren(
      h('div', { class: 'token-secret-box', testid: `${testid}-created` },
        h('p', { class: 'token-secret-note', i18n: 'tokens.shownOnce' }),
        h('div', { class: 'token-secret-row' }, input, copy)),
    );
  }

  const form = h(
    'form',
    { class: 'form token-form', novalidate: true, testid: `${testid}-form` },
    error,
    h('div', { class: 'field' }, h('label', { for: name.id, i18n: 'tokens.name' }), name),
    h('fieldset', { class: 'field token-scopes' }, h('legend', { i18n: 'tokens.scopes' }), ...boxes.map((b) => b.el)),
    h('div', { class: 'field' }, h('label', { for: expiry.id, i18n: 'tokens.expiry' }), expiry),
    h('div', { class: 'form-actions' }, submit),
    shown,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.replaceChildren();
    const chosen = boxes.filter((b) => b.box.checked).map((b) => b.scope);
    if (!name.value.trim()) {
      bind(error, { text: tx('tokens.nameRequired') });
      name.focus();
      return;
    }
    if (!chosen.length) {
      bind(error, { text: tx('tokens.scopeRequired') });
      return;
    }
    withBusy(submit, async () => {
      try {
        const created = await create({ name: name.value.trim(), scopes: chosen, expiresInDays: Number(expiry.value) });
        name.value = '';
        showSecret(created);
        await onCreated?.();
      } catch (err) {
        if (!err.sessionEnded) bind(error, { text: describeError(err) });
      }
    });
  });
  return form;
}

function timeValue(iso, emptyKey) {
  const el = h('time', { datetime: iso || null });
  if (!iso) return bind(el, { text: tx(emptyKey) });
  return bind(el, { text: () => formatRelative(iso), attrs: { title: () => formatDateTime(iso) } });
}

/** The list of tokens, newest first, each with its scopes, dates and a revoke button. */
function tokenList({ load, revoke, testid }) {
  const list = h('ul', { class: 'token-list', testid: `${testid}-list` });
  const status = h('div', { class: 'panel-status', role: 'status', 'aria-live': 'polite' });

  function row(token) {
    const state = h('span', { class: `badge token-status token-${token.status}`, testid: 'token-status', i18n: `tokens.status.${token.status}` });
    const item = h(
      'li',
      { class: 'token-row', testid: 'token-row', dataset: { tokenId: token.id } },
      h('div', { class: 'token-heading' }, h('span', { class: 'token-name', testid: 'token-row-name', text: token.name }), h('code', { class: 'token-hint', text: `moim_pat_…${token.hint}` }), state),
      h('div', { class: 'token-scopes-line' }, ...token.scopes.map((scope) => h('code', { class: 'token-scope-chip', text: scope }))),
      h(
        'dl',
        { class: 'session-meta' },
        h('div', {}, h('dt', { i18n: 'tokens.lastUsed' }), h('dd', { testid: 'token-last-used' }, timeValue(token.lastUsedAt, 'tokens.never'))),
        h('div', {}, h('dt', { i18n: 'tokens.expires' }), h('dd', {}, bind(h('span'), { text: () => formatDate(token.expiresAt) }))),
      ),
    );
    if (token.status === 'active') {
      const button = h('button', { type: 'button', class: 'btn btn-danger-ghost btn-sm', testid: 'token-revoke', i18n: 'tokens.revoke' });
      bind(button, { attrs: { 'aria-label': () => t('tokens.revokeLabel', { name: token.name }) } });
      button.addEventListener('click', async () => {
        const confirmed = await confirmDialog({
          title: tx('tokens.revokeTitle'),
          message: () => t('tokens.revokeMessage', { name: token.name }),
          confirm: 'tokens.revoke',
          danger: true,
          testid: 'token-revoke-confirm',
        });
        if (!confirmed) return;
        try {
          await revoke(token.id);
          showToast(tx('tokens.revoked'));
        } catch (err) {
          if (!err.sessionEnded) showToast(describeError(err), { variant: 'error' });
        }
        await reload();
      });
      item.append(h('div', { class: 'session-actions' }, button));
    }
    return item;
  }

  async function reload() {
    list.setAttribute('aria-busy', 'true');
    try {
      const tokens = await load();
      list.replaceChildren(...tokens.map(row));
      status.replaceChildren();
      if (!tokens.length) status.append(bind(h('span'), { text: tx('tokens.empty') }));
    } catch (err) {
      if (!err.sessionEnded) status.replaceChildren(bind(h('span'), { text: describeError(err) }));
    } finally {
      list.removeAttribute('aria-busy');
    }
  }
  return { el: h('div', {}, status, list), reload };
}

/** The profile page's "Tokens" panel. */
export function tokensPanel() {
  const list = tokenList({ load: api.listMyTokens, revoke: api.revokeMyToken, testid: 'tokens' });
  const form = tokenForm({ scopes: SCOPES, create: api.createMyToken, onCreated: list.reload, testid: 'token' });
  const el = panel('tokens-title', 'tokens.title', 'tokens.description', form, list.el);
  list.reload();
  return { el };
}

/** Workspace settings' "Bots" panel (owners and managers). */
export function botsPanel(workspaceId) {
  const bots = h('ul', { class: 'bot-list', testid: 'bots-list' });
  const status = h('div', { class: 'panel-status', role: 'status', 'aria-live': 'polite' });
  const error = h('div', { class: 'alert', role: 'alert', testid: 'bot-error' });
  const name = h('input', { type: 'text', id: 'bot-name', class: 'input', maxlength: '100', testid: 'bot-name' });
  const avatar = h('input', { type: 'text', id: 'bot-avatar', class: 'input', maxlength: '64', testid: 'bot-avatar' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'bot-create', i18n: 'bots.create' });
  const form = h(
    'form',
    { class: 'form bot-form', novalidate: true, testid: 'bot-form' },
    error,
    h('div', { class: 'field' }, h('label', { for: name.id, i18n: 'bots.name' }), name),
    h('div', { class: 'field' }, h('label', { for: avatar.id, i18n: 'bots.avatar' }), avatar),
    h('div', { class: 'form-actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.replaceChildren();
    withBusy(submit, async () => {
      try {
        await api.createBot(workspaceId, { name: name.value, avatar: avatar.value.trim() || undefined });
        name.value = '';
        avatar.value = '';
        await reload();
      } catch (err) {
        if (!err.sessionEnded) bind(error, { text: describeError(err) });
      }
    });
  });

  function row(bot) {
    const tokens = tokenList({
      load: () => api.listBotTokens(workspaceId, bot.id),
      revoke: (id) => api.revokeBotToken(workspaceId, bot.id, id),
      testid: 'bot-tokens',
    });
    const tokenArea = h('div', { class: 'bot-tokens', hidden: true },
      tokenForm({
        scopes: SCOPES.filter((scope) => scope !== 'admin'),
        create: (body) => api.createBotToken(workspaceId, bot.id, body),
        onCreated: tokens.reload,
        testid: 'bot-token',
      }),
      tokens.el);
    const toggle = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'bot-tokens-toggle', 'aria-expanded': 'false', i18n: 'bots.tokens' });
    toggle.addEventListener('click', () => {
      const open = tokenArea.hidden;
      tokenArea.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      if (open) tokens.reload();
    });
    const remove = h('button', { type: 'button', class: 'btn btn-danger-ghost btn-sm', testid: 'bot-remove', i18n: 'bots.remove' });
    remove.addEventListener('click', async () => {
      const confirmed = await confirmDialog({
        title: tx('bots.removeTitle'),
        message: () => t('bots.removeMessage', { name: bot.name }),
        confirm: 'bots.remove',
        danger: true,
        testid: 'bot-remove-confirm',
      });
      if (!confirmed) return;
      try {
        await api.removeBot(workspaceId, bot.id);
      } catch (err) {
        if (!err.sessionEnded) showToast(describeError(err), { variant: 'error' });
      }
      await reload();
    });
    return h(
      'li',
      { class: 'bot-row', testid: 'bot-row', dataset: { botId: bot.id } },
      h('div', { class: 'bot-heading' },
        h('span', { class: 'avatar avatar-sm bot-avatar', 'aria-hidden': 'true', text: bot.avatar || '🤖' }),
        h('span', { class: 'bot-name', testid: 'bot-row-name', text: bot.name }),
        h('span', { class: 'badge badge-bot', i18n: 'chat.botBadge' }),
        h('span', { class: 'bot-actions' }, toggle, remove)),
      tokenArea,
    );
  }

  async function reload() {
    try {
      const list = await api.listBots(workspaceId);
      bots.replaceChildren(...list.map(row));
      status.replaceChildren();
      if (!list.length) status.append(bind(h('span'), { text: tx('bots.empty') }));
    } catch (err) {
      if (!err.sessionEnded) status.replaceChildren(bind(h('span'), { text: describeError(err) }));
    }
  }
  reload();
  return panel('settings-bots', 'bots.title', 'bots.description', form, status, bots);
}
