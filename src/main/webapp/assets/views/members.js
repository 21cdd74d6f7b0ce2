/**
 * Members and invitations of one workspace: the member directory (change a
 * role, remove someone), invitations by email (invite, revoke pending ones)
 * and invite links (create, copy, revoke). What the caller's role cannot do
 * is not offered; the server decides anyway (docs/permissions.md).
 */
import * as api from '../api.js';
import { bind, formatDate, formatDateTime, formatRelative, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { FormController, describeError, field, validEmail } from '../forms.js';
import { getMe } from '../store.js';
import { INVITABLE_ROLES, ROLES, can, forgetWorkspace, subscribeWorkspaces, upsertWorkspace } from '../workspaces.js';
import { href, navigate } from '../router.js';
import { currentChat } from '../chat/chat-store.js';
import { showToast } from './common.js';
import { icon } from '../icons.js';
import { confirmDialog, copyText, pageHeader, personAvatar, roleBadge, roleName, statusLine, toastError } from './ui.js';

function panel(id, titleKey, descriptionKey, ...children) {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': id, testid: id },
    h('header', { class: 'panel-header' }, h('h2', { class: 'panel-title', id, i18n: titleKey }), descriptionKey ? h('p', { class: 'panel-description', i18n: descriptionKey }) : null),
    ...children,
  );
}

function roleOptions(roles) {
  return roles.map((role) => ({ value: role, label: `role.${role}` }));
}

/** The URL someone opens to redeem an invite link (this app, #/join/{token}). */
export function inviteLinkUrl(token) {
  const url = new URL(location.href);
  url.hash = `#/join/${encodeURIComponent(token)}`;
  return url.toString();
}

