/**
 * Moim REST client for /api/v1.
 *
 * Token policy
 *  - The access token lives in memory only (this module's closure).
 *  - The refresh token lives in localStorage under 'moim.refresh'. The server
 *    ROTATES it on every refresh, and presenting an already-used refresh token
 *    revokes the whole session. Therefore every refresh goes through a single
 *    shared in-flight promise, plus a cross-tab Web Lock when the browser has
 *    one, and the token is always re-read from storage right before use (another
 *    tab may have rotated it in the meantime).
 *  - A refresh is scheduled ~60 s before the access token expires. Any 401 on
 *    an authenticated call triggers one refresh and one retry; if that fails
 *    too, the session is over and a 'session-ended' event is dispatched.
 */

const REFRESH_KEY = 'moim.refresh';
/**
 * The app's root, resolved from this module's URL so the app also works under a context root
 * (e.g. /moim/): this module is served as assets/api.js or, from index.html, under the build's
 * versioned path assets/v/<version>/api.js (StaticAssets).
 */
export const APP_ROOT = new URL(/\/assets\/v\/[^/]+\/api\.js$/.test(new URL(import.meta.url).pathname) ? '../../../' : '../', import.meta.url);
const API_BASE = new URL('api/v1/', APP_ROOT);
const REQUEST_TIMEOUT_MS = 30_000;
const REFRESH_MARGIN_S = 60;
const REFRESH_RETRY_MS = 30_000;
const MAX_TIMER_MS = 2_147_483_647; // setTimeout overflows above 2^31-1 ms
/** 401s that describe a business failure, not an expired access token. */
const NON_SESSION_401 = new Set(['invalid-credentials', 'wrong-password']);

export class ApiError extends Error {
  /**
   * @param {object} o
   * @param {number} [o.status] HTTP status, 0 when the server was not reached
   * @param {object|null} [o.problem] parsed application/problem+json body
   * @param {number|null} [o.retryAfterSeconds] from the Retry-After header
   * @param {boolean} [o.network] true when the request never got a response
   * @param {boolean} [o.sessionEnded] true when the session is gone for good
   */
  constructor({ status = 0, problem = null, retryAfterSeconds = null, network = false, sessionEnded = false } = {}) {
    super(problem?.detail || problem?.title || (network ? 'Network error' : `HTTP ${status}`));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.network = network;
    this.sessionEnded = sessionEnded;
    this.retryAt = retryAfterSeconds == null ? null : Date.now() + retryAfterSeconds * 1000;
  }

  /** Last segment of the problem type, e.g. "/problems/email-taken" → "email-taken". */
  get type() {
    const type = this.problem?.type;
    if (typeof type !== 'string') return null;
    const match = /\/problems\/([a-z0-9-]+)\/?$/i.exec(type);
    return match ? match[1].toLowerCase() : null;
  }

  /** [{field, message}] from a validation problem, or []. */
  get fieldErrors() {
    return Array.isArray(this.problem?.errors) ? this.problem.errors : [];
  }

  /** Whole seconds left until the server accepts requests again, or null if unknown. */
  secondsUntilRetry() {
    return this.retryAt == null ? null : Math.max(0, Math.ceil((this.retryAt - Date.now()) / 1000));
  }
}

// ---------------------------------------------------------------------------
// Token state

let accessToken = null;
let accessExpiresAt = 0;
let refreshTimer = null;
let refreshInFlight = null;
let languageProvider = () => null;
const events = new EventTarget();

/** Lets the client send Accept-Language matching the UI language. */
export function setLanguageProvider(fn) {
  languageProvider = fn;
}

/** Called (once per ended session) when the session can no longer be renewed. */
export function onSessionEnded(listener) {
  events.addEventListener('session-ended', listener);
}

function storedRefreshToken() {
  try {
    return localStorage.getItem(REFRESH_KEY);
  } catch {
    return null;
  }
}

export function hasStoredSession() {
  return Boolean(storedRefreshToken());
}

/** Drops all local credentials (memory, timer and storage). */
export function clearSession() {
  forgetTokensInMemory();
  try {
    localStorage.removeItem(REFRESH_KEY);
    localStorage.removeItem('moim.signedInWith');
  } catch {
    /* storage unavailable: nothing to clear */
  }
}

/** Drops in-memory credentials only, e.g. when another tab already cleared storage. */
export function forgetTokensInMemory() {
  accessToken = null;
  accessExpiresAt = 0;
  clearTimeout(refreshTimer);
  refreshTimer = null;
}

function acceptTokens(pair) {
  if (!pair || typeof pair.accessToken !== 'string' || typeof pair.refreshToken !== 'string') {
    throw new ApiError({ status: 500 });
  }
  const expiresIn = Number(pair.expiresIn) > 0 ? Number(pair.expiresIn) : 300;
  accessToken = pair.accessToken;
  // Treat the token as expired slightly early so we never send a just-expired one.
  accessExpiresAt = Date.now() + Math.max(expiresIn - 5, 1) * 1000;
  try {
    localStorage.setItem(REFRESH_KEY, pair.refreshToken);
  } catch {
    /* storage unavailable: the session then only lasts for this page */
  }
  scheduleRefresh(expiresIn);
}

