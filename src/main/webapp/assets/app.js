/**
 * Moim browser shell: boot sequence and signed-in / signed-out transitions.
 *
 * <body data-state> is "loading" until the app has decided, then
 * "signed-in" or "signed-out" (automated tests wait on it).
 */
import * as api from './api.js';
import {
  browserTimeZone,
  getLanguage,
  initI18n,
  isSupportedLanguage,
  isValidTimeZone,
  setDisplayTimeZone,
  setLanguage,
  translateTree,
  tx,
  wantedLanguage,
} from './i18n.js';
import { h } from './dom.js';
import { describeError, describeProblemType } from './forms.js';
import { clearMe, setMe, subscribe } from './store.js';
import { currentLocation } from './router.js';
import { clearToasts, showToast } from './views/common.js';
import { renderAuth } from './views/auth.js';

// The signed-in app (the shell, whose pages each load on first visit, calls and live
// invitations) and the pages of mailed links are imported when first needed: the sign-in
// page loads none of them.

/** @type {Promise<object>|null} */
let signedInCode = null;
/** The signed-in app's modules once loaded (null before the first sign-in of this page). */
let signedInModules = null;

function loadSignedInCode() {
  signedInCode ??= Promise.all([import('./views/shell.js'), import('./call/calls.js'), import('./live-invitations.js')])
    .then(([shell, calls, invitations]) => {
      signedInModules = { ...shell, ...calls, ...invitations };
      return signedInModules;
    })
    .catch((err) => {
      signedInCode = null; // a later attempt may reach the server again
      throw err;
    });
  return signedInCode;
}

/** The pages a mailed link opens while signed out, by the route's first segment. */
const LINK_PAGES = {
  'forgot-password': { name: 'password', load: () => import('./views/password-reset.js').then((m) => m.renderPasswordPage) },
  'reset-password': { name: 'password', load: () => import('./views/password-reset.js').then((m) => m.renderPasswordPage) },
  'verify-email': { name: 'verify', load: () => import('./views/verify-email.js').then((m) => m.renderVerifyPage) },
  unsubscribe: { name: 'unsubscribe', load: () => import('./views/unsubscribe.js').then((m) => m.renderUnsubscribePage) },
};

/** The mailed link's page the location shows: {name, load}, or null. */
function linkPageHere() {
  const first = currentLocation().segments[0];
  return Object.hasOwn(LINK_PAGES, first) ? LINK_PAGES[first] : null;
}

const root = document.getElementById('app');
let teardown = null;
let signedIn = false;
/** Counts screen changes, so a screen whose code arrives after a later change is not shown. */
let screenSeq = 0;

function setState(state) {
  document.body.dataset.state = state;
  root.removeAttribute('aria-busy');
}

/** Replaces the whole screen, running the previous screen's cleanup first. */
function mount(render) {
  teardown?.();
  teardown = null;
  clearToasts();
  root.replaceChildren();
  teardown = render(root) ?? null;
}

// ---------------------------------------------------------------------------
// Transitions

/**
 * @param {{notice?: () => string, noticeVariant?: 'info'|'error'}} [options]
 *        message for the login card
 */
async function showSignedOut({ notice = null, noticeVariant = 'info' } = {}) {
  const seq = ++screenSeq;
  signedIn = false;
  signedInModules?.stopCalls();
  signedInModules?.stopFollowingInvitations();
  // The signed-in screen goes now, before any await: its router also hears the hashchange that
  // brought a mailed link here, and would send the page elsewhere while the link page's code loads.
  teardown?.();
  teardown = null;
  clearMe();
  const linkPage = linkPageHere();
  if (linkPage) {
    let render;
    try {
      render = await linkPage.load();
    } catch (err) {
      console.error(err);
      if (seq === screenSeq) renderFatal();
      return;
    }
    if (seq !== screenSeq) return;
    mount((el) => render(el, { onLanguage: changeLanguage }));
  } else {
    mount((el) => renderAuth(el, { onSignedIn: afterLogin, onLanguage: changeLanguage, notice, noticeVariant }));
  }
  setState('signed-out');
}

/**
 * Tokens are stored; load the profile and enter the app.
 * @param {{registered?: object}} info the register response when the account is brand new
 */
