/**
 * Signed-in layout: top bar (brand, language switch, user menu), a side
 * navigation (workspace switcher, the current workspace's pages, the account
 * pages) and the main area. Pages are registered in ROUTES by hash pattern
 * (router.js), so a new screen only needs a new entry here.
 *
 * A page's render(main, ctx) returns its cleanup, or {cleanup, update} when it
 * wants to follow query changes itself (the board opens a card from ?card=
 * without being rebuilt).
 */
import { bind, setPageTitle, t } from '../i18n.js';
import { h, initialOf, withBusy } from '../dom.js';
import { subscribe } from '../store.js';
import { currentLocation, href, match, navigate } from '../router.js';
import * as api from '../api.js';
import {
  can,
  clearWorkspaces,
  lastWorkspaceId,
  loadWorkspaces,
  rememberWorkspace,
  subscribeWorkspaces,
  upsertWorkspace,
  workspaceById,
  workspaces,
} from '../workspaces.js';
import { brand, languageSwitch } from './common.js';
import { workspaceSwitcher } from './switcher.js';
import { notificationBell } from './notification-bell.js';
import { chatFor, onChatSwitch, stopChat } from '../chat/chat-store.js';
import { channelsNav } from '../chat/channels-nav.js';
import { statusLine } from './ui.js';
import { searchBox } from '../search/search-box.js';
import { quickSwitcher } from '../search/quick-switcher.js';
import { getMe } from '../store.js';
import { icon as svgIcon } from '../icons.js';
import { emailBanner } from './verify-email.js';

/**
 * @typedef {object} Route
 * @property {string} pattern     hash pattern (router.js)
 * @property {string} title       document title key
 * @property {string} [nav]       which nav link is current
 * @property {boolean} [workspace] the page belongs to the :ws workspace
 * @property {() => Promise<(main: HTMLElement, ctx: object) => any>} load  the page's render function
 */

/**
 * A page's render function, imported on the first visit to the page (dynamic import: the code of
 * a screen is fetched only when someone opens it, once).
 * @returns {() => Promise<Function>}
 */
function lazyPage(module, name) {
  return () => import(module).then((m) => m[name]);
}

/** @type {Route[]} */
const ROUTES = [
  { pattern: 'welcome', title: 'page.welcome', load: lazyPage('./first-steps.js', 'renderFirstSteps') },
  { pattern: 'profile', title: 'page.profile', nav: 'profile', load: lazyPage('./account.js', 'renderAccount') },
  { pattern: 'invitations', title: 'page.invitations', nav: 'invitations', load: lazyPage('./invitations.js', 'renderMyInvitations') },
  { pattern: 'workspaces', title: 'page.workspaces', nav: 'workspaces', load: lazyPage('./workspaces-page.js', 'renderWorkspaces') },
  { pattern: 'workspaces/new', title: 'page.newWorkspace', nav: 'workspaces', load: lazyPage('./workspaces-page.js', 'renderNewWorkspace') },
  { pattern: 'join/:token', title: 'page.join', load: lazyPage('./invitations.js', 'renderJoin') },
  { pattern: 'admin', title: 'page.admin', nav: 'admin', load: lazyPage('./admin.js', 'renderAdmin') },
  { pattern: 'w/:ws/boards', title: 'page.boards', nav: 'boards', workspace: true, load: lazyPage('./boards.js', 'renderBoards') },
  { pattern: 'w/:ws/boards/:board', title: 'page.board', nav: 'boards', workspace: true, load: lazyPage('./board.js', 'renderBoard') },
  { pattern: 'w/:ws/chat', title: 'page.messages', nav: 'chat', workspace: true, load: lazyPage('./messages.js', 'renderMessages') },
  { pattern: 'w/:ws/chat/:channel', title: 'page.messages', nav: 'chat', workspace: true, load: lazyPage('./messages.js', 'renderMessages') },
  { pattern: 'w/:ws/calendar', title: 'page.calendar', nav: 'calendar', workspace: true, load: lazyPage('./calendar.js', 'renderCalendar') },
  { pattern: 'w/:ws/files', title: 'page.files', nav: 'files', workspace: true, load: lazyPage('./files.js', 'renderFiles') },
  { pattern: 'w/:ws/gallery', title: 'page.gallery', nav: 'gallery', workspace: true, load: lazyPage('./gallery.js', 'renderGallery') },
  { pattern: 'w/:ws/members', title: 'page.members', nav: 'members', workspace: true, load: lazyPage('./members.js', 'renderMembers') },
  { pattern: 'w/:ws/settings', title: 'page.settings', nav: 'settings', workspace: true, load: lazyPage('./settings.js', 'renderSettings') },
  { pattern: 'w/:ws/billing', title: 'page.billing', nav: 'billing', workspace: true, load: lazyPage('./billing.js', 'renderBilling') },
];