/** #/w/{ws}/members */
export function renderMembers(main, ctx) {
  const workspaceId = ctx.workspaceId;
  const body = h('div', { class: 'page-body' });
  main.append(pageHeader({ title: tx('members.title'), subtitle: () => ctx.workspace()?.name ?? '' }), body);
  let alive = true;
  let role = null;

  function build() {
    role = ctx.workspace().myRole;
    body.replaceChildren();
    if (!can(role, 'LIST_MEMBERS')) {
      body.append(h('p', { class: 'empty-state', testid: 'members-guest', i18n: 'members.guestNote' }));
      return;
    }
    body.append(membersPanel());
    if (can(role, 'INVITE_BY_EMAIL') || can(role, 'LIST_INVITATIONS')) body.append(invitationsPanel());
    if (can(role, 'LIST_INVITE_LINKS')) body.append(linksPanel());
  }

  // ---------------------------------------------------------------- members
  function membersPanel() {
    const list = h('ul', { class: 'row-list', testid: 'member-list', 'aria-labelledby': 'members-panel' });
    const status = statusLine('members-status');
    const me = getMe();

    function row(member) {
      const isMe = member.accountId === me?.id;
      const ownerRow = member.role === 'OWNER';
      // Owners touch owners; managers manage everyone else.
      const mayChange = !isMe && can(role, 'CHANGE_MEMBER_ROLE') && (!ownerRow || can(role, 'MANAGE_OWNERS'));
      const mayRemove = !isMe && can(role, 'REMOVE_MEMBER') && (!ownerRow || can(role, 'MANAGE_OWNERS'));
      const name = h('span', { class: 'row-title', testid: 'member-name', text: member.displayName });
      const meta = h('span', { class: 'row-meta', text: member.email });
      const joined = bind(h('span', { class: 'row-meta' }), { text: () => t('members.joined', { date: formatDate(member.joinedAt) }) });
      const actions = h('div', { class: 'row-actions' });
      const item = h(
        'li',
        { class: 'row', testid: 'member-row', dataset: { accountId: member.accountId, role: member.role } },
        personAvatar(member.displayName),
        h('div', { class: 'row-main' }, h('span', { class: 'row-heading' }, name, isMe ? h('span', { class: 'badge', i18n: 'members.you' }) : null), meta, joined),
        actions,
      );

      if (mayChange) {
        const selectId = `role-${member.accountId}`;
        const choices = can(role, 'MANAGE_OWNERS') ? ROLES : INVITABLE_ROLES;
        const select = h(
          'select',
          { class: 'input select input-sm', id: selectId, testid: 'member-role', value: member.role },
          choices.map((r) => h('option', { value: r, i18n: `role.${r}` })),
        );
        bind(select, { attrs: { 'aria-label': () => t('members.roleOf', { name: member.displayName }) } });
        select.addEventListener('change', async () => {
          const previous = member.role;
          const next = select.value;
          select.disabled = true;
          try {
            const updated = await api.changeMemberRole(workspaceId, member.accountId, next);
            member.role = updated.role;
            item.dataset.role = updated.role;
            showToast(() => t('members.roleChanged', { name: member.displayName, role: roleName(updated.role)() }));
          } catch (err) {
            select.value = previous;
            toastError(err);
          } finally {
            select.disabled = false;
          }
        });
        actions.append(select);
      } else {
        actions.append(roleBadge(member.role));
      }

      if (!isMe && can(role, 'START_DIRECT')) {
        const message = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'member-message', i18n: 'chat.messageMember' });
        bind(message, { attrs: { 'aria-label': () => t('chat.messageMemberLabel', { name: member.displayName }) } });
        message.addEventListener('click', () =>
          withBusy(message, async () => {
            try {
              const channel = await api.openDirectChannel(workspaceId, [member.accountId]);
              currentChat()?.adopt(channel);
              navigate(href('w', workspaceId, 'chat', channel.id));
            } catch (err) {
              toastError(err);
            }
          }),
        );
        actions.prepend(message);
      }

      if (mayRemove) {
        const remove = h('button', { type: 'button', class: 'btn btn-danger-ghost btn-sm', testid: 'member-remove', i18n: 'members.remove' });
        bind(remove, { attrs: { 'aria-label': () => t('members.removeLabel', { name: member.displayName }) } });
        remove.addEventListener('click', async () => {
          const removed = await confirmDialog({
            title: tx('members.removeTitle'),
            message: () => t('members.removeConfirm', { name: member.displayName }),
            confirm: 'members.remove',
            danger: true,
            testid: 'remove-confirm',
            action: () => api.removeMember(workspaceId, member.accountId),
          });
          if (!removed) return;
          const next = item.nextElementSibling ?? item.previousElementSibling;
          item.remove();
          showToast(() => t('members.removed', { name: member.displayName }));
          (next?.querySelector('select, button') ?? list)?.focus?.();
        });
        actions.append(remove);
      }
      if (isMe) {
        const leave = h('button', { type: 'button', class: 'btn btn-danger-ghost btn-sm', testid: 'member-leave', i18n: 'settings.leave' });
        leave.addEventListener('click', async () => {
          const name = ctx.workspace()?.name ?? '';
          const left = await confirmDialog({
            title: tx('settings.leaveTitle'),
            message: () => t('settings.leaveConfirm', { name }),
            confirm: 'settings.leave',
            danger: true,
            testid: 'leave-confirm',
            action: () => api.leaveWorkspace(workspaceId),
          });
          if (!left) return;
          forgetWorkspace(workspaceId);
          showToast(() => t('settings.left', { name }));
          navigate('#/workspaces');
        });
        actions.append(leave);
      }
      return item;
    }

    async function load() {
      status.set(tx('common.loading'));
      list.setAttribute('aria-busy', 'true');
      try {
        const members = await api.listMembers(workspaceId);
        if (!alive) return;
        const order = (m) => ROLES.indexOf(m.role);
        members.sort((a, b) => order(a) - order(b) || a.displayName.localeCompare(b.displayName));
        list.replaceChildren(...members.map(row));
        status.set(null);
      } catch (err) {
        if (!alive || err.sessionEnded) return;
        status.set(describeError(err), { variant: 'error', retry: load });
      } finally {
        list.removeAttribute('aria-busy');
      }
    }
    load();
    return panel('members-panel', 'members.directory', null, status.el, list);
  }

  // ------------------------------------------------------------ invitations
  function invitationsPanel() {
    const list = h('ul', { class: 'row-list', testid: 'invitation-list' });
    const status = statusLine('invitations-status');
    const children = [];

    function row(invitation) {
      const pending = invitation.status === 'PENDING';
      const statusBadge = h('span', { class: `badge badge-status badge-${invitation.status.toLowerCase()}`, testid: 'invitation-status', i18n: `invitation.status.${invitation.status}` });
      const when = bind(h('time', { class: 'row-meta', datetime: invitation.answeredAt ?? invitation.invitedAt }), {
        text: () => formatRelative(invitation.answeredAt ?? invitation.invitedAt),
        attrs: { title: () => formatDateTime(invitation.answeredAt ?? invitation.invitedAt) },
      });
      const role = bind(h('span', { class: 'row-meta' }), { text: roleName(invitation.role) });
      const actions = h('div', { class: 'row-actions' }, statusBadge);
      const item = h(
        'li',
        { class: 'row', testid: 'invitation-row', dataset: { invitationId: invitation.id, status: invitation.status } },
        h('span', { class: 'row-icon', 'aria-hidden': 'true' }, icon('mail')),
        h('div', { class: 'row-main' }, h('span', { class: 'row-title', testid: 'invitation-email', text: invitation.email }), h('span', { class: 'row-meta' }, role, ' · ', when)),
        actions,
      );
      if (pending && can(ctx.workspace().myRole, 'REVOKE_INVITATION')) {
        const revoke = h('button', { type: 'button', class: 'btn btn-danger-ghost btn-sm', testid: 'invitation-revoke', i18n: 'invitation.revoke' });
        bind(revoke, { attrs: { 'aria-label': () => t('invitation.revokeLabel', { email: invitation.email }) } });
        revoke.addEventListener('click', () =>
          withBusy(revoke, async () => {
            try {
              const updated = await api.revokeInvitation(workspaceId, invitation.id);
              item.replaceWith(row(updated));
              showToast(() => t('invitation.revoked', { email: invitation.email }));
            } catch (err) {
              toastError(err);
            }
          }),
        );
        actions.append(revoke);
      }
      return item;
    }

    /** Pending first (newest first), then answered ones (most recent answer first). */
    function sortInvitations(invitations) {
      const time = (i) => Date.parse(i.answeredAt ?? i.invitedAt) || 0;
      return [...invitations].sort((a, b) => Number(b.status === 'PENDING') - Number(a.status === 'PENDING') || time(b) - time(a));
    }

    function upsertRow(invitation) {
      const existing = list.querySelector(`[data-invitation-id="${CSS.escape(invitation.id)}"]`);
      if (existing) existing.replaceWith(row(invitation));
      else list.prepend(row(invitation));
      status.set(null);
    }

    if (can(role, 'INVITE_BY_EMAIL')) {
      const email = field({ name: 'email', label: 'field.email', testid: 'invite-email', attrs: { type: 'email', autocomplete: 'off', inputmode: 'email', spellcheck: 'false', autocapitalize: 'none' } });
      const inviteRole = field({ name: 'role', label: 'members.role', testid: 'invite-role', control: 'select', options: roleOptions(INVITABLE_ROLES) });
      inviteRole.input.value = 'MEMBER';
      const region = h('div', { class: 'alert', role: 'alert', testid: 'invite-error' });
      const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'invite-submit', i18n: 'members.inviteSubmit' });
      const form = h('form', { class: 'form', testid: 'invite-form', novalidate: true }, region, h('div', { class: 'form-row' }, email.el, inviteRole.el, h('div', { class: 'form-row-action' }, submit)));
      const controller = new FormController(form, { region, submit, fields: { email, role: inviteRole } });
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        controller.run(async () => {
          const value = email.input.value.trim();
          if (!controller.validate([[email, validEmail(value)]])) return;
          const invitation = await api.inviteByEmail(workspaceId, value, inviteRole.input.value);
          upsertRow(invitation);
          email.input.value = '';
          email.input.focus();
          showToast(() => t('members.invited', { email: invitation.email }));
        });
      });
      children.push(form);
    }

    if (can(role, 'LIST_INVITATIONS')) {
      children.push(h('h3', { class: 'panel-subtitle', i18n: 'members.sentInvitations' }), status.el, list);
      (async function load() {
        status.set(tx('common.loading'));
        try {
          const invitations = await api.listWorkspaceInvitations(workspaceId);
          if (!alive) return;
          list.replaceChildren(...sortInvitations(invitations).map(row));
          status.set(invitations.length ? null : tx('members.noInvitations'));
        } catch (err) {
          if (!alive || err.sessionEnded) return;
          status.set(describeError(err), { variant: 'error', retry: load });
        }
      })();
    }
    return panel('invitations-panel', 'members.invitations', 'members.invitationsDescription', ...children);
  }

  // ----------------------------------------------------------- invite links
  function linksPanel() {
    const list = h('ul', { class: 'row-list', testid: 'invite-link-list' });
    const status = statusLine('invite-links-status');
    const children = [];

    function linkState(link) {
      if (link.revokedAt) return 'REVOKED';
      if (Date.parse(link.expiresAt) <= Date.now()) return 'EXPIRED';
      if (link.maxUses != null && link.uses >= link.maxUses) return 'EXHAUSTED';
      return 'ACTIVE';
    }

    function row(link) {
      const state = linkState(link);
      const url = inviteLinkUrl(link.token);
      const urlInput = h('input', { class: 'input input-sm input-mono', readonly: true, value: url, testid: 'invite-link-url', tabindex: '-1' });
      bind(urlInput, { attrs: { 'aria-label': () => t('links.urlLabel', { role: roleName(link.role)() }) } });
      const uses = bind(h('span', { class: 'row-meta', testid: 'invite-link-uses' }), {
        text: () => (link.maxUses == null ? t('links.usesUnlimited', { count: link.uses }) : t('links.uses', { uses: link.uses, max: link.maxUses })),
      });
      const expires = bind(h('span', { class: 'row-meta' }), { text: () => t('links.expires', { date: formatDateTime(link.expiresAt) }) });
      const actions = h('div', { class: 'row-actions' }, h('span', { class: `badge badge-status badge-${state.toLowerCase()}`, testid: 'invite-link-state', i18n: `links.state.${state}` }));
      const item = h(
        'li',
        { class: 'row row-wrap', testid: 'invite-link-row', dataset: { linkId: link.id, state } },
        h('span', { class: 'row-icon', 'aria-hidden': 'true' }, icon('link')),
        h('div', { class: 'row-main' }, h('span', { class: 'row-title' }, roleBadge(link.role)), h('span', { class: 'row-meta' }, expires, ' · ', uses), state === 'ACTIVE' ? urlInput : null),
        actions,
      );
      if (state === 'ACTIVE') {
        const copy = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'invite-link-copy', i18n: 'links.copy' });
        copy.addEventListener('click', async () => {
          const copied = await copyText(url, urlInput);
          showToast(copied ? tx('links.copied') : tx('links.copyManually'), { variant: copied ? 'success' : 'error' });
        });
        actions.append(copy);
        if (can(ctx.workspace().myRole, 'REVOKE_INVITE_LINK')) {
          const revoke = h('button', { type: 'button', class: 'btn btn-danger-ghost btn-sm', testid: 'invite-link-revoke', i18n: 'links.revoke' });
          revoke.addEventListener('click', async () => {
            let updated = null;
            const done = await confirmDialog({
              title: tx('links.revokeTitle'),
              message: tx('links.revokeConfirm'),
              confirm: 'links.revoke',
              danger: true,
              testid: 'revoke-link-confirm',
              action: async () => {
                updated = await api.revokeInviteLink(workspaceId, link.id);
              },
            });
            if (!done) return;
            item.replaceWith(row(updated));
            showToast(tx('links.revoked'));
          });
          actions.append(revoke);
        }
      }
      return item;
    }

    if (can(role, 'CREATE_INVITE_LINK')) {
      const linkRole = field({ name: 'role', label: 'members.role', testid: 'link-role', control: 'select', options: roleOptions(INVITABLE_ROLES) });
      linkRole.input.value = 'MEMBER';
      const days = field({ name: 'expiresInDays', label: 'links.expiresIn', testid: 'link-days', hint: 'links.expiresInHint', attrs: { type: 'number', min: 1, max: 30, value: 7, inputmode: 'numeric' } });
      const maxUses = field({ name: 'maxUses', label: 'links.maxUses', testid: 'link-max-uses', hint: 'links.maxUsesHint', attrs: { type: 'number', min: 1, max: 100000, inputmode: 'numeric' } });
      const region = h('div', { class: 'alert', role: 'alert', testid: 'link-error' });
      const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'link-submit', i18n: 'links.create' });
      const form = h('form', { class: 'form', testid: 'link-form', novalidate: true }, region, h('div', { class: 'form-row' }, linkRole.el, days.el, maxUses.el, h('div', { class: 'form-row-action' }, submit)));
      const controller = new FormController(form, { region, submit, fields: { role: linkRole, expiresInDays: days, maxUses } });
      const wholeIn = (value, min, max) => /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max;
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        controller.run(async () => {
          const d = days.input.value.trim();
          const m = maxUses.input.value.trim();
          const ok = controller.validate([
            [days, wholeIn(d, 1, 30) ? null : tx('validation.range', { min: 1, max: 30 })],
            [maxUses, !m || wholeIn(m, 1, 100000) ? null : tx('validation.range', { min: 1, max: 100000 })],
          ]);
          if (!ok) return;
          const link = await api.createInviteLink(workspaceId, { role: linkRole.input.value, expiresInDays: Number(d), maxUses: m ? Number(m) : null });
          list.prepend(row(link));
          status.set(null);
          showToast(tx('links.created'));
          list.querySelector('[data-testid="invite-link-copy"]')?.focus();
        });
      });
      children.push(form);
    }
    children.push(h('h3', { class: 'panel-subtitle', i18n: 'links.existing' }), status.el, list);
    (async function load() {
      status.set(tx('common.loading'));
      try {
        const links = await api.listInviteLinks(workspaceId);
        if (!alive) return;
        links.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
        list.replaceChildren(...links.map(row));
        status.set(links.length ? null : tx('links.none'));
      } catch (err) {
        if (!alive || err.sessionEnded) return;
        status.set(describeError(err), { variant: 'error', retry: load });
      }
    })();
    return panel('links-panel', 'links.title', 'links.description', ...children);
  }

  build();
  // Fresh role from the server (someone may have changed it since the list was loaded).
  api.getWorkspace(workspaceId).then(
    (fresh) => alive && upsertWorkspace(fresh),
    () => {},
  );
  const unsubscribe = subscribeWorkspaces(() => {
    const workspace = ctx.workspace();
    if (alive && workspace && workspace.myRole !== role) build();
  });
  return () => {
    alive = false;
    unsubscribe();
  };
}
