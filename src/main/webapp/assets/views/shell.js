/**
 * Signed-in layout: top bar (brand, language switch, user menu), a side
 * navigation and the main area. Pages are registered in ROUTES and selected
 * by the URL hash (#/profile), so later sections (workspaces, boards, chat)
 * only need a new entry here.
 */
import { bind, setPageTitle } from '../i18n.js';
import { h, initialOf, withBusy } from '../dom.js';
import { subscribe } from '../store.js';
import { brand, languageSwitch } from './common.js';
import { renderAccount } from './account.js';

/**
 * @typedef {object} Route
 * @property {string} id        hash segment
 * @property {string} label     nav label key
 * @property {string} title     document title key
 * @property {string} icon      single decorative glyph
 * @property {(main: HTMLElement, ctx: object) => (() => void)} render returns a cleanup
 */

/** Navigation groups and their pages. */
const NAV = [
  {
    label: 'nav.account',
    routes: [{ id: 'profile', label: 'nav.profile', title: 'page.profile', icon: '◎', render: renderAccount }],
  },
];
const ROUTES = NAV.flatMap((group) => group.routes);

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

  const header = h(
    'header',
    { class: 'topbar' },
    brand({ href: '#/profile' }),
    h(
      'div',
      { class: 'topbar-actions' },
      languageSwitch(ctx.onLanguage),
      h('div', { class: 'user-menu', role: 'group', i18nAttrs: { 'aria-label': 'header.userMenu' } }, avatar, userName, logout),
    ),
  );

  const navLinks = new Map();
  const nav = h(
    'nav',
    { class: 'sidenav', i18nAttrs: { 'aria-label': 'nav.label' } },
    NAV.map((group) =>
      h(
        'div',
        { class: 'nav-group' },
        h('p', { class: 'nav-group-label', i18n: group.label }),
        h(
          'ul',
          { class: 'nav-list' },
          group.routes.map((route) => {
            const link = h(
              'a',
              { class: 'nav-link', href: `#/${route.id}`, testid: `nav-${route.id}` },
              h('span', { class: 'nav-icon', 'aria-hidden': 'true', text: route.icon }),
              h('span', { i18n: route.label }),
            );
            navLinks.set(route.id, link);
            return h('li', {}, link);
          }),
        ),
      ),
    ),
  );

  const main = h('main', { class: 'main', id: 'main', tabindex: '-1' });
  const skip = h('a', { class: 'skip-link', href: '#main', i18n: 'app.skipToContent' });
  // The hash is used for routing, so the skip link moves focus itself.
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });

  root.replaceChildren(h('div', { class: 'shell' }, skip, header, h('div', { class: 'layout' }, nav, main)));

  const unsubscribe = subscribe((me) => {
    userName.textContent = me.displayName;
    userName.title = me.displayName;
    avatar.textContent = initialOf(me.displayName);
    bind(avatar, { attrs: { title: () => me.email } });
  });

  let cleanupPage = null;
  let currentId = null;
  function route() {
    const id = location.hash.replace(/^#\/?/, '').split('/')[0];
    const target = ROUTES.find((r) => r.id === id) ?? ROUTES[0];
    if (target.id === currentId) return;
    currentId = target.id;
    for (const [routeId, link] of navLinks) {
      if (routeId === target.id) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    cleanupPage?.();
    main.replaceChildren();
    setPageTitle(target.title);
    cleanupPage = target.render(main, ctx);
  }
  window.addEventListener('hashchange', route);
  route();

  return () => {
    window.removeEventListener('hashchange', route);
    unsubscribe();
    cleanupPage?.();
  };
}