/** The current workspace's pages in the side navigation. */
const WORKSPACE_NAV = [
  { id: 'boards', label: 'nav.boards', icon: 'board' },
  { id: 'chat', label: 'nav.messages', icon: 'message' },
  { id: 'calendar', label: 'nav.calendar', icon: 'calendar' },
  { id: 'files', label: 'nav.files', icon: 'folder' },
  { id: 'gallery', label: 'nav.gallery', icon: 'image' },
  { id: 'members', label: 'nav.members', icon: 'people', action: 'LIST_MEMBERS' },
  { id: 'settings', label: 'nav.settings', icon: 'settings' },
  { id: 'billing', label: 'nav.billing', icon: 'card', action: 'VIEW_PLAN' },
];

const ACCOUNT_NAV = [
  { id: 'profile', label: 'nav.profile', icon: 'person', href: '#/profile' },
  { id: 'invitations', label: 'nav.invitations', icon: 'mail', href: '#/invitations' },
  { id: 'workspaces', label: 'nav.workspaces', icon: 'layers', href: '#/workspaces' },
];

function navLink({ id, label, icon, href: target }) {
  return h(
    'a',
    { class: 'nav-link', href: target, testid: `nav-${id}`, dataset: { nav: id } },
    h('span', { class: 'nav-icon', 'aria-hidden': 'true' }, svgIcon(icon)),
    h('span', { class: 'nav-text', i18n: label }),
  );
}

/**
 * @param {HTMLElement} root
 * @param {object} ctx
 * @param {() => Promise<void>} ctx.onLogout
 * @param {(lang: string) => void} ctx.onLanguage   header switch (also PATCHes the profile)
 * @param {(lang: string) => void} ctx.applyLanguage switch UI language without PATCHing
 * @returns {() => void} teardown
 */
