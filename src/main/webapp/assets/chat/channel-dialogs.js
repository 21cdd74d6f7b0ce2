/**
 * Workspace channels' dialogs: browse and join public channels, create one, and a channel's
 * settings (name, topic, description, mute, archive, leave, its members: add, remove, and for
 * OWNERs and MANAGERs its incoming webhooks, chat/incoming-webhooks.js).
 * Who may do what mirrors ChannelAction (docs/permissions.md#channels); the server decides.
 */
import * as api from '../api.js';
import { bind, render, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { href, navigate } from '../router.js';
import { FormController, field, maxLength, requiredText } from '../forms.js';
import { confirmDialog, openDialog, toastError } from '../views/ui.js';
import { showToast } from '../views/common.js';
import { incomingWebhooksSection } from './incoming-webhooks.js';

const STAFF = ['OWNER', 'MANAGER'];
const NOT_GUEST = ['OWNER', 'MANAGER', 'MEMBER'];
const ALL = [...NOT_GUEST, 'GUEST'];
const MATRIX = {
  BROWSE: NOT_GUEST,
  CREATE: NOT_GUEST,
  EDIT: NOT_GUEST,
  ARCHIVE: STAFF,
  INVITE: NOT_GUEST,
  REMOVE: STAFF,
  LIST_MEMBERS: ALL,
  LEAVE: ALL,
  MUTE: ALL,
  MANAGE_INCOMING_WEBHOOKS: STAFF,
};
export const NAME_MAX = 80;
const TOPIC_MAX = 250;
const DESCRIPTION_MAX = 1000;

/** Whether the role may take the channel action (ChannelAction). */
export function canChannel(role, action) {
  return (MATRIX[action] ?? []).includes(role);
}

/** The channels' own problem types in the reader's language. */
const PROBLEMS = {
  'channel-archived': 'channels.error.archived',
  'channel-invite-only': 'channels.error.inviteOnly',
  'general-channel': 'channels.error.general',
  'invitee-not-in-workspace': 'channels.error.notInWorkspace',
};

function showError(err) {
  const key = PROBLEMS[err?.type];
  if (key) showToast(tx(key), { variant: 'error' });
  else toastError(err);
}

function open(chat, view) {
  const channel = chat.adopt(view);
  Object.assign(channel, view);
  chat.emit({ type: 'channels' });
  navigate(href('w', chat.workspaceId, 'chat', view.id));
}

/** The name, topic and description fields, with the server's name errors in the reader's language. */
function channelForm({ prefix, submitKey, withPrivacy, onSubmit }) {
  const name = field({ name: 'name', label: 'channels.name', testid: `${prefix}-name`, hint: 'channels.nameHint', attrs: { type: 'text', autocomplete: 'off', maxlength: NAME_MAX + 1 } });
  const topic = field({ name: 'topic', label: 'channels.topic', testid: `${prefix}-topic`, attrs: { type: 'text', autocomplete: 'off' } });
  const description = field({ name: 'description', label: 'channels.description', testid: `${prefix}-description`, control: 'textarea', attrs: { rows: 3 } });
  const privacy = h('input', { type: 'checkbox', testid: `${prefix}-private` });
  const privacyEl = withPrivacy
    ? h('label', { class: 'check channel-private-check' }, privacy, h('span', {}, h('strong', { i18n: 'channels.private' }), h('span', { class: 'muted field-hint', i18n: 'channels.privateHint' })))
    : null;
  const region = h('div', { class: 'alert', role: 'alert', testid: `${prefix}-error` });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: `${prefix}-submit`, i18n: submitKey });
  const form = h('form', { class: 'form', testid: `${prefix}-form`, novalidate: true }, region, name.el, topic.el, description.el, privacyEl, h('div', { class: 'form-actions' }, submit));
  const controller = new FormController(form, { region, submit, fields: { name, topic, description } });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    controller.run(async () => {
      const values = {
        name: name.input.value.trim(),
        topic: topic.input.value.trim(),
        description: description.input.value.trim(),
        isPrivate: privacy.checked,
      };
      const ok = controller.validate([
        [name, requiredText(values.name.replace(/^#/, '').trim(), NAME_MAX)],
        [topic, maxLength(values.topic, TOPIC_MAX)],
        [description, maxLength(values.description, DESCRIPTION_MAX)],
      ]);
      if (!ok) return;
      try {
        await onSubmit(values);
      } catch (err) {
        const nameError = err?.fieldErrors?.find((e) => e.field === 'name');
        if (nameError && /taken/.test(nameError.message ?? '')) {
          controller.setMessage(tx('error.validation'));
          name.setError(tx('channels.error.nameTaken'));
          name.input.focus();
          return;
        }
        if (PROBLEMS[err?.type]) {
          controller.setMessage(tx(PROBLEMS[err.type]));
          return;
        }
        throw err;
      }
    });
  });
  return { form, name, topic, description, privacy };
}