function scheduleRefresh(expiresInSeconds) {
  clearTimeout(refreshTimer);
  const delaySeconds = Math.max(expiresInSeconds - REFRESH_MARGIN_S, expiresInSeconds / 2, 5);
  refreshTimer = setTimeout(backgroundRefresh, Math.min(delaySeconds * 1000, MAX_TIMER_MS));
}

function backgroundRefresh() {
  refreshSession().catch((err) => {
    if (isDeadSession(err)) {
      endSession(false);
      return;
    }
    // Transient (offline, 5xx, rate limited): try again later; the current
    // access token may still be valid, and a 401 will force a refresh anyway.
    const wait = Math.max(REFRESH_RETRY_MS, (err.secondsUntilRetry?.() ?? 0) * 1000);
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(backgroundRefresh, wait);
  });
}

/** Runs fn under a cross-tab lock when the Web Locks API exists (secure contexts only). */
function withRefreshLock(fn) {
  if (navigator.locks?.request) return navigator.locks.request('moim.refresh', fn);
  return fn();
}

/**
 * Exchanges the stored refresh token for a new token pair. Concurrent callers
 * share one request, so a rotated token is never presented twice.
 */
export function refreshSession() {
  if (!refreshInFlight) {
    refreshInFlight = withRefreshLock(doRefresh).finally(() => {
      refreshInFlight = null;
    });
  }
  return refreshInFlight;
}

async function doRefresh() {
  const token = storedRefreshToken();
  if (!token) throw new ApiError({ status: 401, problem: { type: '/problems/invalid-refresh-token' } });
  try {
    const pair = await send('POST', 'auth/refresh', { body: { refreshToken: token } });
    acceptTokens(pair);
    return pair;
  } catch (err) {
    // Only forget the token if nobody replaced it while our request was running.
    if (isDeadSession(err) && storedRefreshToken() === token) clearSession();
    throw err;
  }
}

/**
 * Asks the server whether this session still lives (the socket was closed as revoked: signed out
 * elsewhere, or the account deactivated); when it does not, the session ends here too.
 */
export function checkSession() {
  return refreshSession().then(
    () => true,
    (err) => {
      if (isDeadSession(err)) {
        endSession(false);
        return false;
      }
      return true;
    },
  );
}

/** True when the error means the refresh token is invalid/revoked (not a transient failure). */
function isDeadSession(err) {
  return err instanceof ApiError && !err.network && (err.status === 400 || err.status === 401);
}

/** True when an error means the user has to sign in again. */
export function isSessionGone(err) {
  return err instanceof ApiError && (err.sessionEnded || isDeadSession(err));
}

function endSession(quiet) {
  clearSession();
  if (!quiet) events.dispatchEvent(new Event('session-ended'));
  return new ApiError({ status: 401, sessionEnded: true, problem: { type: '/problems/unauthorized' } });
}

// ---------------------------------------------------------------------------
// HTTP

function parseRetryAfter(value) {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed); // Retry-After may also be an HTTP date
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function parseJson(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** One HTTP exchange, no token logic. Resolves with parsed JSON (or null), rejects with ApiError. */
async function send(method, path, { body, token, headers: extra } = {}) {
  const headers = { Accept: 'application/json, application/problem+json', ...extra };
  const lang = languageProvider();
  if (lang) headers['Accept-Language'] = lang;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  let response;
  let text;
  try {
    response = await fetch(new URL(path, API_BASE), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller.signal,
    });
    text = await response.text();
  } catch {
    throw new ApiError({ network: true });
  } finally {
    clearTimeout(timer);
  }

  const json = parseJson(text);
  if (response.ok) {
    if (json === undefined) throw new ApiError({ status: response.status });
    tellBoardRevisions(response.headers.get('Moim-Board-Revision'));
    return json;
  }
  throw new ApiError({
    status: response.status,
    problem: json && typeof json === 'object' ? json : null,
    retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After')),
  });
}

// ---------------------------------------------------------------------------
// Board revisions given by this tab's writes (docs/realtime-protocol.md, "Boards")

const boardRevisionListeners = new Set();
let writesInFlight = 0;

/**
 * Calls fn({boardId, from, to}) for every board a successful write of this tab changed: the
 * revisions its changes gave the board (the Moim-Board-Revision header). Returns the unsubscriber.
 */
export function onBoardRevisions(fn) {
  boardRevisionListeners.add(fn);
  return () => boardRevisionListeners.delete(fn);
}

/** Whether a write (anything but GET) of this tab is waiting for its answer. */
export function writing() {
  return writesInFlight > 0;
}

function tellBoardRevisions(header) {
  if (!header) return;
  for (const part of header.split(',')) {
    const match = /^\s*([^;\s]+);from=(\d+);to=(\d+)\s*$/.exec(part);
    if (!match) continue;
    const given = { boardId: match[1], from: Number(match[2]), to: Number(match[3]) };
    boardRevisionListeners.forEach((fn) => fn(given));
  }
}

async function refreshOrEnd(quiet) {
  try {
    await refreshSession();
  } catch (err) {
    if (isDeadSession(err)) throw endSession(quiet);
    throw err;
  }
}

function isExpiredAccess(err) {
  return err instanceof ApiError && err.status === 401 && !NON_SESSION_401.has(err.type);
}