export function renderShell(root, ctx) {
  const avatar = h('span', { class: 'avatar', 'aria-hidden': 'true' });
  const userName = h('span', { class: 'user-name', testid: 'user-name' });
  const logout = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'logout', i18n: 'header.signOut' });
  logout.addEventListener('click', () => withBusy(logout, ctx.onLogout));

  const bell = notificationBell();
  let currentWorkspaceId = null;
  // Search and the quick switcher work in the workspace open now (or the one open last).
  const search = searchBox({ workspaceId: () => currentWorkspaceId });
  const jump = quickSwitcher({ workspaceId: () => currentWorkspaceId, me: () => getMe()?.id ?? null });
  // Phones (760 px and narrower): the side navigation is a drawer over the page, opened here.
  const menuButton = h(
    'button',
    { type: 'button', class: 'btn btn-ghost btn-icon menu-button', testid: 'menu-button', 'aria-expanded': 'false', 'aria-controls': 'sidenav', i18nAttrs: { 'aria-label': 'nav.menu', title: 'nav.menu' } },
    svgIcon('menu', { size: 22 }),
  );
  const header = h(
    'header',
    { class: 'topbar' },
    menuButton,
    brand({ href: '#/' }),
    search.el,
    h(
      'div',
      { class: 'topbar-actions' },
      bell.el,
      languageSwitch(ctx.onLanguage),
      h('div', { class: 'user-menu', role: 'group', i18nAttrs: { 'aria-label': 'header.userMenu' } }, avatar, userName, logout),
    ),
  );

  // Side navigation: switcher, workspace pages (when a workspace is open), account pages.
  const switcher = workspaceSwitcher();
  const workspaceList = h('ul', { class: 'nav-list' });
  const workspaceGroupLabel = h('p', { class: 'nav-group-label', testid: 'nav-workspace-name' });
  const workspaceGroup = h('div', { class: 'nav-group', hidden: true }, workspaceGroupLabel, workspaceList);
  const channelGroup = channelsNav();
  const invitationCount = h('span', { class: 'nav-count', testid: 'nav-invitations-count', hidden: true });
  const accountLinks = ACCOUNT_NAV.map((item) => {
    const link = navLink(item);
    if (item.id === 'invitations') link.append(invitationCount);
    return link;
  });
  // Administration: only system administrators see the link (the API decides either way).
  const adminItem = h('li', { hidden: true }, navLink({ id: 'admin', label: 'nav.admin', icon: 'settings', href: '#/admin' }));
  const nav = h(
    'nav',
    { class: 'sidenav', id: 'sidenav', testid: 'sidenav', i18nAttrs: { 'aria-label': 'nav.label' } },
    switcher.el,
    workspaceGroup,
    channelGroup.el,
    h(
      'div',
      { class: 'nav-group' },
      h('p', { class: 'nav-group-label', i18n: 'nav.account' }),
      h('ul', { class: 'nav-list' }, accountLinks.map((link) => h('li', {}, link)), adminItem),
    ),
  );

  const main = h('main', { class: 'main', id: 'main', tabindex: '-1' });
  const skip = h('a', { class: 'skip-link', href: '#main', i18n: 'app.skipToContent' });
  // The hash is used for routing, so the skip link moves focus itself.
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });

  const banner = emailBanner();
  const backdrop = h('div', { class: 'nav-backdrop', testid: 'nav-backdrop', 'aria-hidden': 'true' });
  const shell = h('div', { class: 'shell' }, skip, header, banner.el, h('div', { class: 'layout' }, nav, backdrop, main));
  root.replaceChildren(shell);
  const drawer = navDrawer({ shell, nav, button: menuButton, backdrop });

  const unsubscribeMe = subscribe((me) => {
    adminItem.hidden = !me.systemAdmin;
    userName.textContent = me.displayName;
    userName.title = me.displayName;
    avatar.textContent = initialOf(me.displayName);
    bind(avatar, { attrs: { title: () => me.email } });
  });

  function renderWorkspaceNav() {
    const workspace = currentWorkspaceId ? workspaceById(currentWorkspaceId) : null;
    search.setWorkspace(workspace ? workspace.id : null);
    workspaceGroup.hidden = !workspace;
    switcher.setCurrent(workspace);
    channelGroup.setRole(workspace?.myRole ?? null);
    if (!workspace) return;
    workspaceGroupLabel.textContent = workspace.name;
    workspaceList.replaceChildren(
      ...WORKSPACE_NAV.filter((item) => !item.action || can(workspace.myRole, item.action)).map((item) => {
        const link = navLink({ ...item, href: href('w', workspace.id, item.id) });
        if (item.id === 'chat') link.append(chatCount);
        return h('li', {}, link);
      }),
    );
    markCurrent();
  }

  // Unread messages of the open workspace, live (chat/chat-store.js keeps every channel subscribed).
  const chatCount = h('span', { class: 'nav-count', testid: 'nav-chat-count', hidden: true });
  let offChat = null;
  function followChat(chat) {
    offChat?.();
    offChat = null;
    const show = () => {
      const total = chat?.totalUnread() ?? 0;
      chatCount.hidden = total === 0;
      chatCount.textContent = String(total);
      bind(chatCount, { attrs: { 'aria-label': () => t('chat.unread', { count: total }) } });
    };
    if (chat) offChat = chat.onChange((event) => event.type === 'channels' && show());
    show();
    channelGroup.follow(chat);
  }
  const offChatSwitch = onChatSwitch(followChat);

  const unsubscribeWorkspaces = subscribeWorkspaces(({ pendingInvitations }) => {
    invitationCount.hidden = pendingInvitations === 0;
    invitationCount.textContent = String(pendingInvitations);
    bind(invitationCount, { attrs: { 'aria-label': () => t('nav.invitationsPending', { count: pendingInvitations }) } });
    renderWorkspaceNav();
  });

  let currentNav = null;
  function markCurrent() {
    nav.querySelectorAll('.nav-link').forEach((link) => {
      if (link.dataset.nav === currentNav) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    });
  }

  // ------------------------------------------------------------------ routing
  let page = null; // {key, cleanup, update}
  let renderSeq = 0;
  let firstRoute = true;

  function cleanupPage() {
    page?.cleanup?.();
    page = null;
  }

  /** Where "#/" goes: the workspace opened last, else the first one, else the profile. */
  function homeHref() {
    const last = lastWorkspaceId();
    const target = (last && workspaceById(last)) || workspaces()[0];
    return target ? href('w', target.id, 'boards') : '#/welcome';
  }

  async function route() {
    const { segments, query } = currentLocation();
    if (segments.length === 0) {
      navigate(homeHref(), { replace: true });
      return;
    }
    if (segments[0] === 'call') {
      // #/call/<channelId> belongs to the call screen (call/calls.js), drawn over the page.
      return;
    }
    if (segments[0] === 'w' && segments.length === 2) {
      navigate(href('w', segments[1], 'boards'), { replace: true });
      return;
    }
    let target = null;
    let params = null;
    for (const candidate of ROUTES) {
      params = match(candidate.pattern, segments);
      if (params) {
        target = candidate;
        break;
      }
    }
    if (!target) {
      navigate('#/profile', { replace: true });
      return;
    }

    const key = `${target.pattern}|${JSON.stringify(params)}`;
    if (page?.key === key) {
      page.update?.(query);
      return;
    }
    const seq = ++renderSeq;
    const moveFocus = !firstRoute;
    firstRoute = false;
    cleanupPage();
    currentNav = target.nav ?? null;
    // Account pages (profile, sessions, invitations) keep the navigation of the workspace open last.
    currentWorkspaceId = target.workspace ? params.ws : (workspaceById(lastWorkspaceId()) ? lastWorkspaceId() : null);
    main.replaceChildren();
    main.removeAttribute('aria-busy');

    let workspace = null;
    if (target.workspace) {
      workspace = workspaceById(params.ws);
      if (!workspace) {
        // Not in my list (yet): just joined elsewhere, or a link to someone else's workspace.
        const status = statusLine('page-status');
        main.append(status.el);
        main.setAttribute('aria-busy', 'true');
        status.set(() => t('common.loading'));
        try {
          workspace = await api.getWorkspace(params.ws);
          if (seq !== renderSeq) return;
          upsertWorkspace(workspace);
        } catch (err) {
          if (seq !== renderSeq) return;
          main.removeAttribute('aria-busy');
          if (err.sessionEnded) return;
          status.set(() => t(err.status === 404 ? 'workspace.notFound' : 'error.generic'), {
            variant: 'error',
            retry: err.status === 404 ? null : () => { page = null; route(); },
          });
          main.append(h('p', {}, h('a', { href: '#/workspaces', class: 'link', i18n: 'workspace.backToList' })));
          page = { key, cleanup: null };
          renderWorkspaceNav();
          return;
        }
        main.replaceChildren();
        main.removeAttribute('aria-busy');
      }
      rememberWorkspace(workspace.id);
      chatFor(workspace.id, { listMembers: can(workspace.myRole, 'LIST_MEMBERS') });
    }
    renderWorkspaceNav();
    markCurrent();
    setPageTitle(target.title, workspace ? () => workspaceById(workspace.id)?.name ?? workspace.name : null);

    let render;
    try {
      render = await target.load();
    } catch (err) {
      if (seq !== renderSeq) return;
      console.warn('Could not load the page', err);
      const status = statusLine('page-status');
      main.replaceChildren(status.el);
      // Retry loads the page anew: the browser keeps a module that failed to load or link (say,
      // a tab opened before an upgrade importing the new code), so importing it again fails again.
      status.set(() => t('error.generic'), { variant: 'error', retry: () => window.location.reload() });
      page = { key, cleanup: null };
      return;
    }
    if (seq !== renderSeq) return;

    const pageCtx = {
      ...ctx,
      params,
      query,
      workspaceId: workspace?.id ?? null,
      /** The workspace as the store has it now (renames and role changes included). */
      workspace: () => (workspace ? workspaceById(workspace.id) ?? workspace : null),
    };
    const result = render(main, pageCtx);
    page = typeof result === 'function' ? { key, cleanup: result } : { key, cleanup: result?.cleanup, update: result?.update };
    // Screen readers hear the new page; a page that focused a control itself keeps it.
    if (moveFocus && !main.contains(document.activeElement)) {
      (main.querySelector('h1[tabindex="-1"]') ?? main).focus({ preventScroll: true });
    }
  }

  const onHashChange = () => {
    drawer.close();
    route();
  };
  window.addEventListener('hashchange', onHashChange);

  let alive = true;
  main.setAttribute('aria-busy', 'true');
  loadWorkspaces()
    .catch((err) => {
      if (!err.sessionEnded) console.warn('Could not load workspaces', err);
    })
    .finally(() => {
      if (alive) route();
    });

  return () => {
    alive = false;
    window.removeEventListener('hashchange', onHashChange);
    unsubscribeMe();
    drawer.cleanup();
    banner.destroy();
    unsubscribeWorkspaces();
    switcher.cleanup();
    search.cleanup();
    jump.cleanup();
    cleanupPage();
    bell.cleanup();
    offChatSwitch();
    offChat?.();
    channelGroup.cleanup();
    stopChat();
    clearWorkspaces();
  };
}