export function openCreateChannel(chat) {
  let dialog = null;
  const { form, name } = channelForm({
    prefix: 'channel-new',
    submitKey: 'channels.createSubmit',
    withPrivacy: true,
    onSubmit: async (values) => {
      const view = await api.createChannel(chat.workspaceId, values);
      dialog.close();
      open(chat, view);
    },
  });
  dialog = openDialog({ title: tx('channels.createTitle'), body: [form], testid: 'channel-new-dialog' });
  name.input.focus();
}

export function openBrowseChannels(chat, role) {
  const filter = h('input', { type: 'search', class: 'input', testid: 'channel-browse-filter' });
  bind(filter, { attrs: { placeholder: tx('channels.find'), 'aria-label': tx('channels.find') } });
  const list = h('ul', { class: 'channel-browse-list', testid: 'channel-browse-list', 'aria-busy': 'true' });
  const empty = h('p', { class: 'muted', testid: 'channel-browse-empty', i18n: 'channels.none', hidden: true });
  let channels = [];
  let dialog = null;

  function draw() {
    const query = filter.value.trim().toLocaleLowerCase();
    const shown = channels.filter((c) => !query || c.name.toLocaleLowerCase().includes(query) || (c.topic ?? '').toLocaleLowerCase().includes(query));
    empty.hidden = shown.length > 0;
    list.replaceChildren(
      ...shown.map((c) => {
        const action = c.joined
          ? h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'channel-browse-open', i18n: 'channels.open' })
          : h('button', { type: 'button', class: 'btn btn-primary btn-sm', testid: 'channel-browse-join', i18n: 'channels.join', disabled: Boolean(c.archivedAt) });
        action.addEventListener('click', () =>
          withBusy(action, async () => {
            try {
              const view = c.joined ? await api.getChannel(c.id) : await api.joinChannel(c.id);
              dialog.close();
              open(chat, view);
            } catch (err) {
              showError(err);
            }
          }),
        );
        const members = h('span', { class: 'muted channel-browse-count' });
        bind(members, { text: () => t('channels.memberCount', { count: c.memberCount }) });
        return h(
          'li',
          { class: 'channel-browse-item', testid: 'channel-browse-item', dataset: { channelId: c.id } },
          h(
            'div',
            { class: 'channel-browse-text' },
            h('span', { class: 'channel-browse-name', testid: 'channel-browse-name' }, h('span', { 'aria-hidden': 'true', text: '# ' }), c.name),
            c.archivedAt ? h('span', { class: 'badge', i18n: 'channels.archived' }) : null,
            c.topic ? h('span', { class: 'channel-browse-topic muted', text: c.topic }) : null,
            members,
          ),
          action,
        );
      }),
    );
  }

  filter.addEventListener('input', draw);
  const create = h('button', { type: 'button', class: 'btn btn-ghost', testid: 'channel-browse-create', i18n: 'channels.create', hidden: !canChannel(role, 'CREATE') });
  create.addEventListener('click', () => {
    dialog.close();
    openCreateChannel(chat);
  });
  dialog = openDialog({ title: tx('channels.browseTitle'), body: [filter, list, empty], actions: [create], testid: 'channel-browse-dialog' });
  filter.focus();
  api
    .browseChannels(chat.workspaceId)
    .then((found) => {
      channels = found;
      list.removeAttribute('aria-busy');
      draw();
    })
    .catch(showError);
}

