/**
 * The "Keyword bot" panel of workspace settings (owners and managers): rules
 * (keywords or phrases → a reply, in chosen channels, optionally a "talk to a
 * person" handover), edited in one form, and the responders a handover asks
 * for, picked from the members. docs/keyword-bot.md.
 */
import * as api from '../api.js';
import { bind, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { describeError } from '../forms.js';
import { showToast } from './common.js';
import { confirmDialog } from './ui.js';

function field(id, labelKey, input, hintKey = null) {
  return h('div', { class: 'field' }, h('label', { for: id, i18n: labelKey }), input, hintKey ? h('p', { class: 'field-hint', i18n: hintKey }) : null);
}

/** "a, b ,c" → ["a", "b", "c"]. */
const terms = (value) => value.split(',').map((t) => t.trim()).filter(Boolean);

function checkboxes(name, entries, checked, testid) {
  return h('div', { class: 'keyword-choices', testid },
    ...entries.map(({ id, label }) => h('label', { class: 'checkbox-row' },
      h('input', { type: 'checkbox', name, value: id, checked: checked.has(id) || undefined }),
      h('span', { text: label }))));
}

/** The field the server refused, in the reader's language; otherwise the usual description. */
function problemText(err) {
  const field = err.fieldErrors?.[0]?.field;
  return FIELD_PROBLEMS[field] ? tx(FIELD_PROBLEMS[field]) : describeError(err);
}
const FIELD_PROBLEMS = {
  keywords: 'keywordBot.problem.keywords',
  phrases: 'keywordBot.problem.phrases',
  reply: 'keywordBot.problem.reply',
  channelIds: 'keywordBot.problem.channels',
};

const chosen = (box) => [...box.querySelectorAll('input:checked')].map((input) => input.value);

export function keywordBotPanel(workspaceId) {
  const list = h('ul', { class: 'bot-list keyword-rule-list', testid: 'keyword-rules' });
  const status = h('div', { class: 'panel-status', role: 'status', 'aria-live': 'polite' });
  const error = h('div', { class: 'alert', role: 'alert', testid: 'keyword-error' });
  const keywords = h('input', { type: 'text', id: 'keyword-keywords', class: 'input', placeholder: 'agent, 상담원', autocomplete: 'off', testid: 'keyword-keywords' });
  const phrases = h('input', { type: 'text', id: 'keyword-phrases', class: 'input', autocomplete: 'off', testid: 'keyword-phrases' });
  const reply = h('textarea', { id: 'keyword-reply', class: 'input', rows: '3', maxlength: '2000', testid: 'keyword-reply' });
  const handover = h('input', { type: 'checkbox', id: 'keyword-handover', testid: 'keyword-handover' });
  const channelsBox = h('div', { testid: 'keyword-channels' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'keyword-save', i18n: 'keywordBot.create' });
  const cancel = h('button', { type: 'button', class: 'btn btn-secondary', hidden: true, testid: 'keyword-cancel', i18n: 'keywordBot.cancel' });
  const respondersBox = h('div', { testid: 'keyword-responders' });
  const saveResponders = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'keyword-responders-save', i18n: 'keywordBot.saveResponders' });
  let channels = [];
  let editing = null;

  function channelChoices(selected = []) {
    channelsBox.replaceChildren(checkboxes('keyword-channel', channels.map((c) => ({ id: c.id, label: `#${c.name}` })), new Set(selected), 'keyword-channel-choices'));
  }

  const form = h(
    'form',
    { class: 'form bot-form', novalidate: true, testid: 'keyword-form' },
    error,
    field(keywords.id, 'keywordBot.keywords', keywords, 'keywordBot.keywordsHint'),
    field(phrases.id, 'keywordBot.phrases', phrases, 'keywordBot.phrasesHint'),
    field(reply.id, 'keywordBot.reply', reply),
    h('div', { class: 'field' }, h('label', { class: 'checkbox-row' }, handover, h('span', { i18n: 'keywordBot.handover' })),
      h('p', { class: 'field-hint', i18n: 'keywordBot.handoverHint' })),
    h('div', { class: 'field' }, h('span', { class: 'field-label', i18n: 'keywordBot.channels' }), channelsBox,
      h('p', { class: 'field-hint', i18n: 'keywordBot.channelsHint' })),
    h('div', { class: 'form-actions' }, cancel, submit),
  );

  function reset() {
    editing = null;
    for (const input of [keywords, phrases, reply]) input.value = '';
    handover.checked = false;
    channelChoices();
    cancel.hidden = true;
    bind(submit, { text: tx('keywordBot.create') });
  }
  cancel.addEventListener('click', reset);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.replaceChildren();
    if (!terms(keywords.value).length && !terms(phrases.value).length) {
      bind(error, { text: tx('keywordBot.required') });
      keywords.focus();
      return;
    }
    const body = { keywords: terms(keywords.value), phrases: terms(phrases.value), reply: reply.value.trim(), handover: handover.checked, channelIds: chosen(channelsBox) };
    withBusy(submit, async () => {
      try {
        if (editing) await api.replaceKeywordRule(workspaceId, editing, body);
        else await api.createKeywordRule(workspaceId, body);
        reset();
        await reload();
      } catch (err) {
        if (!err.sessionEnded) bind(error, { text: problemText(err) });
      }
    });
  });

  function edit(rule) {
    editing = rule.id;
    keywords.value = rule.keywords.join(', ');
    phrases.value = rule.phrases.join(', ');
    reply.value = rule.reply;
    handover.checked = rule.handover;
    channelChoices(rule.channelIds);
    cancel.hidden = false;
    bind(submit, { text: tx('keywordBot.save') });
    keywords.focus();
  }

  function row(rule) {
    const change = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'keyword-edit', i18n: 'keywordBot.edit' });
    change.addEventListener('click', () => edit(rule));
    const remove = h('button', { type: 'button', class: 'btn btn-danger-ghost btn-sm', testid: 'keyword-remove', i18n: 'keywordBot.remove' });
    remove.addEventListener('click', async () => {
      const confirmed = await confirmDialog({ title: tx('keywordBot.removeTitle'), message: tx('keywordBot.removeMessage'), confirm: 'keywordBot.remove', danger: true, testid: 'keyword-remove-confirm' });
      if (!confirmed) return;
      try {
        await api.deleteKeywordRule(workspaceId, rule.id);
      } catch (err) {
        if (!err.sessionEnded) showToast(describeError(err), { variant: 'error' });
      }
      await reload();
    });
    const names = rule.channelIds.map((id) => channels.find((c) => c.id === id)?.name).filter(Boolean).map((n) => `#${n}`);
    return h(
      'li',
      { class: 'bot-row keyword-rule-row', testid: 'keyword-rule', dataset: { ruleId: rule.id } },
      h('div', { class: 'bot-heading' },
        h('span', { class: 'keyword-terms' }, ...[...rule.keywords, ...rule.phrases.map((p) => `“${p}”`)].map((t) => h('code', { class: 'keyword-term', text: t }))),
        rule.handover ? h('span', { class: 'badge keyword-handover-badge', i18n: 'keywordBot.handoverBadge' }) : null,
        h('span', { class: 'bot-actions' }, change, remove)),
      h('p', { class: 'keyword-reply', text: rule.reply }),
      names.length ? h('p', { class: 'token-hint', text: names.join(' ') }) : h('p', { class: 'token-hint', i18n: 'keywordBot.allChannels' }),
    );
  }

  async function reload() {
    try {
      const rules = await api.listKeywordRules(workspaceId);
      list.replaceChildren(...rules.map(row));
      status.replaceChildren();
      if (!rules.length) status.append(bind(h('span'), { text: tx('keywordBot.empty') }));
    } catch (err) {
      if (!err.sessionEnded) status.replaceChildren(bind(h('span'), { text: describeError(err) }));
    }
  }

  async function loadResponders() {
    const [bot, members] = await Promise.all([api.getKeywordBot(workspaceId), api.listMembers(workspaceId)]);
    const people = members.filter((m) => !m.bot && m.role !== 'GUEST').map((m) => ({ id: m.accountId, label: m.displayName }));
    respondersBox.replaceChildren(checkboxes('keyword-responder', people, new Set(bot.responderIds), 'keyword-responder-choices'));
  }
  saveResponders.addEventListener('click', () => withBusy(saveResponders, async () => {
    try {
      await api.chooseKeywordBotResponders(workspaceId, chosen(respondersBox));
      showToast(tx('keywordBot.respondersSaved'));
    } catch (err) {
      if (!err.sessionEnded) showToast(describeError(err), { variant: 'error' });
    }
  }));

  api.listChannels(workspaceId).then((all) => {
    channels = all.filter((c) => c.kind === 'WORKSPACE');
    channelChoices();
    reload();
  }).catch((err) => { if (!err.sessionEnded) status.replaceChildren(bind(h('span'), { text: describeError(err) })); });
  loadResponders().catch((err) => { if (!err.sessionEnded) respondersBox.replaceChildren(bind(h('span'), { text: describeError(err) })); });

  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'settings-keyword-bot-title', testid: 'settings-keyword-bot' },
    h('header', { class: 'panel-header' }, h('h2', { class: 'panel-title', id: 'settings-keyword-bot-title', i18n: 'keywordBot.title' }), h('p', { class: 'panel-description', i18n: 'keywordBot.description' })),
    form, status, list,
    h('div', { class: 'keyword-responders' },
      h('h3', { class: 'panel-subtitle', i18n: 'keywordBot.responders' }),
      h('p', { class: 'field-hint', i18n: 'keywordBot.respondersHint' }),
      respondersBox,
      h('div', { class: 'form-actions' }, saveResponders)),
  );
}