/**
 * Authenticated request with one refresh-and-retry on 401.
 * @param {string} method
 * @param {string} path relative to /api/v1/
 * @param {{body?: object|(() => object), quiet?: boolean, headers?: object}} [options]
 *   body may be a function so a retry re-reads values that a refresh changed;
 *   quiet suppresses the 'session-ended' event (used by logout);
 *   headers are extra request headers (e.g. If-Match).
 */
async function authed(method, path, options = {}) {
  if (method === 'GET') return authedOnce(method, path, options);
  writesInFlight++;
  try {
    return await authedOnce(method, path, options);
  } finally {
    writesInFlight--;
  }
}

async function authedOnce(method, path, { body, quiet = false, headers } = {}) {
  const bodyValue = () => (typeof body === 'function' ? body() : body);
  if (!accessToken || Date.now() >= accessExpiresAt) await refreshOrEnd(quiet);

  const used = accessToken;
  try {
    return await send(method, path, { body: bodyValue(), token: used, headers });
  } catch (err) {
    if (!isExpiredAccess(err)) throw err;
  }
  // Another request may already have refreshed while ours was in flight.
  if (accessToken === used) await refreshOrEnd(quiet);
  try {
    return await send(method, path, { body: bodyValue(), token: accessToken, headers });
  } catch (err) {
    if (isExpiredAccess(err)) throw endSession(quiet);
    throw err;
  }
}

// ---------------------------------------------------------------------------
// Endpoints

/** locale is optional: the account starts out in the language it was created in. */
export function register({ email, password, displayName, locale }) {
  return send('POST', 'auth/register', { body: { email, password, displayName, locale } });
}

export async function login(email, password) {
  const pair = await send('POST', 'auth/login', { body: { email, password } });
  acceptTokens(pair);
  try {
    localStorage.removeItem('moim.signedInWith');
  } catch {
    /* nothing stored */
  }
  return pair;
}

/** Best-effort server logout; local credentials are always cleared. */
export async function logout() {
  try {
    if (storedRefreshToken()) {
      await authed('POST', 'auth/logout', {
        body: () => ({ refreshToken: storedRefreshToken() }),
        quiet: true,
      });
    }
  } catch {
    /* the server session may already be gone; signing out locally is what matters */
  } finally {
    clearSession();
  }
}

// Single sign-on (docs/security.md). The callback puts a one-time code in the
// address (#/oidc/<code>); it is spent for the same tokens password sign-in hands out.
const SIGNED_IN_WITH_KEY = 'moim.signedInWith';
let methodsPromise = null;

/** How this instance signs people in: { password, provider: { label, startUrl, endSessionUrl } | null }. */
export function authMethods() {
  if (!methodsPromise) {
    methodsPromise = send('GET', 'auth/methods').catch((err) => {
      methodsPromise = null;
      throw err;
    });
  }
  return methodsPromise;
}

export async function collectSsoTokens(code) {
  const pair = await send('POST', 'auth/oidc/token', { body: { code } });
  acceptTokens(pair);
  try {
    localStorage.setItem(SIGNED_IN_WITH_KEY, 'provider');
  } catch {
    /* storage unavailable: sign-out then only ends the Moim session */
  }
  return pair;
}

/** True when this browser's session began at the identity provider. */
export function signedInWithProvider() {
  try {
    return localStorage.getItem(SIGNED_IN_WITH_KEY) === 'provider';
  } catch {
    return false;
  }
}

// Password reset by mail (signed out; views/password-reset.js).
export const requestPasswordReset = (email) => send('POST', 'auth/password-reset', { body: { email } });
export const checkPasswordResetLink = (token) => send('POST', 'auth/password-reset/check', { body: { token } });
export const confirmPasswordReset = (token, newPassword) =>
  send('POST', 'auth/password-reset/confirm', { body: { token, newPassword } });

export const checkEmailVerificationLink = (token) => send('POST', 'auth/email-verification/check', { body: { token } });
export const confirmEmailVerification = (token) => send('POST', 'auth/email-verification/confirm', { body: { token } });
export const resendEmailVerification = () => authed('POST', 'me/email/verification');
export const requestEmailChange = (email, currentPassword) => authed('POST', 'me/email', { body: { email, currentPassword } });

export const getMe = () => authed('GET', 'me');
export const updateMe = (patch) => authed('PATCH', 'me', { body: patch });
// Notification mail (docs/notifications.md, Mail).
export const getNotificationMail = () => authed('GET', 'me/notification-mail');
export const setNotificationMail = (mode) => authed('PUT', 'me/notification-mail', { body: { mode } });
// The unsubscribe page of a notification mail's link: no sign-in, the token is the proof.
export const unsubscribeNotificationMail = (token) =>
  send('POST', `notification-mail/unsubscribe?token=${encodeURIComponent(token)}`);
export const changePassword = (currentPassword, newPassword) =>
  authed('POST', 'me/password', { body: { currentPassword, newPassword } });
export const listSessions = () => authed('GET', 'me/sessions');
export const revokeSession = (id) => authed('DELETE', `me/sessions/${encodeURIComponent(id)}`);
export const revokeOtherSessions = () => authed('DELETE', 'me/sessions');

// Personal access tokens and bots (docs/tokens.md)
/** My tokens, every page (newest first). */
export const listMyTokens = () => allPages((cursor) => authed('GET', withQuery('me/tokens', { cursor, limit: 200 })));
export const createMyToken = (body) => authed('POST', 'me/tokens', { body });
export const revokeMyToken = (id) => authed('DELETE', `me/tokens/${encodeURIComponent(id)}`);
/** Slash commands (docs/commands.md): every page, oldest first. */
export const listCommands = (ws) =>
  allPages((cursor) => authed('GET', withQuery(`workspaces/${seg(ws)}/commands`, { cursor, limit: 200 })));
