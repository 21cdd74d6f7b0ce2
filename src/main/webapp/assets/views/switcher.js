/**
 * Workspace switcher: a disclosure button naming the current workspace that
 * opens a list of links (my workspaces, "Create workspace", "All
 * workspaces"). Arrow keys move between the links, Escape closes and returns
 * focus to the button, a click or focus outside closes it.
 */
import { bind, t } from '../i18n.js';
import { h } from '../dom.js';
import { href } from '../router.js';
import { subscribeWorkspaces } from '../workspaces.js';
import { roleName, workspaceAvatar } from './ui.js';
import { icon } from '../icons.js';

export function workspaceSwitcher() {
  const label = h('span', { class: 'switcher-name', testid: 'switcher-current' });
  const avatarSlot = h('span', { class: 'switcher-avatar' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'switcher-button',
      testid: 'workspace-switcher',
      'aria-expanded': 'false',
      'aria-controls': 'workspace-switcher-menu',
    },
    avatarSlot,
    h('span', { class: 'switcher-text' }, h('span', { class: 'switcher-caption', i18n: 'switcher.caption' }), label),
    h('span', { class: 'switcher-chevron', 'aria-hidden': 'true' }, icon('chevron', { size: 16 })),
  );
  const list = h('ul', { class: 'switcher-list', testid: 'switcher-list' });
  const menu = h(
    'div',
    { class: 'switcher-menu', id: 'workspace-switcher-menu', hidden: true },
    h('p', { class: 'switcher-menu-label', id: 'switcher-menu-label', i18n: 'switcher.yourWorkspaces' }),
    list,
    h(
      'div',
      { class: 'switcher-footer' },
      h('a', { href: '#/workspaces/new', class: 'switcher-item', testid: 'switcher-create' }, h('span', { 'aria-hidden': 'true', class: 'switcher-plus', text: '+' }), h('span', { i18n: 'switcher.create' })),
      h('a', { href: '#/workspaces', class: 'switcher-item', testid: 'switcher-all', i18n: 'switcher.all' }),
    ),
  );
  list.setAttribute('aria-labelledby', 'switcher-menu-label');
  const el = h('div', { class: 'switcher' }, button, menu);

  let current = null;
  let items = [];

  function renderList() {
    list.replaceChildren(
      ...items.map((workspace) => {
        const role = h('span', { class: 'switcher-role' });
        bind(role, { text: roleName(workspace.myRole) });
        const link = h(
          'a',
          {
            href: href('w', workspace.id, 'boards'),
            class: 'switcher-item',
            testid: 'switcher-item',
            dataset: { workspaceId: workspace.id },
            'aria-current': current?.id === workspace.id ? 'true' : null,
          },
          workspaceAvatar(workspace, 'ws-avatar-sm'),
          h('span', { class: 'switcher-item-name', text: workspace.name }),
          role,
        );
        return h('li', {}, link);
      }),
    );
    if (!items.length) list.append(h('li', { class: 'switcher-empty', i18n: 'switcher.none' }));
  }

  function renderButton() {
    avatarSlot.replaceChildren(current ? workspaceAvatar(current, 'ws-avatar-sm') : h('span', { class: 'ws-avatar ws-avatar-sm ws-avatar-empty', 'aria-hidden': 'true', text: '+' }));
    if (current) bind(label, { text: () => current.name });
    else bind(label, { text: () => t(items.length ? 'switcher.choose' : 'switcher.noneYet') });
  }

  function open() {
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    (menu.querySelector('[aria-current="true"]') ?? menu.querySelector('a'))?.focus();
  }

  function close({ focusButton = false } = {}) {
    if (menu.hidden) return;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (focusButton) button.focus();
  }

  button.addEventListener('click', () => (menu.hidden ? open() : close()));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && menu.hidden) {
      event.preventDefault();
      open();
    }
  });
  menu.addEventListener('keydown', (event) => {
    const links = [...menu.querySelectorAll('a')];
    const at = links.indexOf(document.activeElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close({ focusButton: true });
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (at + (event.key === 'ArrowDown' ? 1 : -1) + links.length) % links.length;
      links[next]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      links[event.key === 'Home' ? 0 : links.length - 1]?.focus();
    }
  });
  // Following a link closes the menu.
  menu.addEventListener('click', (event) => {
    if (event.target.closest('a')) close();
  });
  const outside = (event) => {
    if (!el.contains(event.target)) close();
  };
  document.addEventListener('mousedown', outside);
  el.addEventListener('focusout', (event) => {
    if (event.relatedTarget && !el.contains(event.relatedTarget)) close();
  });

  const unsubscribe = subscribeWorkspaces(({ workspaces }) => {
    items = workspaces;
    if (current) current = items.find((w) => w.id === current.id) ?? null;
    renderList();
    renderButton();
  });

  return {
    el,
    /** @param {object|null} workspace the open workspace */
    setCurrent(workspace) {
      current = workspace;
      renderList();
      renderButton();
    },
    cleanup() {
      unsubscribe();
      document.removeEventListener('mousedown', outside);
    },
  };
}