async function afterLogin({ registered } = {}) {
  let me;
  try {
    me = await api.getMe();
    if (registered) me = await adoptBrowserPreferences(me);
  } catch (err) {
    // Stay on the login card (the form shows the error) without a half-open session.
    api.clearSession();
    throw err;
  }
  try {
    await enterApp(me);
  } catch (err) {
    // The app's code could not load: the login card shows the error, so no session stays stored.
    api.clearSession();
    throw err;
  }
}

/**
 * A new account takes the language it was created in and this device's time
 * zone. The register call already sends the locale; this PATCH covers a server
 * that ignored it, and the time zone, which is left out of registration so an
 * unusual browser zone id can never make sign-up fail. Best effort: the
 * profile form can fix either later.
 */
async function adoptBrowserPreferences(me) {
  const patch = {};
  if (me.locale !== getLanguage()) patch.locale = getLanguage();
  const zone = browserTimeZone();
  if (zone && isValidTimeZone(zone) && me.timeZone !== zone) patch.timeZone = zone;
  if (!Object.keys(patch).length) return me;
  try {
    return await api.updateMe(patch);
  } catch (err) {
    if (err.sessionEnded) throw err;
    return me;
  }
}

async function enterApp(me) {
  const seq = ++screenSeq;
  // On first load after sign-in the profile's language wins over the saved choice.
  const language = isSupportedLanguage(me.locale) && me.locale !== getLanguage()
    ? setLanguage(me.locale).catch((err) => console.warn('Could not switch to the profile language', err))
    : null;
  const { renderShell, startCalls, followInvitations } = await loadSignedInCode();
  await language;
  if (seq !== screenSeq) return;
  setMe(me);
  signedIn = true;
  mount((el) => renderShell(el, { onLogout: signOut, onLanguage: changeLanguage, applyLanguage }));
  setState('signed-in');
  document.querySelector('[data-testid="welcome"]')?.focus({ preventScroll: true });
  startCalls();
  followInvitations();
}

async function signOut() {
  // A session that began at the identity provider ends there too, when the instance says so.
  const endSessionUrl = api.signedInWithProvider()
    ? await api.authMethods().then((m) => m.provider?.endSessionUrl, () => null)
    : null;
  await api.logout();
  if (endSessionUrl) location.assign(endSessionUrl);
  else showSignedOut();
}

/**
 * The single sign-on callback's landing: #/oidc/<one-time code> (spent for tokens) or
 * #/sign-in/problem/<type> (why it failed). Returns true when it took over the boot.
 */
async function landFromProvider() {
  const hash = location.hash;
  const landed = /^#\/oidc\/([A-Za-z0-9_-]{1,100})$/.exec(hash);
  const failed = /^#\/sign-in\/problem\/([a-z0-9-]{1,60})$/.exec(hash);
  if (!landed && !failed) return false;
  // The code works once; keep it out of history and out of a reload.
  history.replaceState(null, '', `${location.pathname}${location.search}#/`);
  if (failed) {
    api.clearSession();
    showSignedOut({ notice: describeProblemType(failed[1]), noticeVariant: 'error' });
    return true;
  }
  try {
    api.clearSession();
    await api.collectSsoTokens(landed[1]);
    await afterLogin();
  } catch (err) {
    showSignedOut({ notice: describeError(err), noticeVariant: 'error' });
  }
  return true;
}

function sessionEnded() {
  if (signedIn) showSignedOut({ notice: tx('error.sessionEnded') });
}

// ---------------------------------------------------------------------------
// Language

/** Switches the UI language only (e.g. after the profile form saved a new locale). */
function applyLanguage(lang) {
  setLanguage(lang).catch(languageUnavailable);
}

/** The other language's dictionary could not be fetched: the page stays in the current one. */
function languageUnavailable(err) {
  console.warn(err);
  showToast(describeError(err), { variant: 'error' });
}

// PATCHes are chained so quick toggles reach the server in order; each sends
// the language that is current when it runs, so the last one always wins.
let localeSync = Promise.resolve();