export const createCommand = (ws, body) => authed('POST', `workspaces/${seg(ws)}/commands`, { body });
export const deleteCommand = (ws, id) => authed('DELETE', `workspaces/${seg(ws)}/commands/${seg(id)}`);
/** Runs "/word text" typed in a channel; answers {outcome, text, ...} (CommandResult). */
/** The keyword bot (docs/keyword-bot.md): its responders and every page of its rules. */
export const getKeywordBot = (ws) => authed('GET', `workspaces/${seg(ws)}/keyword-bot`);
export const chooseKeywordBotResponders = (ws, responderIds) =>
  authed('PUT', `workspaces/${seg(ws)}/keyword-bot/responders`, { body: { responderIds } });
export const listKeywordRules = (ws) =>
  allPages((cursor) => authed('GET', withQuery(`workspaces/${seg(ws)}/keyword-bot/rules`, { cursor, limit: 200 })));
export const createKeywordRule = (ws, body) => authed('POST', `workspaces/${seg(ws)}/keyword-bot/rules`, { body });
export const replaceKeywordRule = (ws, id, body) => authed('PUT', `workspaces/${seg(ws)}/keyword-bot/rules/${seg(id)}`, { body });
export const deleteKeywordRule = (ws, id) => authed('DELETE', `workspaces/${seg(ws)}/keyword-bot/rules/${seg(id)}`);
export const takeKeywordHandover = (ws, id) => authed('POST', `workspaces/${seg(ws)}/keyword-bot/handovers/${seg(id)}/take`);
export const runCommand = (channel, text) => authed('POST', `channels/${seg(channel)}/commands`, { body: { text } });
/** A workspace's bots and a bot's tokens: every page. */
export const listBots = (ws) => allPages((cursor) => authed('GET', withQuery(`workspaces/${seg(ws)}/bots`, { cursor, limit: 200 })));
export const createBot = (ws, body) => authed('POST', `workspaces/${seg(ws)}/bots`, { body });
export const removeBot = (ws, bot) => authed('DELETE', `workspaces/${seg(ws)}/bots/${seg(bot)}`);
export const listBotTokens = (ws, bot) =>
  allPages((cursor) => authed('GET', withQuery(`workspaces/${seg(ws)}/bots/${seg(bot)}/tokens`, { cursor, limit: 200 })));
export const createBotToken = (ws, bot, body) => authed('POST', `workspaces/${seg(ws)}/bots/${seg(bot)}/tokens`, { body });
export const revokeBotToken = (ws, bot, id) => authed('DELETE', `workspaces/${seg(ws)}/bots/${seg(bot)}/tokens/${seg(id)}`);

// ---------------------------------------------------------------------------
// Workspaces, members, invitations and invite links (docs/permissions.md)

const seg = encodeURIComponent;

/** path?name=value&… leaving out null/undefined/'' values. */
export function withQuery(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value != null && value !== '' && value !== false) query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** If-Match for an entity version (the API sends versions as quoted ETags). */
export function ifMatch(version) {
  return version == null ? undefined : { 'If-Match': `"${version}"` };
}

/** Every page of a cursor-paginated list ({items, nextCursor}), up to maxPages. */
export async function allPages(fetchPage, maxPages = 20) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(cursor);
    items.push(...(result?.items ?? []));
    cursor = result?.nextCursor;
    if (!cursor) break;
  }
  return items;
}

export const listWorkspaces = ({ deleted = false, cursor = null, limit = 200 } = {}) =>
  authed('GET', withQuery('workspaces', { deleted, cursor, limit }));
export const createWorkspace = ({ name, description, avatar }) =>
  authed('POST', 'workspaces', { body: { name, description, avatar } });
export const getWorkspace = (id) => authed('GET', `workspaces/${seg(id)}`);
export const updateWorkspace = (id, patch, version) =>
  authed('PATCH', `workspaces/${seg(id)}`, { body: patch, headers: ifMatch(version) });
export const deleteWorkspace = (id) => authed('DELETE', `workspaces/${seg(id)}`);
export const restoreWorkspace = (id) => authed('POST', `workspaces/${seg(id)}/restore`);
export const transferOwnership = (id, accountId) =>
  authed('POST', `workspaces/${seg(id)}/transfer`, { body: { accountId } });
export const leaveWorkspace = (id) => authed('POST', `workspaces/${seg(id)}/leave`);

/** Every member (the API pages them, oldest first). */
export const listMembers = (id) =>
  allPages((cursor) => authed('GET', withQuery(`workspaces/${seg(id)}/members`, { cursor, limit: 200 })));
export const changeMemberRole = (id, accountId, role) =>
  authed('PATCH', `workspaces/${seg(id)}/members/${seg(accountId)}`, { body: { role } });
export const removeMember = (id, accountId) => authed('DELETE', `workspaces/${seg(id)}/members/${seg(accountId)}`);

export const listWorkspaceInvitations = (id) =>
  allPages((cursor) => authed('GET', withQuery(`workspaces/${seg(id)}/invitations`, { cursor, limit: 200 })));
