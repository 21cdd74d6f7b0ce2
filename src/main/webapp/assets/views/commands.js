/**
 * The "Commands" panel of workspace settings (owners and managers): register a
 * slash command (word, URL, description, usage), see its signing secret once,
 * list and delete the workspace's commands. docs/commands.md.
 */
import * as api from '../api.js';
import { bind, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { describeError } from '../forms.js';
import { showToast } from './common.js';
import { confirmDialog, copyText } from './ui.js';

function field(id, labelKey, input, hintKey = null) {
  return h('div', { class: 'field' }, h('label', { for: id, i18n: labelKey }), input, hintKey ? h('p', { class: 'field-hint', i18n: hintKey }) : null);
}

export function commandsPanel(workspaceId) {
  const list = h('ul', { class: 'bot-list command-list', testid: 'commands-list' });
  const status = h('div', { class: 'panel-status', role: 'status', 'aria-live': 'polite' });
  const error = h('div', { class: 'alert', role: 'alert', testid: 'command-error' });
  const word = h('input', { type: 'text', id: 'command-word', class: 'input', maxlength: '33', placeholder: '/weather', autocomplete: 'off', testid: 'command-word' });
  const url = h('input', { type: 'url', id: 'command-url', class: 'input', maxlength: '2000', placeholder: 'https://', testid: 'command-url' });
  const description = h('input', { type: 'text', id: 'command-description', class: 'input', maxlength: '200', testid: 'command-description' });
  const usage = h('input', { type: 'text', id: 'command-usage', class: 'input', maxlength: '100', placeholder: '[city]', testid: 'command-usage' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'command-create', i18n: 'commands.create' });
  const shown = h('div', { class: 'token-secret-region', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'form bot-form', novalidate: true, testid: 'command-form' },
    error,
    field(word.id, 'commands.word', word, 'commands.wordHint'),
    field(url.id, 'commands.url', url, 'commands.urlHint'),
    field(description.id, 'commands.descriptionField', description),
    field(usage.id, 'commands.usage', usage),
    h('div', { class: 'form-actions' }, submit),
    shown,
  );

  function showSecret(created) {
    const input = h('input', { type: 'text', class: 'input token-secret', readonly: true, value: created.secret, testid: 'command-secret' });
    const copy = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'command-copy', i18n: 'tokens.copy' });
    copy.addEventListener('click', async () => {
      showToast((await copyText(created.secret, input)) ? tx('tokens.copied') : tx('tokens.copyManually'));
    });
    shown.replaceChildren(
      h('div', { class: 'token-secret-box', testid: 'command-created' },
        h('p', { class: 'token-secret-note', i18n: 'commands.secretOnce' }),
        h('div', { class: 'token-secret-row' }, input, copy)),
    );
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.replaceChildren();
    if (!word.value.trim() || !url.value.trim()) {
      bind(error, { text: tx('commands.required') });
      (word.value.trim() ? url : word).focus();
      return;
    }
    withBusy(submit, async () => {
      try {
        const created = await api.createCommand(workspaceId, {
          word: word.value.trim(),
          url: url.value.trim(),
          description: description.value.trim() || undefined,
          usage: usage.value.trim() || undefined,
        });
        for (const input of [word, url, description, usage]) input.value = '';
        showSecret(created);
        await reload();
      } catch (err) {
        if (!err.sessionEnded) bind(error, { text: describeError(err) });
      }
    });
  });

  function row(command) {
    const remove = h('button', { type: 'button', class: 'btn btn-danger-ghost btn-sm', testid: 'command-remove', i18n: 'commands.remove' });
    remove.addEventListener('click', async () => {
      const confirmed = await confirmDialog({
        title: tx('commands.removeTitle', { word: `/${command.word}` }),
        message: tx('commands.removeMessage'),
        confirm: 'commands.remove',
        danger: true,
        testid: 'command-remove-confirm',
      });
      if (!confirmed) return;
      try {
        await api.deleteCommand(workspaceId, command.id);
      } catch (err) {
        if (!err.sessionEnded) showToast(describeError(err), { variant: 'error' });
      }
      await reload();
    });
    return h(
      'li',
      { class: 'bot-row command-row', testid: 'command-row', dataset: { commandId: command.id } },
      h('div', { class: 'bot-heading' },
        h('code', { class: 'command-word', testid: 'command-row-word', text: `/${command.word}` }),
        command.usage ? h('span', { class: 'token-hint', text: command.usage }) : null,
        h('span', { class: 'bot-actions' }, remove)),
      command.description ? h('p', { class: 'command-description', text: command.description }) : null,
      command.url ? h('p', { class: 'token-hint command-url', text: command.url }) : null,
    );
  }

  async function reload() {
    try {
      const commands = await api.listCommands(workspaceId);
      list.replaceChildren(...commands.map(row));
      status.replaceChildren();
      if (!commands.length) status.append(bind(h('span'), { text: tx('commands.empty') }));
    } catch (err) {
      if (!err.sessionEnded) status.replaceChildren(bind(h('span'), { text: describeError(err) }));
    }
  }
  reload();
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'settings-commands-title', testid: 'settings-commands' },
    h('header', { class: 'panel-header' }, h('h2', { class: 'panel-title', id: 'settings-commands-title', i18n: 'commands.title' }), h('p', { class: 'panel-description', i18n: 'commands.description' })),
    form, status, list,
  );
}
