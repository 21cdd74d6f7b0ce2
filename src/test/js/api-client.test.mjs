// The browser app's API client (assets/api.js) against a scripted fetch: tokens, one refresh on
// an expired access token shared by concurrent requests, problems as errors, and paging.
import { test, beforeEach, after } from 'node:test';
import assert from 'node:assert/strict';

const storage = new Map();
globalThis.localStorage = {
  getItem: (key) => (storage.has(key) ? storage.get(key) : null),
  setItem: (key, value) => storage.set(key, String(value)),
  removeItem: (key) => storage.delete(key),
};
globalThis.navigator ??= {};

/** The requests the client made, and the answers the script gives them in turn. */
let requests = [];
let answer = () => json(500, {});
globalThis.fetch = async (url, init) => {
  const request = { url: new URL(url), method: init.method, headers: init.headers, body: init.body ? JSON.parse(init.body) : undefined };
  requests.push(request);
  return answer(request);
};

function json(status, body, headers = {}) {
  return new Response(body === null ? '' : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json', ...headers },
  });
}

const api = await import('../../main/webapp/assets/api.js');
const tokens = (n) => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn: 900 });

beforeEach(() => {
  requests = [];
  api.clearSession();
});
after(() => api.clearSession());

test('signing in keeps the refresh token, and later requests carry the access token and the language', async () => {
  api.setLanguageProvider(() => 'ko');
  answer = (r) => (r.url.pathname.endsWith('/auth/login') ? json(200, tokens(1)) : json(200, { items: [], nextCursor: null }));
  await api.login('ann@example.com', 'secret words');
  assert.equal(localStorage.getItem('moim.refresh'), 'refresh-1');
  await api.listChannels('w1');
  const listed = requests.at(-1);
  assert.equal(listed.headers.Authorization, 'Bearer access-1');
  assert.equal(listed.headers['Accept-Language'], 'ko');
  assert.ok(listed.url.pathname.endsWith('/api/v1/workspaces/w1/channels'), listed.url.pathname);
  assert.equal(listed.url.searchParams.get('limit'), '200', 'my channels are read a page of 200 at a time');
  api.setLanguageProvider(() => null);
});

test('an expired access token is refreshed once for requests in flight together, and each is sent again', async () => {
  answer = (r) => (r.url.pathname.endsWith('/auth/login') ? json(200, tokens(1)) : json(200, {}));
  await api.login('ann@example.com', 'secret words');
  let refreshes = 0;
  answer = (r) => {
    if (r.url.pathname.endsWith('/auth/refresh')) {
      refreshes++;
      assert.deepEqual(r.body, { refreshToken: 'refresh-1' });
      return json(200, tokens(2));
    }
    return r.headers.Authorization === 'Bearer access-2'
      ? json(200, { items: [{ id: r.url.pathname }], nextCursor: null })
      : json(401, { type: '/problems/unauthorized', status: 401 });
  };
  const [one, two] = await Promise.all([api.listChannels('w1'), api.listChannels('w2')]);
  assert.equal(refreshes, 1, 'one refresh for both');
  assert.equal(one.length, 1);
  assert.equal(two.length, 1);
  assert.equal(localStorage.getItem('moim.refresh'), 'refresh-2', 'the rotated token is kept');
});

test('a refresh token the server refuses ends the session once and forgets it', async () => {
  localStorage.setItem('moim.refresh', 'refresh-old');
  let ended = 0;
  api.onSessionEnded(() => ended++);
  answer = () => json(401, { type: '/problems/invalid-refresh-token', status: 401 });
  await assert.rejects(api.listChannels('w1'), (err) => err.sessionEnded === true && err.status === 401);
  assert.equal(ended, 1);
  assert.equal(localStorage.getItem('moim.refresh'), null);
});

test('a problem answer becomes an ApiError with its type, field errors and Retry-After', async () => {
  answer = (r) => (r.url.pathname.endsWith('/auth/login') ? json(200, tokens(1))
    : json(429, { type: '/problems/rate-limited', status: 429, title: 'Too many requests',
      errors: [{ field: 'text', message: 'too fast' }] }, { 'Retry-After': '7' }));
  await api.login('ann@example.com', 'secret words');
  await assert.rejects(api.listChannels('w1'), (err) => {
    assert.ok(err instanceof api.ApiError);
    assert.equal(err.status, 429);
    assert.equal(err.type, 'rate-limited');
    assert.deepEqual(err.fieldErrors, [{ field: 'text', message: 'too fast' }]);
    assert.ok(err.secondsUntilRetry() >= 6 && err.secondsUntilRetry() <= 7);
    return true;
  });
});

test('no answer at all is a network error, not a session end', async () => {
  answer = (r) => (r.url.pathname.endsWith('/auth/login') ? json(200, tokens(1)) : Promise.reject(new TypeError('offline')));
  await api.login('ann@example.com', 'secret words');
  await assert.rejects(api.listChannels('w1'), (err) => err.network === true && !api.isSessionGone(err));
  assert.equal(localStorage.getItem('moim.refresh'), 'refresh-1');
});

test('allPages follows nextCursor until the last page, and stops at the page bound', async () => {
  const cursors = [];
  const all = await api.allPages(async (cursor) => {
    cursors.push(cursor);
    const page = cursors.length;
    return { items: [page * 10, page * 10 + 1], nextCursor: page < 3 ? `c${page}` : null };
  });
  assert.deepEqual(cursors, [null, 'c1', 'c2']);
  assert.deepEqual(all, [10, 11, 20, 21, 30, 31]);
  let calls = 0;
  const bounded = await api.allPages(async () => ({ items: [++calls], nextCursor: 'again' }), 4);
  assert.deepEqual(bounded, [1, 2, 3, 4]);
});