export const inviteByEmail = (id, email, role) =>
  authed('POST', `workspaces/${seg(id)}/invitations`, { body: { email, role } });
export const revokeInvitation = (id, invitationId) =>
  authed('POST', `workspaces/${seg(id)}/invitations/${seg(invitationId)}/revoke`);

export const listInviteLinks = (id) =>
  allPages((cursor) => authed('GET', withQuery(`workspaces/${seg(id)}/invite-links`, { cursor, limit: 200 })));
export const createInviteLink = (id, { role, expiresInDays, maxUses }) =>
  authed('POST', `workspaces/${seg(id)}/invite-links`, { body: { role, expiresInDays, maxUses } });
export const revokeInviteLink = (id, linkId) => authed('POST', `workspaces/${seg(id)}/invite-links/${seg(linkId)}/revoke`);
export const redeemInviteLink = (token) => authed('POST', 'invite-links/redeem', { body: { token } });
export const previewInviteLink = (token) => authed('POST', 'invite-links/preview', { body: { token } });

/** Pending invitations to my address: every page, newest first. */
export const myInvitations = () => allPages((cursor) => authed('GET', withQuery('me/invitations', { cursor, limit: 200 })));
export const acceptInvitation = (invitationId) => authed('POST', `me/invitations/${seg(invitationId)}/accept`);
export const declineInvitation = (invitationId) => authed('POST', `me/invitations/${seg(invitationId)}/decline`);

// ---------------------------------------------------------------------------
// Boards, lists, cards, checklists, comments, labels, activity (docs/boards.md)

const boardsOf = (ws) => `workspaces/${seg(ws)}/boards`;
const boardPath = (ws, board) => `${boardsOf(ws)}/${seg(board)}`;
const cardPath = (ws, board, card) => `${boardPath(ws, board)}/cards/${seg(card)}`;

export const listBoards = (ws, { archived = false, cursor = null, limit = 50 } = {}) =>
  authed('GET', withQuery(boardsOf(ws), { archived, cursor, limit }));
export const createBoard = (ws, body) => authed('POST', boardsOf(ws), { body });
export const getBoard = (ws, board) => authed('GET', boardPath(ws, board));
export const updateBoard = (ws, board, patch, version) =>
  authed('PATCH', boardPath(ws, board), { body: patch, headers: ifMatch(version) });
export const deleteBoard = (ws, board) => authed('DELETE', boardPath(ws, board));

export const listBoardMembers = (ws, board) =>
  allPages((cursor) => authed('GET', withQuery(`${boardPath(ws, board)}/members`, { cursor, limit: 200 })));
/** Who can read the board: the mention picker's people. */
export const listBoardReaders = (ws, board) =>
  allPages((cursor) => authed('GET', withQuery(`${boardPath(ws, board)}/readers`, { cursor, limit: 200 })));
export const addBoardMember = (ws, board, accountId) => authed('PUT', `${boardPath(ws, board)}/members/${seg(accountId)}`);
export const removeBoardMember = (ws, board, accountId) => authed('DELETE', `${boardPath(ws, board)}/members/${seg(accountId)}`);

export const createList = (ws, board, body) => authed('POST', `${boardPath(ws, board)}/lists`, { body });
export const updateList = (ws, board, list, patch, version) =>
  authed('PATCH', `${boardPath(ws, board)}/lists/${seg(list)}`, { body: patch, headers: ifMatch(version) });
/** where: {afterListId} or {beforeListId} */
export const moveList = (ws, board, list, where) => authed('POST', `${boardPath(ws, board)}/lists/${seg(list)}/move`, { body: where });

export const createCard = (ws, board, body) => authed('POST', `${boardPath(ws, board)}/cards`, { body });
export const getCard = (ws, board, card) => authed('GET', cardPath(ws, board, card));
export const updateCard = (ws, board, card, patch, version) =>
  authed('PATCH', cardPath(ws, board, card), { body: patch, headers: ifMatch(version) });
/** where: {listId, afterCardId} or {listId, beforeCardId} or {listId} (end of the list) */
export const moveCard = (ws, board, card, where) => authed('POST', `${cardPath(ws, board, card)}/move`, { body: where });
export const listArchivedCards = (ws, board, { cursor = null, limit = 50 } = {}) =>
  authed('GET', withQuery(`${boardPath(ws, board)}/cards`, { archived: true, cursor, limit }));

export const addChecklistItem = (ws, board, card, content) =>
  authed('POST', `${cardPath(ws, board, card)}/checklist`, { body: { content } });
export const updateChecklistItem = (ws, board, card, item, patch, version) =>
  authed('PATCH', `${cardPath(ws, board, card)}/checklist/${seg(item)}`, { body: patch, headers: ifMatch(version) });
export const deleteChecklistItem = (ws, board, card, item) => authed('DELETE', `${cardPath(ws, board, card)}/checklist/${seg(item)}`);

export const listComments = (ws, board, card, { cursor = null, limit = 50 } = {}) =>
  authed('GET', withQuery(`${cardPath(ws, board, card)}/comments`, { cursor, limit }));
export const addComment = (ws, board, card, body) => authed('POST', `${cardPath(ws, board, card)}/comments`, { body: { body } });
export const updateComment = (ws, board, card, comment, body, version) =>
  authed('PATCH', `${cardPath(ws, board, card)}/comments/${seg(comment)}`, { body: { body }, headers: ifMatch(version) });