/**
 * The side navigation as a drawer (CSS draws it so at 760 px and narrower; wider, the button is
 * not shown and the navigation stays beside the page). The menu button opens and closes it and
 * says which with aria-expanded; a tap outside it, Escape, following one of its links and focus
 * leaving it close it. Escape puts focus back on the button.
 */
function navDrawer({ shell, nav, button, backdrop }) {
  const phone = window.matchMedia('(max-width: 760px)');
  const isOpen = () => shell.classList.contains('nav-open');
  function open() {
    shell.classList.add('nav-open');
    button.setAttribute('aria-expanded', 'true');
    (nav.querySelector('.nav-link[aria-current="page"]') ?? nav.querySelector('a[href], button:not([disabled])'))?.focus();
  }
  function close({ focusButton = false } = {}) {
    if (!isOpen()) return;
    shell.classList.remove('nav-open');
    button.setAttribute('aria-expanded', 'false');
    if (focusButton) button.focus();
  }
  button.addEventListener('click', () => (isOpen() ? close() : open()));
  backdrop.addEventListener('click', () => close());
  nav.addEventListener('click', (event) => {
    // A link to the page already open changes no hash; the drawer closes all the same.
    if (event.target.closest('a[href]')) close();
  });
  nav.addEventListener('focusout', (event) => {
    const to = event.relatedTarget;
    if (to && !nav.contains(to) && to !== button) close();
  });
  const onKey = (event) => {
    if (event.key === 'Escape' && isOpen() && !document.querySelector('dialog[open]')) {
      event.preventDefault();
      close({ focusButton: true });
    }
  };
  document.addEventListener('keydown', onKey);
  const onWidth = () => !phone.matches && close();
  phone.addEventListener('change', onWidth);
  return {
    close,
    cleanup() {
      document.removeEventListener('keydown', onKey);
      phone.removeEventListener('change', onWidth);
    },
  };
}
