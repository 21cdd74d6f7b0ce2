/**
 * A channel's incoming webhooks, in its settings (OWNERs and MANAGERs, ChannelAction
 * MANAGE_INCOMING_WEBHOOKS): make one with a name, copy its secret URL (shown once), give it a
 * new URL, delete it. Other systems POST Slack-style JSON to the URL (docs/webhooks.md).
 */
import * as api from '../api.js';
import { bind, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { confirmDialog, copyText, toastError } from '../views/ui.js';
import { showToast } from '../views/common.js';

const NAME_MAX = 100;

/** The section of the settings dialog; loads the channel's hooks at once. */
export function incomingWebhooksSection(channelId) {
  let hooks = [];
  const heading = h('h3', { class: 'channel-settings-heading', testid: 'hooks-heading', i18n: 'hooks.title' });
  const hint = h('p', { class: 'muted field-hint', i18n: 'hooks.hint' });
  const list = h('ul', { class: 'hook-list', testid: 'hooks-list', 'aria-busy': 'true' });
  const shown = h('div', { class: 'token-secret-region', 'aria-live': 'polite' });
  const name = h('input', { type: 'text', id: `hook-name-${channelId}`, class: 'input', maxlength: String(NAME_MAX), testid: 'hook-name' });
  bind(name, { attrs: { placeholder: tx('hooks.namePlaceholder') } });
  const create = h('button', { type: 'submit', class: 'btn btn-secondary btn-sm', testid: 'hook-create', i18n: 'hooks.create' });
  const error = h('div', { class: 'alert', role: 'alert', testid: 'hook-error' });
  const form = h('form', { class: 'hook-form', novalidate: true, testid: 'hook-form' },
    h('label', { class: 'sr-only', for: name.id, i18n: 'hooks.name' }), name, create);

  function showUrl(hook) {
    const input = h('input', { type: 'text', class: 'input token-secret', readonly: true, value: hook.url, testid: 'hook-url' });
    bind(input, { attrs: { 'aria-label': tx('hooks.urlLabel', { name: hook.name }) } });
    const copy = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'hook-copy', i18n: 'tokens.copy' });
    copy.addEventListener('click', async () => {
      showToast((await copyText(hook.url, input)) ? tx('hooks.copied') : tx('hooks.copyManually'));
    });
    shown.replaceChildren(
      h('div', { class: 'token-secret-box', testid: 'hook-created' },
        h('p', { class: 'token-secret-note', text: t('hooks.shownOnce', { name: hook.name }) }),
        h('div', { class: 'token-secret-row' }, input, copy)),
    );
    input.focus();
    input.select();
  }

  function draw() {
    list.removeAttribute('aria-busy');
    if (!hooks.length) {
      list.replaceChildren(h('li', { class: 'muted hook-empty', testid: 'hooks-empty', i18n: 'hooks.none' }));
      return;
    }
    list.replaceChildren(...hooks.map((hook) => {
      const renew = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'hook-renew', i18n: 'hooks.renew' });
      renew.addEventListener('click', async () => {
        const ok = await confirmDialog({
          title: tx('hooks.renewTitle', { name: hook.name }),
          message: tx('hooks.renewMessage'),
          confirm: 'hooks.renew',
          action: async () => showUrl(await api.replaceIncomingWebhookSecret(channelId, hook.id)),
          testid: 'hook-renew-confirm',
        });
        if (ok) showToast(tx('hooks.renewed'));
      });
      const remove = h('button', { type: 'button', class: 'btn btn-ghost btn-sm hook-delete', testid: 'hook-delete', i18n: 'hooks.delete' });
      remove.addEventListener('click', async () => {
        const ok = await confirmDialog({
          title: tx('hooks.deleteTitle', { name: hook.name }),
          message: tx('hooks.deleteMessage'),
          confirm: 'hooks.delete',
          danger: true,
          action: () => api.deleteIncomingWebhook(channelId, hook.id),
          testid: 'hook-delete-confirm',
        });
        if (!ok) return;
        hooks = hooks.filter((other) => other.id !== hook.id);
        shown.replaceChildren();
        draw();
      });
      return h('li', { class: 'hook', testid: 'hook', dataset: { hookId: hook.id } },
        h('span', { class: 'hook-name' }, h('span', { class: 'badge badge-bot', i18n: 'hooks.badge' }), h('span', { text: hook.name })),
        h('code', { class: 'hook-hint muted', text: `…${hook.hint}` }),
        h('span', { class: 'hook-actions' }, renew, remove));
    }));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.replaceChildren();
    const value = name.value.trim();
    if (!value) {
      bind(error, { text: tx('hooks.nameRequired') });
      name.focus();
      return;
    }
    withBusy(create, async () => {
      try {
        const hook = await api.createIncomingWebhook(channelId, value);
        hooks = [...hooks, hook];
        name.value = '';
        draw();
        showUrl(hook);
      } catch (err) {
        if (err?.status === 400 || err?.status === 403) bind(error, { text: () => err.problem?.errors?.[0]?.message ?? err.message });
        else toastError(err);
      }
    });
  });

  api
    .listIncomingWebhooks(channelId)
    .then((page) => {
      hooks = page.items;
      draw();
    })
    .catch((err) => {
      list.removeAttribute('aria-busy');
      toastError(err);
    });

  return h('section', { class: 'channel-hooks-section', testid: 'hooks-section' }, heading, hint, list, error, form, shown);
}