export const deleteComment = (ws, board, card, comment) => authed('DELETE', `${cardPath(ws, board, card)}/comments/${seg(comment)}`);

export const listLabels = (ws, board) => authed('GET', `${boardPath(ws, board)}/labels`);
export const createLabel = (ws, board, { name, colour }) => authed('POST', `${boardPath(ws, board)}/labels`, { body: { name, colour } });
export const updateLabel = (ws, board, label, patch, version) =>
  authed('PATCH', `${boardPath(ws, board)}/labels/${seg(label)}`, { body: patch, headers: ifMatch(version) });
export const deleteLabel = (ws, board, label) => authed('DELETE', `${boardPath(ws, board)}/labels/${seg(label)}`);

export const listActivity = (ws, board, { cursor = null, cardId = null, limit = 30 } = {}) =>
  authed('GET', withQuery(`${boardPath(ws, board)}/activity`, { cursor, cardId, limit }));

// ---------------------------------------------------------------------------
// Calendar (docs/calendar.md)

const calendarOf = (ws) => `workspaces/${seg(ws)}/calendar`;

/** Events and dated cards in [from, to) — dates or local date-times in tz. */
// My private iCalendar feed: the URL only in the answer that makes it.
export const getCalendarFeed = () => authed('GET', 'me/calendar-feed');
export const issueCalendarFeed = () => authed('POST', 'me/calendar-feed');
export const revokeCalendarFeed = () => authed('DELETE', 'me/calendar-feed');
export const calendarRange = (ws, { from, to, tz }) => authed('GET', withQuery(calendarOf(ws), { from, to, tz }));
export const createEvent = (ws, body) => authed('POST', `${calendarOf(ws)}/events`, { body });
export const getEvent = (ws, event) => authed('GET', `${calendarOf(ws)}/events/${seg(event)}`);
export const updateEvent = (ws, event, patch, version) =>
  authed('PATCH', `${calendarOf(ws)}/events/${seg(event)}`, { body: patch, headers: ifMatch(version) });
export const deleteEvent = (ws, event, version) =>
  authed('DELETE', `${calendarOf(ws)}/events/${seg(event)}`, { headers: ifMatch(version) });

// ---------------------------------------------------------------------------
// Plans and billing (docs/billing.md)

const billingOf = (ws) => `workspaces/${seg(ws)}/billing`;

export const getPlan = (ws) => authed('GET', `workspaces/${seg(ws)}/plan`);
export const getSubscription = (ws) => authed('GET', billingOf(ws));
export const startCheckout = (ws, { plan, period, currency, locale }) =>
  authed('POST', `${billingOf(ws)}/checkout`, { body: { plan, period, currency, locale } });
export const cancelSubscription = (ws) => authed('POST', `${billingOf(ws)}/subscription/cancel`);
export const resumeSubscription = (ws) => authed('POST', `${billingOf(ws)}/subscription/resume`);
/** The newest invoices (one page of up to 200; the plan page shows no more). */
export const listInvoices = async (ws) => (await authed('GET', withQuery(`${billingOf(ws)}/invoices`, { limit: 200 })))?.items ?? [];
export const getPayment = (ws, payment) => authed('GET', `${billingOf(ws)}/payments/${seg(payment)}`);

/** The printable invoice (HTML text, not JSON). */
export async function printableInvoice(ws, invoice, lang) {
  if (!accessToken || Date.now() >= accessExpiresAt) await refreshOrEnd(false);
  const response = await fetch(new URL(withQuery(`${billingOf(ws)}/invoices/${seg(invoice)}/printable`, { lang }), API_BASE), {
    headers: { Accept: 'text/html', Authorization: `Bearer ${accessToken}` },
    cache: 'no-store',
  });
  if (!response.ok) throw new ApiError({ status: response.status });
  return response.text();
}

// Real-time gateway and calls (docs/realtime-protocol.md, docs/calls.md)
export const createRealtimeTicket = () => authed('POST', 'realtime/tickets');
export const getIceServers = () => authed('GET', 'calls/ice-servers');
export const listChannelCalls = (channelId, limit = 10) =>
  authed('GET', `calls?channelId=${encodeURIComponent(channelId)}&limit=${limit}`);

// ---------------------------------------------------------------------------
// Files, thumbnails, voice messages (docs/files.md) and background jobs (docs/jobs.md)

const filesOf = (ws) => `workspaces/${seg(ws)}/files`;
const filePath = (file) => `files/${seg(file)}`;

/** query: {uploader, type, target, q, sort, order, limit, cursor} */
export const listFiles = (ws, query = {}) => authed('GET', withQuery(filesOf(ws), query));
export const getStorageUsage = (ws) => authed('GET', `${filesOf(ws)}/usage`);
export const getFile = (file) => authed('GET', filePath(file));
export const renameFile = (file, name) => authed('PATCH', filePath(file), { body: { name } });
export const deleteFile = (file) => authed('DELETE', filePath(file));
export const convertVoiceMessage = (file) => authed('POST', `${filePath(file)}/conversion`);
export const getJob = (job) => authed('GET', `jobs/${seg(job)}`);

