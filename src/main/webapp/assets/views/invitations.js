/**
 * My pending invitations (accept / decline) and the invite-link page
 * (#/join/{token}): nobody joins without pressing a button.
 */
import * as api from '../api.js';
import * as realtime from '../realtime.js';
import { bind, formatDateTime, formatRelative, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { describeError } from '../forms.js';
import { href, navigate } from '../router.js';
import { setPendingInvitations, upsertWorkspace, workspaceById } from '../workspaces.js';
import { showToast } from './common.js';
import { getMe } from '../store.js';
import { icon } from '../icons.js';
import { pageHeader, roleName, statusLine, toastError } from './ui.js';

function timeValue(iso) {
  return bind(h('time', { datetime: iso || null }), { text: () => formatRelative(iso), attrs: { title: () => formatDateTime(iso) } });
}

/** #/invitations */
export function renderMyInvitations(main) {
  const list = h('ul', { class: 'row-list invitation-list', testid: 'my-invitations', 'aria-labelledby': 'page-heading' });
  const status = statusLine('my-invitations-status');
  const header = pageHeader({ title: tx('invitations.title'), subtitle: tx('invitations.subtitle') });
  header.querySelector('h1').id = 'page-heading';
  main.append(header, h('div', { class: 'page-body' }, h('section', { class: 'panel' }, status.el, list)));

  function updateCount() {
    setPendingInvitations(list.querySelectorAll('[data-testid="my-invitation"]').length);
    // Invitations to an address wait until its owner has verified it (views/verify-email.js).
    status.set(list.children.length ? null : tx(getMe()?.emailVerified === false ? 'invitations.unverified' : 'invitations.empty'));
  }

  function row(invitation) {
    const accept = h('button', { type: 'button', class: 'btn btn-primary btn-sm', testid: 'invitation-accept', i18n: 'invitations.accept' });
    const decline = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'invitation-decline', i18n: 'invitations.decline' });
    bind(accept, { attrs: { 'aria-label': () => t('invitations.acceptLabel', { name: invitation.workspaceName }) } });
    bind(decline, { attrs: { 'aria-label': () => t('invitations.declineLabel', { name: invitation.workspaceName }) } });
    const detail = bind(h('span', { class: 'row-meta', testid: 'invitation-detail' }), {
      text: () =>
        invitation.invitedByName
          ? t('invitations.detailFrom', { role: roleName(invitation.role)(), name: invitation.invitedByName })
          : t('invitations.detail', { role: roleName(invitation.role)() }),
    });
    const item = h(
      'li',
      { class: 'row', testid: 'my-invitation', dataset: { invitationId: invitation.id, workspaceId: invitation.workspaceId } },
      h('span', { class: 'row-icon', 'aria-hidden': 'true' }, icon('mail')),
      h('div', { class: 'row-main' }, h('span', { class: 'row-title', testid: 'invitation-workspace', text: invitation.workspaceName }), h('span', { class: 'row-meta' }, detail, ' · ', timeValue(invitation.invitedAt))),
      h('div', { class: 'row-actions' }, decline, accept),
    );
    accept.addEventListener('click', () =>
      withBusy(accept, async () => {
        try {
          const wasMember = workspaceById(invitation.workspaceId) != null;
          const workspace = await api.acceptInvitation(invitation.id);
          upsertWorkspace(workspace);
          item.remove();
          updateCount();
          showToast(() => t(wasMember ? 'invitations.alreadyMember' : 'invitations.accepted', { name: workspace.name }));
          navigate(href('w', workspace.id, 'boards'));
        } catch (err) {
          toastError(err);
          if (err.type === 'invitation-not-pending' || err.status === 404) {
            item.remove();
            updateCount();
          }
        }
      }),
    );
    decline.addEventListener('click', () =>
      withBusy(decline, async () => {
        try {
          await api.declineInvitation(invitation.id);
          showToast(() => t('invitations.declined', { name: invitation.workspaceName }));
        } catch (err) {
          toastError(err);
          if (err.type !== 'invitation-not-pending' && err.status !== 404) return;
        }
        const next = item.nextElementSibling ?? item.previousElementSibling;
        item.remove();
        updateCount();
        (next?.querySelector('button') ?? main.querySelector('h1'))?.focus();
      }),
    );
    return item;
  }

  let alive = true;
  async function load() {
    status.set(tx('common.loading'));
    list.setAttribute('aria-busy', 'true');
    try {
      const invitations = await api.myInvitations();
      if (!alive) return;
      list.replaceChildren(...invitations.map(row));
      updateCount();
    } catch (err) {
      if (!alive || err.sessionEnded) return;
      status.set(describeError(err), { variant: 'error', retry: load });
    } finally {
      list.removeAttribute('aria-busy');
    }
  }
  load();
  // A new invitation shows up while the page is open.
  const off = realtime.on('notification', (frame) => {
    if (frame.notification?.kind === 'invitation.received') load();
  });
  return () => {
    alive = false;
    off();
  };
}

