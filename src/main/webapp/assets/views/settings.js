/**
 * Workspace settings: name, description and avatar (If-Match on the version
 * read, so a concurrent change is never overwritten silently), transferring
 * ownership, leaving, and deleting (owners; restorable for 30 days).
 * Sections the caller's role cannot use are not shown at all.
 */
import * as api from '../api.js';
import { bind, t, tx } from '../i18n.js';
import { h } from '../dom.js';
import { FormController, describeError } from '../forms.js';
import { navigate } from '../router.js';
import { getMe } from '../store.js';
import { can, forgetWorkspace, subscribeWorkspaces, upsertWorkspace } from '../workspaces.js';
import { showToast } from './common.js';
import { confirmDialog, pageHeader, roleName, statusLine, workspaceAvatar } from './ui.js';
import { checkWorkspaceFields, workspaceFields } from './workspaces-page.js';
import { botsPanel } from './tokens.js';
import { commandsPanel } from './commands.js';
import { keywordBotPanel } from './keyword-bot.js';

function section(id, titleKey, descriptionKey, ...children) {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': id, testid: id },
    h('header', { class: 'panel-header' }, h('h2', { class: 'panel-title', id, i18n: titleKey }), descriptionKey ? h('p', { class: 'panel-description', i18n: descriptionKey }) : null),
    ...children,
  );
}