// Gallery (docs/gallery.md): pictures with comments and reactions.
/** query: {target, limit, cursor} */
export const listPictures = (ws, query = {}) => authed('GET', withQuery(`workspaces/${seg(ws)}/gallery`, query));
export const getPicture = (file) => authed('GET', `pictures/${seg(file)}`);
export const listPictureComments = (file, { cursor = null, limit = 50 } = {}) =>
  authed('GET', withQuery(`pictures/${seg(file)}/comments`, { cursor, limit }));
export const addPictureComment = (file, body) => authed('POST', `pictures/${seg(file)}/comments`, { body: { body } });
export const deletePictureComment = (file, comment) => authed('DELETE', `pictures/${seg(file)}/comments/${seg(comment)}`);
export const reactToPicture = (file, code, add) => authed(add ? 'PUT' : 'DELETE', `pictures/${seg(file)}/reactions/${seg(code)}`);

/** The API URL of a file's download (what a download link names); the bytes need the token. */
export function fileContentUrl(file, { download = false } = {}) {
  return new URL(withQuery(`${filePath(file)}/content`, { download }), API_BASE).href;
}

/**
 * A file's bytes as a Blob, with the token (an <img src> or <a href> cannot send it).
 * @param {string} file id
 * @param {'content'|'thumbnail'|'playback'} what
 */
export async function fileBlob(file, what = 'content') {
  if (!accessToken || Date.now() >= accessExpiresAt) await refreshOrEnd(false);
  const url = new URL(withQuery(`${filePath(file)}/${what}`, { download: what === 'content' }), API_BASE);
  let response;
  for (let attempt = 0; attempt < 2; attempt++) {
    const used = accessToken;
    try {
      response = await fetch(url, { headers: { Authorization: `Bearer ${used}` }, credentials: 'same-origin' });
    } catch {
      throw new ApiError({ network: true });
    }
    if (response.status !== 401 || attempt === 1) break;
    if (accessToken === used) await refreshOrEnd(false);
  }
  if (!response.ok) {
    const problem = parseJson(await response.text().catch(() => ''));
    throw new ApiError({ status: response.status, problem: problem && typeof problem === 'object' ? problem : null });
  }
  return response.blob();
}

/**
 * Uploads one file as multipart/form-data with XMLHttpRequest, so the upload's progress can be
 * shown (fetch reports none). Resolves with the File view; rejects with ApiError (status 0 and
 * `aborted` when cancelled).
 * @param {string} ws workspace id
 * @param {Blob} file
 * @param {{name?: string, target?: string, onProgress?: (loaded: number, total: number) => void}} [o]
 * @returns {{promise: Promise<object>, abort: () => void}}
 */
export function uploadFile(ws, file, { name, target, onProgress } = {}) {
  let xhr = null;
  let aborted = false;
  const once = (token) =>
    new Promise((resolve, reject) => {
      xhr = new XMLHttpRequest();
      xhr.open('POST', new URL(withQuery(filesOf(ws), { target }), API_BASE));
      xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
      xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      const lang = languageProvider();
      if (lang) xhr.setRequestHeader('Accept-Language', lang);
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) onProgress?.(event.loaded, event.total);
      });
      xhr.addEventListener('load', () => {
        const json = parseJson(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300 && json) resolve(json);
        else {
          reject(new ApiError({
            status: xhr.status,
            problem: json && typeof json === 'object' ? json : null,
            retryAfterSeconds: parseRetryAfter(xhr.getResponseHeader('Retry-After')),
          }));
        }
      });
      xhr.addEventListener('error', () => reject(new ApiError({ network: true })));
      xhr.addEventListener('abort', () => {
        const err = new ApiError({ status: 0 });
        err.aborted = true;
        reject(err);
      });
      const form = new FormData();
      // A name field before the file part overrides the filename (docs/files.md).
      if (name) form.append('name', name);
      form.append('file', file, name || file.name || 'file');
      xhr.send(form);
    });
  const promise = (async () => {
    if (!accessToken || Date.now() >= accessExpiresAt) await refreshOrEnd(false);
    if (aborted) throw Object.assign(new ApiError({ status: 0 }), { aborted: true });
    const used = accessToken;
    try {
      return await once(used);
    } catch (err) {
      if (!isExpiredAccess(err) || aborted) throw err;
    }
    if (accessToken === used) await refreshOrEnd(false);
    return once(accessToken);
  })();
  return {
    promise,
    abort: () => {
      aborted = true;
      xhr?.abort();
    },
  };
}

// Chat (docs/chat.md)
/** Search the workspace (GET …/search): a page per kind of messages, cards, files, people, boards. */
export const search = (ws, q, { kinds = null, limit = 5, cursor = null } = {}) =>
  authed('GET', withQuery(`workspaces/${seg(ws)}/search`, { q, kinds, limit, cursor }));
export const listChannels = (ws) => allPages((cursor) => authed('GET', withQuery(`workspaces/${seg(ws)}/channels`, { cursor, limit: 200 })));
export const openDirectChannel = (ws, accountIds) => authed('POST', `workspaces/${seg(ws)}/channels/direct`, { body: { accountIds } });
export const getBoardChannel = (board) => authed('GET', `boards/${seg(board)}/channel`);
export const getChannel = (channel) => authed('GET', `channels/${seg(channel)}`);
/** Who reads the channel: the composer's mention picker's people. */
export const listChannelReaders = (channel) =>
  allPages((cursor) => authed('GET', withQuery(`channels/${seg(channel)}/readers`, { cursor, limit: 200 })));