/**
 * #/join/{token}: an invite link opened by someone signed in. It names the workspace and who
 * made the link before anyone presses a button; someone in the workspace already is told so and
 * taken there.
 */
export function renderJoin(main, { params }) {
  const token = params.token;
  const region = h('div', { class: 'alert', role: 'alert', testid: 'join-error' });
  const about = h('div', { class: 'join-about', testid: 'join-about', hidden: true });
  const join = h('button', { type: 'button', class: 'btn btn-primary', testid: 'join-submit', i18n: 'join.submit' });
  const later = h('a', { class: 'btn btn-secondary', href: '#/', i18n: 'join.notNow' });
  main.append(
    pageHeader({ title: tx('join.title'), subtitle: tx('join.subtitle') }),
    h('div', { class: 'page-body' }, h('section', { class: 'panel', testid: 'join-panel' }, about, region, h('div', { class: 'form-actions form-actions-start' }, join, later))),
  );
  let alive = true;

  function enter(workspace, message) {
    upsertWorkspace(workspace);
    showToast(message);
    navigate(href('w', workspace.id, 'boards'), { replace: true });
  }

  function show(preview) {
    const avatar = h('span', { class: 'ws-avatar ws-avatar-lg join-avatar', 'aria-hidden': 'true', text: preview.workspaceAvatar || Array.from(preview.workspaceName || '?')[0] });
    const name = h('strong', { class: 'join-workspace', testid: 'join-workspace', text: preview.workspaceName });
    const from = bind(h('p', { class: 'join-from', testid: 'join-inviter' }), {
      text: () =>
        preview.invitedByName
          ? t('join.invitedBy', { name: preview.invitedByName, role: roleName(preview.role)() })
          : t('join.invitedAs', { role: roleName(preview.role)() }),
    });
    about.replaceChildren(h('div', { class: 'join-head' }, avatar, h('div', {}, name, from)));
    about.hidden = false;
  }

  async function look() {
    join.disabled = true;
    try {
      const preview = await api.previewInviteLink(token);
      if (!alive) return;
      show(preview);
      if (preview.alreadyMember) {
        const workspace = await api.getWorkspace(preview.workspaceId);
        if (!alive) return;
        enter(workspace, () => t('join.alreadyMember', { name: preview.workspaceName }));
        return;
      }
      join.disabled = false;
    } catch (err) {
      if (!alive || err.sessionEnded) return;
      bind(region, { text: err.status === 404 ? tx('join.gone') : describeError(err) });
    }
  }

  join.addEventListener('click', () =>
    withBusy(join, async () => {
      bind(region, { text: () => '' });
      try {
        const workspace = await api.redeemInviteLink(token);
        enter(workspace, () => t('join.joined', { name: workspace.name }));
      } catch (err) {
        if (err.sessionEnded) return;
        bind(region, { text: err.status === 404 ? tx('join.gone') : describeError(err) });
      }
    }),
  );
  look();
  return () => {
    alive = false;
  };
}
