/**
 * "Workspaces": every workspace of mine as cards, the deleted ones I own that
 * can still be restored, and the "Create workspace" page.
 */
import * as api from '../api.js';
import { bind, formatDate, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { FormController, field, maxLength, requiredText } from '../forms.js';
import { href, navigate } from '../router.js';
import { subscribeWorkspaces, upsertWorkspace } from '../workspaces.js';
import { showToast } from './common.js';
import { pageHeader, roleBadge, statusLine, toastError, workspaceAvatar } from './ui.js';

export const NAME_MAX = 80;
export const DESCRIPTION_MAX = 2000;
export const AVATAR_MAX = 64;

/** Client-side check of an avatar (the server's rule: URL-safe ASCII or any non-ASCII symbol). */
export function validAvatar(value) {
  const avatar = value.trim();
  if (!avatar) return null;
  if (maxLength(avatar, AVATAR_MAX)) return maxLength(avatar, AVATAR_MAX);
  const ok = Array.from(avatar).every((ch) => (ch.codePointAt(0) < 128 ? /[A-Za-z0-9._~-]/.test(ch) : !/\s/u.test(ch)));
  return ok ? null : tx('validation.avatar');
}

/** Name, description and avatar fields, shared by "create" and the settings page. */
export function workspaceFields(prefix) {
  const name = field({ name: 'name', label: 'workspace.name', testid: `${prefix}-name`, attrs: { type: 'text', maxlength: 200, autocomplete: 'off', required: true } });
  const description = field({
    name: 'description',
    label: 'workspace.description',
    testid: `${prefix}-description`,
    control: 'textarea',
    hint: 'workspace.descriptionHint',
    attrs: { rows: 3 },
  });
  const avatar = field({ name: 'avatar', label: 'workspace.avatar', testid: `${prefix}-avatar`, hint: 'workspace.avatarHint', attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false' } });
  return { name, description, avatar };
}

export function checkWorkspaceFields(controller, fields) {
  return controller.validate([
    [fields.name, requiredText(fields.name.input.value, NAME_MAX)],
    [fields.description, maxLength(fields.description.input.value, DESCRIPTION_MAX)],
    [fields.avatar, validAvatar(fields.avatar.input.value)],
  ]);
}

function workspaceCard(workspace) {
  const description = workspace.description ? h('p', { class: 'ws-card-description', text: workspace.description }) : null;
  return h(
    'li',
    { class: 'ws-card', testid: 'workspace-card', dataset: { workspaceId: workspace.id } },
    h(
      'a',
      { class: 'ws-card-link', href: href('w', workspace.id, 'boards') },
      workspaceAvatar(workspace, 'ws-avatar-lg'),
      h('span', { class: 'ws-card-text' }, h('span', { class: 'ws-card-name', text: workspace.name }), description),
    ),
    h('div', { class: 'ws-card-meta' }, roleBadge(workspace.myRole)),
  );
}

/** #/workspaces */
export function renderWorkspaces(main) {
  const create = h('a', { class: 'btn btn-primary', href: '#/workspaces/new', testid: 'workspaces-create', i18n: 'workspaces.create' });
  const grid = h('ul', { class: 'ws-grid', testid: 'workspace-list', 'aria-labelledby': 'page-heading' });
  const empty = h('div', { class: 'empty-state', hidden: true }, h('p', { i18n: 'workspaces.empty' }));

  const deletedList = h('ul', { class: 'row-list', testid: 'deleted-workspaces' });
  const deletedStatus = statusLine('deleted-status');
  const deletedPanel = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'deleted-title', hidden: true },
    h('header', { class: 'panel-header' }, h('h2', { class: 'panel-title', id: 'deleted-title', i18n: 'workspaces.deletedTitle' }), h('p', { class: 'panel-description', i18n: 'workspaces.deletedDescription' })),
    deletedStatus.el,
    deletedList,
  );

  const header = pageHeader({ title: tx('workspaces.title'), subtitle: tx('workspaces.subtitle'), actions: [create] });
  header.querySelector('h1').id = 'page-heading';
  main.append(header, h('div', { class: 'page-body page-body-wide' }, empty, grid, deletedPanel));

  const unsubscribe = subscribeWorkspaces(({ workspaces, loaded }) => {
    grid.replaceChildren(...workspaces.map(workspaceCard));
    empty.hidden = !loaded || workspaces.length > 0;
  });

  function deletedRow(workspace) {
    const restore = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'restore-workspace', i18n: 'workspaces.restore' });
    bind(restore, { attrs: { 'aria-label': () => t('workspaces.restoreLabel', { name: workspace.name }) } });
    const when = bind(h('span', { class: 'row-meta' }), { text: () => t('workspaces.deletedAt', { date: formatDate(workspace.deletedAt) }) });
    const row = h(
      'li',
      { class: 'row', testid: 'deleted-workspace', dataset: { workspaceId: workspace.id } },
      workspaceAvatar(workspace),
      h('div', { class: 'row-main' }, h('span', { class: 'row-title', text: workspace.name }), when),
      h('div', { class: 'row-actions' }, restore),
    );
    restore.addEventListener('click', () =>
      withBusy(restore, async () => {
        try {
          const restored = await api.restoreWorkspace(workspace.id);
          upsertWorkspace(restored);
          row.remove();
          deletedPanel.hidden = deletedList.children.length === 0;
          showToast(() => t('workspaces.restored', { name: restored.name }));
        } catch (err) {
          toastError(err);
        }
      }),
    );
    return row;
  }

  let alive = true;
  (async () => {
    try {
      const deleted = await api.allPages((cursor) => api.listWorkspaces({ deleted: true, cursor }));
      if (!alive) return;
      deletedList.replaceChildren(...deleted.map(deletedRow));
      deletedPanel.hidden = deleted.length === 0;
    } catch (err) {
      if (!alive || err.sessionEnded) return;
      deletedPanel.hidden = false;
      deletedStatus.set(() => t('error.generic'), { variant: 'error' });
    }
  })();

  return () => {
    alive = false;
    unsubscribe();
  };
}

/** #/workspaces/new */
export function renderNewWorkspace(main) {
  const fields = workspaceFields('new-workspace');
  const region = h('div', { class: 'alert', role: 'alert', testid: 'new-workspace-error' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'new-workspace-submit', i18n: 'workspaces.createSubmit' });
  const cancel = h('a', { class: 'btn btn-secondary', href: '#/workspaces', i18n: 'common.cancel' });
  const form = h(
    'form',
    { class: 'form', testid: 'new-workspace-form', novalidate: true },
    region,
    fields.name.el,
    fields.description.el,
    fields.avatar.el,
    h('div', { class: 'form-actions' }, cancel, submit),
  );
  const controller = new FormController(form, { region, submit, fields });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    controller.run(async () => {
      if (!checkWorkspaceFields(controller, fields)) return;
      const created = await api.createWorkspace({
        name: fields.name.input.value.trim(),
        description: fields.description.input.value.trim() || null,
        avatar: fields.avatar.input.value.trim() || null,
      });
      upsertWorkspace(created);
      showToast(() => t('workspaces.created', { name: created.name }));
      navigate(href('w', created.id, 'boards'));
    });
  });
  main.append(
    pageHeader({ title: tx('workspaces.newTitle'), subtitle: tx('workspaces.newSubtitle') }),
    h('div', { class: 'page-body' }, h('section', { class: 'panel' }, form)),
  );
  fields.name.input.focus();
  return () => {};
}