/** A channel's settings: details, mute, archive, leave and members. */
export function openChannelSettings(chat, channelId, role) {
  const channel = chat.channels.get(channelId);
  if (!channel) return;
  let dialog = null;
  const sections = [];

  const editable = canChannel(role, 'EDIT') && !channel.archivedAt;
  // The version these settings were read at (If-Match): someone else's change since is not overwritten.
  let version = channel.version;
  const stale = h('p', { class: 'alert', role: 'alert', testid: 'channel-settings-stale', hidden: true });
  sections.push(stale);
  // Controls whose label follows the channel's state (archive / unarchive), drawn again with it.
  const followState = [];
  /** Someone else changed the settings meanwhile: nothing of mine was saved; show theirs and say so. */
  function showCurrent(current) {
    if (current) {
      Object.assign(channel, current);
      if (!current.archivedAt) channel.archivedAt = null;
      version = current.version;
      chat.emit({ type: 'channels' });
      chat.emit({ type: 'timeline', channelId });
    }
    fill();
    followState.forEach((el) => render(el));
    stale.replaceChildren(bind(h('span'), { text: tx('channels.staleReloaded') }));
    stale.hidden = false;
  }
  async function changed(request) {
    try {
      const view = await request();
      Object.assign(channel, view);
      if (!view.archivedAt) channel.archivedAt = null;
      version = view.version;
      stale.hidden = true;
      chat.emit({ type: 'channels' });
      return true;
    } catch (err) {
      if (err.type !== 'stale-version') throw err;
      showCurrent(err.problem?.current ?? (await api.getChannel(channelId).catch(() => null)));
      return false;
    }
  }
  const details = channelForm({
    prefix: 'channel-edit',
    submitKey: 'common.save',
    withPrivacy: false,
    onSubmit: async (values) => {
      const saved = await changed(() => api.updateChannel(channelId, { name: values.name, topic: values.topic, description: values.description }, version));
      if (saved) showToast(tx('channels.saved'));
    },
  });
  function fill() {
    details.name.input.value = channel.name ?? '';
    details.topic.input.value = channel.topic ?? '';
    details.description.input.value = channel.description ?? '';
  }
  fill();
  if (!editable) details.form.querySelectorAll('input, textarea, button').forEach((el) => (el.disabled = true));
  sections.push(details.form);

  const mute = h('input', { type: 'checkbox', testid: 'channel-mute', checked: Boolean(channel.muted) });
  mute.addEventListener('change', async () => {
    try {
      const view = await api.muteChannel(channelId, mute.checked);
      Object.assign(channel, view);
      chat.emit({ type: 'channels' });
    } catch (err) {
      mute.checked = !mute.checked;
      showError(err);
    }
  });
  sections.push(h('label', { class: 'check channel-mute-check' }, mute, h('span', {}, h('strong', { i18n: 'channels.mute' }), h('span', { class: 'muted field-hint', i18n: 'channels.muteHint' }))));

  // Members
  const membersHeading = h('h3', { class: 'channel-settings-heading', testid: 'channel-members-heading' });
  const memberList = h('ul', { class: 'channel-member-list', testid: 'channel-members' });
  const adder = h('select', { class: 'input select', testid: 'channel-add-member' });
  bind(adder, { attrs: { 'aria-label': tx('channels.addMember') } });
  const addButton = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'channel-add-member-submit', i18n: 'channels.add' });
  const addRow = h('div', { class: 'channel-add-row' }, adder, addButton);
  const mayInvite = !channel.general && canChannel(role, 'INVITE') && !channel.archivedAt;
  addRow.hidden = true;
  let memberIds = [];
  function drawMembers() {
    memberList.replaceChildren(
      ...memberIds.map((id) => {
        const remove = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'channel-remove-member', i18n: 'channels.remove' });
        remove.hidden = channel.general || id === chat.me() || !canChannel(role, 'REMOVE') || Boolean(channel.archivedAt);
        remove.addEventListener('click', () =>
          withBusy(remove, async () => {
            try {
              memberIds = (await api.removeChannelMember(channelId, id)).accountIds;
              drawMembers();
            } catch (err) {
              showError(err);
            }
          }),
        );
        return h('li', { class: 'channel-member', testid: 'channel-member', dataset: { accountId: id } }, h('span', { class: 'channel-member-name', text: chat.nameOf(id) ?? t('common.someone') }), remove);
      }),
    );
    const others = [...chat.members.values()].filter((m) => !memberIds.includes(m.accountId)).sort((a, b) => a.displayName.localeCompare(b.displayName));
    adder.replaceChildren(...others.map((m) => h('option', { value: m.accountId, text: m.displayName })));
    addRow.hidden = !mayInvite || others.length === 0;
    bind(membersHeading, { text: () => t('channels.members', { count: memberIds.length }) });
  }
  addButton.addEventListener('click', () =>
    withBusy(addButton, async () => {
      if (!adder.value) return;
      try {
        memberIds = (await api.addChannelMembers(channelId, [adder.value])).accountIds;
        drawMembers();
      } catch (err) {
        showError(err);
      }
    }),
  );
  sections.push(h('section', { class: 'channel-members-section' }, membersHeading, memberList, addRow));
  api
    .channelMembers(channelId)
    .then((found) => {
      memberIds = found.accountIds;
      drawMembers();
    })
    .catch(showError);

  if (canChannel(role, 'MANAGE_INCOMING_WEBHOOKS')) sections.push(incomingWebhooksSection(channelId));

  // Archive and leave
  const actions = [];
  if (!channel.general && canChannel(role, 'ARCHIVE')) {
    const archive = h('button', { type: 'button', class: 'btn btn-ghost', testid: 'channel-archive' });
    // The label reads the channel's state when drawn: after a stale answer it says what a click does now.
    bind(archive, { text: () => t(channel.archivedAt ? 'channels.unarchive' : 'channels.archive') });
    followState.push(archive);
    archive.addEventListener('click', () =>
      withBusy(archive, async () => {
        try {
          if (!(await changed(() => api.archiveChannel(channelId, !channel.archivedAt, version)))) return;
          chat.emit({ type: 'timeline', channelId });
          dialog.close();
        } catch (err) {
          showError(err);
        }
      }),
    );
    actions.push(archive);
  }
  if (!channel.general) {
    const leave = h('button', { type: 'button', class: 'btn btn-danger', testid: 'channel-leave', i18n: 'channels.leave' });
    leave.addEventListener('click', async () => {
      const ok = await confirmDialog({
        title: tx('channels.leaveTitle', { name: channel.name }),
        message: tx(channel.isPrivate ? 'channels.leavePrivate' : 'channels.leavePublic'),
        confirm: 'channels.leave',
        danger: true,
        action: () => api.leaveChannel(channelId),
        testid: 'channel-leave-confirm',
      });
      if (!ok) return;
      dialog.close();
      chat.forget(channelId);
      navigate(href('w', chat.workspaceId, 'chat'));
    });
    actions.push(leave);
  }
  dialog = openDialog({ title: () => `# ${channel.name}`, body: sections, actions, testid: 'channel-settings-dialog' });
}

/** What the chat panel shows for a workspace channel: a settings button and, when archived, a notice instead of the composer. */
export function workspaceChannelExtras(chat, channelId, composer, role) {
  const button = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'channel-settings', i18n: 'channels.settings' });
  button.addEventListener('click', () => openChannelSettings(chat, channelId, role()));
  const notice = h('p', { class: 'chat-archived-notice', role: 'status', testid: 'channel-archived-notice', i18n: 'channels.archivedNotice' });
  const topic = h('p', { class: 'chat-channel-topic muted', testid: 'channel-topic' });
  function update() {
    const channel = chat.channels.get(channelId);
    const named = channel?.kind === 'WORKSPACE';
    button.hidden = !named;
    notice.hidden = !named || !channel.archivedAt;
    composer.hidden = Boolean(named && channel.archivedAt);
    topic.hidden = !named || !channel.topic;
    topic.textContent = channel?.topic ?? '';
  }
  const off = chat.onChange((event) => event.type === 'channels' && update());
  update();
  return { button, notice, topic, cleanup: off };
}