export const listMessages = (channel, { before = null, after = null, thread = null, limit = 50 } = {}) =>
  authed('GET', withQuery(`channels/${seg(channel)}/messages`, { before, after, thread, limit }));
export const markChannelRead = (channel, sequence) => authed('PUT', `channels/${seg(channel)}/read`, { body: { sequence } });

// Notifications (docs/notifications.md)
export const listNotifications = ({ limit = 20, cursor = null, unread = false } = {}) =>
  authed('GET', withQuery('me/notifications', { limit, cursor, unread }));
export const unreadNotificationCount = () => authed('GET', 'me/notifications/unread-count');
export const markNotificationRead = (id) => authed('POST', `me/notifications/${seg(id)}/read`);
export const markAllNotificationsRead = () => authed('POST', 'me/notifications/read-all');

// Workspace channels (docs/chat.md#workspace-channels).
/** The public channels by name, the general channel first. */
export const browseChannels = (ws) =>
  allPages((cursor) => authed('GET', withQuery(`workspaces/${seg(ws)}/channels/browse`, { cursor, limit: 200 }))).then((all) =>
    [...all.filter((c) => c.general), ...all.filter((c) => !c.general)],
  );
export const createChannel = (ws, { name, topic, description, isPrivate, memberIds = [] }) =>
  authed('POST', `workspaces/${seg(ws)}/channels`, { body: { name, topic, description, isPrivate, memberIds } });
/** `version`: the channel's version as read (If-Match); someone's change since answers 409 stale-version with `current`. */
export const updateChannel = (channel, patch, version) => authed('PATCH', `channels/${seg(channel)}`, { body: patch, headers: ifMatch(version) });
export const archiveChannel = (channel, archived, version) =>
  authed('POST', `channels/${seg(channel)}/${archived ? 'archive' : 'unarchive'}`, { headers: ifMatch(version) });
export const joinChannel = (channel) => authed('POST', `channels/${seg(channel)}/join`);
export const leaveChannel = (channel) => authed('POST', `channels/${seg(channel)}/leave`);
export const channelMembers = (channel) => authed('GET', `channels/${seg(channel)}/members`);
export const addChannelMembers = (channel, accountIds) => authed('POST', `channels/${seg(channel)}/members`, { body: { accountIds } });
export const removeChannelMember = (channel, accountId) => authed('DELETE', `channels/${seg(channel)}/members/${seg(accountId)}`);
export const muteChannel = (channel, muted) => authed('PUT', `channels/${seg(channel)}/mute`, { body: { muted } });
export const listIncomingWebhooks = (channel, { cursor = null, limit = 50 } = {}) =>
  authed('GET', withQuery(`channels/${seg(channel)}/incoming-webhooks`, { cursor, limit }));
export const createIncomingWebhook = (channel, name) => authed('POST', `channels/${seg(channel)}/incoming-webhooks`, { body: { name } });
export const replaceIncomingWebhookSecret = (channel, id) => authed('POST', `channels/${seg(channel)}/incoming-webhooks/${seg(id)}/secret`);
export const deleteIncomingWebhook = (channel, id) => authed('DELETE', `channels/${seg(channel)}/incoming-webhooks/${seg(id)}`);

// ---------------------------------------------------------------------------
// Administration (system administrators only; docs/administration.md)

export const listAdminAccounts = ({ q = '', cursor = null, limit = 50 } = {}) =>
  authed('GET', withQuery('admin/accounts', { q: q || null, cursor, limit }));
export const deactivateAccount = (id) => authed('POST', `admin/accounts/${seg(id)}/deactivation`);
export const reactivateAccount = (id) => authed('DELETE', `admin/accounts/${seg(id)}/deactivation`);
export const grantAdministrator = (id) => authed('PUT', `admin/accounts/${seg(id)}/administrator`);
export const revokeAdministrator = (id) => authed('DELETE', `admin/accounts/${seg(id)}/administrator`);
export const listAudit = ({ action = null, cursor = null, limit = 50 } = {}) =>
  authed('GET', withQuery('admin/audit', { action, cursor, limit }));

export const listDeadJobs = ({ queue = null, cursor = null, limit = 50 } = {}) =>
  authed('GET', withQuery('admin/jobs', { queue, cursor, limit }));
export const retryJob = (id) => authed('POST', `admin/jobs/${seg(id)}/retry`);
export const listDeadDeliveries = ({ cursor = null, limit = 50 } = {}) =>
  authed('GET', withQuery('admin/webhook-deliveries', { cursor, limit }));
export const retryDelivery = (id) => authed('POST', `admin/webhook-deliveries/${seg(id)}/retry`);
export const listOutbox = ({ cursor = null, limit = 50 } = {}) => authed('GET', withQuery('admin/outbox', { cursor, limit }));

/** The audit log as a CSV Blob (a link cannot send the token). */
export async function auditCsv({ action = null } = {}) {
  if (!accessToken || Date.now() >= accessExpiresAt) await refreshOrEnd(false);
  const url = new URL(withQuery('admin/audit.csv', { action }), API_BASE);
  let response;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${accessToken}` }, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ network: true });
  }
  if (!response.ok) {
    const problem = parseJson(await response.text().catch(() => ''));
    throw new ApiError({ status: response.status, problem: problem && typeof problem === 'object' ? problem : null });
  }
  return response.blob();
}