/** #/w/{ws}/settings */
export function renderSettings(main, ctx) {
  const workspaceId = ctx.workspaceId;
  const body = h('div', { class: 'page-body' });
  main.append(pageHeader({ title: tx('settings.title'), subtitle: () => ctx.workspace()?.name ?? '' }), body);

  let role = ctx.workspace()?.myRole;
  /** The name as it is now (it may have been renamed since the page was built). */
  const currentName = () => ctx.workspace()?.name ?? '';
  let alive = true;

  function build() {
    const workspace = ctx.workspace();
    role = workspace.myRole;
    body.replaceChildren(generalSection(workspace));
    if (can(role, 'MANAGE_BOTS')) body.append(botsPanel(workspaceId));
    if (can(role, 'CREATE_COMMAND')) body.append(commandsPanel(workspaceId));
    if (can(role, 'MANAGE_KEYWORD_BOT')) body.append(keywordBotPanel(workspaceId));
    if (can(role, 'TRANSFER_OWNERSHIP')) body.append(transferSection());
    body.append(leaveSection(workspace));
    if (can(role, 'DELETE_WORKSPACE')) body.append(deleteSection(workspace));
  }

  // ---------------------------------------------------------------- general
  function generalSection(workspace) {
    if (!can(workspace.myRole, 'UPDATE_WORKSPACE')) {
      return section(
        'settings-general',
        'settings.general',
        'settings.readOnly',
        h(
          'dl',
          { class: 'facts' },
          h('div', {}, h('dt', { i18n: 'workspace.name' }), h('dd', { text: workspace.name })),
          h('div', {}, h('dt', { i18n: 'workspace.avatar' }), h('dd', {}, workspaceAvatar(workspace))),
          workspace.description ? h('div', {}, h('dt', { i18n: 'workspace.description' }), h('dd', { class: 'prewrap', text: workspace.description })) : null,
        ),
      );
    }
    const fields = workspaceFields('settings');
    const region = h('div', { class: 'alert', role: 'alert', testid: 'settings-error' });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'settings-save', i18n: 'settings.save' });
    const form = h('form', { class: 'form', testid: 'settings-form', novalidate: true }, region, fields.name.el, fields.description.el, fields.avatar.el, h('div', { class: 'form-actions' }, submit));
    const controller = new FormController(form, { region, submit, fields });
    let version = workspace.version;

    function fill(view) {
      fields.name.input.value = view.name ?? '';
      fields.description.input.value = view.description ?? '';
      fields.avatar.input.value = view.avatar ?? '';
      version = view.version;
    }
    fill(workspace);
    // The list may be older than the workspace: start from its current version.
    api.getWorkspace(workspaceId).then(
      (fresh) => {
        if (!alive) return;
        upsertWorkspace(fresh);
        if (fresh.version !== version) fill(fresh);
      },
      () => {},
    );

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      controller.run(async () => {
        if (!checkWorkspaceFields(controller, fields)) return;
        try {
          const updated = await api.updateWorkspace(
            workspaceId,
            {
              name: fields.name.input.value.trim(),
              description: fields.description.input.value.trim(),
              avatar: fields.avatar.input.value.trim(),
            },
            version,
          );
          fill(updated);
          upsertWorkspace(updated);
          showToast(tx('settings.saved'));
        } catch (err) {
          if (err.type !== 'stale-version' && err.type !== 'conflict') throw err;
          // Someone saved in between: show what is current now, keep nothing silently.
          const current = await api.getWorkspace(workspaceId);
          fill(current);
          upsertWorkspace(current);
          controller.setMessage(tx('settings.staleReloaded'));
        }
      });
    });
    return section('settings-general', 'settings.general', null, form);
  }

  // --------------------------------------------------------------- transfer
  function transferSection() {
    const select = h('select', { class: 'input select', id: 'transfer-member', testid: 'transfer-member' });
    const submit = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'transfer-submit', i18n: 'settings.transferSubmit', disabled: true });
    const status = statusLine('transfer-status');
    const me = getMe();
    let others = [];
    api.listMembers(workspaceId).then(
      (members) => {
        if (!alive) return;
        others = members.filter((m) => m.accountId !== me?.id);
        select.replaceChildren(
          bind(h('option', { value: '' }), { text: tx('settings.transferChoose') }),
          ...others.map((m) => h('option', { value: m.accountId, text: `${m.displayName} (${m.email})` })),
        );
        submit.disabled = others.length === 0;
        if (!others.length) status.set(tx('settings.transferNobody'));
      },
      (err) => {
        if (alive && !err.sessionEnded) status.set(describeError(err), { variant: 'error' });
      },
    );
    submit.addEventListener('click', async () => {
      const accountId = select.value;
      if (!accountId) {
        select.focus();
        status.set(tx('settings.transferChoose'), { variant: 'error' });
        return;
      }
      status.set(null);
      const name = others.find((m) => m.accountId === accountId)?.displayName ?? '';
      await confirmDialog({
        title: tx('settings.transferTitle'),
        message: () => t('settings.transferConfirm', { name }),
        confirm: 'settings.transferSubmit',
        danger: true,
        testid: 'transfer-confirm',
        action: async () => {
          const view = await api.transferOwnership(workspaceId, accountId);
          upsertWorkspace(view);
          showToast(() => t('settings.transferred', { name }));
        },
      });
    });
    return section(
      'settings-transfer',
      'settings.transfer',
      'settings.transferDescription',
      h('div', { class: 'inline-form' }, h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'transfer-member', i18n: 'settings.transferTo' }), select), submit),
      status.el,
    );
  }

  // ------------------------------------------------------------------ leave
  function leaveSection(workspace) {
    const leave = h('button', { type: 'button', class: 'btn btn-danger-ghost', testid: 'leave-workspace', i18n: 'settings.leave' });
    leave.addEventListener('click', async () => {
      const left = await confirmDialog({
        title: tx('settings.leaveTitle'),
        message: () => t('settings.leaveConfirm', { name: currentName() }),
        confirm: 'settings.leave',
        danger: true,
        testid: 'leave-confirm',
        action: () => api.leaveWorkspace(workspaceId),
      });
      if (!left) return;
      const name = currentName();
      forgetWorkspace(workspaceId);
      showToast(() => t('settings.left', { name }));
      navigate('#/workspaces');
    });
    const youAre = bind(h('p', { class: 'panel-description' }), { text: () => t('settings.yourRole', { role: roleName(workspace.myRole)() }) });
    return section('settings-leave', 'settings.leaveSection', null, youAre, h('div', {}, leave));
  }

  // ----------------------------------------------------------------- delete
  function deleteSection(workspace) {
    const remove = h('button', { type: 'button', class: 'btn btn-danger', testid: 'delete-workspace', i18n: 'settings.delete' });
    remove.addEventListener('click', async () => {
      const deleted = await confirmDialog({
        title: tx('settings.deleteTitle'),
        message: () => t('settings.deleteConfirm', { name: currentName() }),
        confirm: 'settings.delete',
        danger: true,
        testid: 'delete-confirm',
        action: () => api.deleteWorkspace(workspaceId),
      });
      if (!deleted) return;
      const name = currentName();
      forgetWorkspace(workspaceId);
      showToast(() => t('settings.deleted', { name }));
      navigate('#/workspaces');
    });
    return h(
      'section',
      { class: 'panel panel-danger', 'aria-labelledby': 'settings-delete-title', testid: 'settings-delete' },
      h('header', { class: 'panel-header' }, h('h2', { class: 'panel-title', id: 'settings-delete-title', i18n: 'settings.deleteSection' }), h('p', { class: 'panel-description', i18n: 'settings.deleteDescription' })),
      h('div', {}, remove),
    );
  }

  build();
  // A role change (a transfer, or someone else's change seen on reload) rebuilds the page.
  const unsubscribe = subscribeWorkspaces(() => {
    const workspace = ctx.workspace();
    if (alive && workspace && workspace.myRole !== role) build();
  });

  return () => {
    alive = false;
    unsubscribe();
  };
}