/** Language switch: UI first, then (when signed in) the profile's locale. */
async function changeLanguage(lang) {
  // Against the latest switch, not the shown language: switching back while the other
  // dictionary is still loading must win over it.
  if (lang === wantedLanguage()) return;
  try {
    await setLanguage(lang);
  } catch (err) {
    languageUnavailable(err);
    return;
  }
  if (!signedIn) return;
  localeSync = localeSync.then(async () => {
    if (!signedIn) return;
    try {
      setMe(await api.updateMe({ locale: getLanguage() }));
    } catch (err) {
      if (!err.sessionEnded) showToast(describeError(err), { variant: 'error' });
    }
  });
}

// ---------------------------------------------------------------------------
// Boot

function installGlobalHandlers() {
  api.setLanguageProvider(getLanguage);
  api.onSessionEnded(sessionEnded);

  // Dates are shown in the profile's time zone.
  subscribe((me) => {
    setDisplayTimeZone(me.timeZone);
    translateTree(document.body);
  });

  window.addEventListener('storage', (event) => {
    // Another tab signed out (or storage was cleared): this tab's session is gone too.
    if ((event.key === 'moim.refresh' || event.key === null) && !api.hasStoredSession() && signedIn) {
      api.forgetTokensInMemory();
      showSignedOut({ notice: tx('error.sessionEnded') });
    }
    // Keep the language in step with other tabs without re-saving it.
    if (event.key === 'moim.lang' && isSupportedLanguage(event.newValue)) {
      setLanguage(event.newValue, { persist: false }).catch(languageUnavailable);
    }
  });

  // Signed out, moving between the sign-in card and the pages of mailed links (password pages,
  // views/password-reset.js; the verification page, views/verify-email.js; the unsubscribe page,
  // views/unsubscribe.js). Leaving the verification or unsubscribe page in a browser with a
  // session goes back into the app.
  const linkPage = () => linkPageHere()?.name ?? null;
  let shownPage = linkPage();
  window.addEventListener('hashchange', () => {
    if (signedIn) {
      // A verification or unsubscribe link followed in a tab that is in the app: its page, and back in afterwards.
      if (linkPage() === 'verify' || linkPage() === 'unsubscribe') {
        shownPage = linkPage();
        showSignedOut();
      }
      return;
    }
    if (shownPage === linkPage()) return;
    const left = shownPage;
    shownPage = linkPage();
    if ((left === 'verify' || left === 'unsubscribe') && !shownPage && api.hasStoredSession()) resume();
    else showSignedOut();
  });

  // Keep relative times ("5 minutes ago") fresh.
  setInterval(() => translateTree(document.body), 60_000);
}

/** Last resort when the dictionaries cannot load: a bilingual message and a reload button. */
function renderFatal() {
  const reload = h('button', { type: 'button', class: 'btn btn-primary', text: 'Reload · 새로고침' });
  reload.addEventListener('click', () => location.reload());
  root.replaceChildren(
    h(
      'div',
      { class: 'auth-page' },
      h(
        'main',
        { class: 'auth-main' },
        h(
          'section',
          { class: 'card auth-card fatal', role: 'alert' },
          h('p', { lang: 'en', text: "Moim can't reach the server. Check your connection and try again." }),
          h('p', { lang: 'ko', text: 'Moim 서버에 연결할 수 없습니다. 네트워크 연결을 확인한 후 다시 시도하세요.' }),
          reload,
        ),
      ),
    ),
  );
  setState('error');
}

async function boot() {
  try {
    await initI18n();
  } catch (err) {
    console.error(err);
    renderFatal();
    return;
  }
  installGlobalHandlers();

  if (await landFromProvider()) return;

  // A reset, verification or unsubscribe link opens its page even in a browser that is signed in.
  if (!api.hasStoredSession() || linkPageHere()) {
    showSignedOut();
    return;
  }
  await resume();
}

/** A stored refresh token is how a reload keeps the user signed in. */
async function resume() {
  try {
    await api.refreshSession();
    await enterApp(await api.getMe());
  } catch (err) {
    if (api.isSessionGone(err)) {
      showSignedOut({ notice: tx('error.sessionEnded') });
    } else {
      // Transient failure (offline, server down): keep the stored refresh token
      // so a reload can resume the session, but stop background refreshes.
      api.forgetTokensInMemory();
      showSignedOut({ notice: describeError(err), noticeVariant: 'error' });
    }
  }
}

boot();
