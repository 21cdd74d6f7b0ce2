// The sign-in page's first load, as headless Chromium sees it through the DevTools protocol:
// every request of a cold load (empty cache) with the bytes that crossed the network (encoded:
// compressed bodies plus headers) and the bytes the page got (decoded bodies), then a warm load
// in the same browser (what came from its cache, what was revalidated with a 304, what was
// fetched again). Prints Markdown (docs/performance.md, "First load").
//
//   node --experimental-websocket bench/first-load.mjs http://127.0.0.1:18089/ [chromium]
//
// Node 20.10 or later (its WebSocket client; built in from Node 22). bench/first-load.sh starts
// Moim and runs this. Exits non-zero when the page does not reach the sign-in card.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, chromium = 'chromium'] = process.argv.slice(2);
if (!url) {
  console.error('usage: first-load.mjs <url> [chromium]');
  process.exit(2);
}
const profile = mkdtempSync(join(tmpdir(), 'moim-first-load-'));
const browser = spawn(chromium, [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-default-browser-check',
  '--disable-background-networking', '--disable-extensions', '--disable-component-update',
  '--remote-debugging-port=0', `--user-data-dir=${profile}`, '--window-size=1280,900', '--lang=en-US', 'about:blank',
], { stdio: ['ignore', 'ignore', 'pipe'] });

function finish(code) {
  browser.kill();
  try {
    rmSync(profile, { recursive: true, force: true });
  } catch {
    /* chromium may still hold it; the temp folder is cleaned by the system */
  }
  process.exit(code);
}
const guard = setTimeout(() => {
  console.error('first-load: gave up after 120 s');
  finish(1);
}, 120_000);

const browserEndpoint = await new Promise((resolve, reject) => {
  let text = '';
  browser.stderr.on('data', (chunk) => {
    text += chunk;
    const found = /DevTools listening on (ws:\/\/\S+)/.exec(text);
    if (found) resolve(found[1]);
  });
  browser.on('exit', (code) => reject(new Error(`chromium exited (${code}): ${text}`)));
});
const debugPort = new URL(browserEndpoint).port;
const targets = await (await fetch(`http://127.0.0.1:${debugPort}/json/list`)).json();
const pageTarget = targets.find((t) => t.type === 'page');

const socket = new WebSocket(pageTarget.webSocketDebuggerUrl);
await new Promise((resolve, reject) => {
  socket.onopen = resolve;
  socket.onerror = reject;
});
let nextId = 1;
const pending = new Map();
const listeners = [];
socket.onmessage = (message) => {
  const data = JSON.parse(message.data);
  if (data.id && pending.has(data.id)) {
    const { resolve, reject } = pending.get(data.id);
    pending.delete(data.id);
    if (data.error) reject(new Error(JSON.stringify(data.error)));
    else resolve(data.result);
  } else if (data.method) {
    for (const listener of listeners) listener(data.method, data.params);
  }
};
function send(method, params = {}) {
  const id = nextId++;
  socket.send(JSON.stringify({ id, method, params }));
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}

/** Every request of one load: url, status, how it was served, bytes over the wire and decoded. */
let requests = new Map();
listeners.push((method, params) => {
  if (method === 'Network.requestWillBeSent') {
    requests.set(params.requestId, { url: params.request.url, status: null, cache: false, encoded: 0, decoded: 0, done: false });
  }
  const request = requests.get(params?.requestId);
  if (!request) return;
  if (method === 'Network.requestServedFromCache') request.cache = true;
  if (method === 'Network.responseReceived') {
    request.status = params.response.status;
    if (params.response.fromDiskCache || params.response.fromPrefetchCache) request.cache = true;
  }
  // The status on the wire: a revalidated response is reported above with the cached one's 200.
  if (method === 'Network.responseReceivedExtraInfo') request.wireStatus = params.statusCode;
  if (method === 'Network.dataReceived') request.decoded += params.dataLength;
  if (method === 'Network.loadingFinished') {
    request.encoded = params.encodedDataLength;
    request.done = true;
  }
  if (method === 'Network.loadingFailed') request.done = true;
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function evaluate(expression) {
  const { result } = await send('Runtime.evaluate', { expression, returnByValue: true });
  return result.value;
}

/** Opens the url and waits for the sign-in card and then for the network to be quiet for 1 s. */
async function load() {
  requests = new Map();
  await send('Page.navigate', { url });
  const until = Date.now() + 60_000;
  while ((await evaluate("document.body?.dataset.state ?? ''")) !== 'signed-out') {
    if (Date.now() > until) throw new Error(`the sign-in page did not appear (state ${await evaluate('document.body?.dataset.state')})`);
    await sleep(100);
  }
  let quietSince = Date.now();
  while (Date.now() - quietSince < 1000) {
    await sleep(100);
    if ([...requests.values()].some((r) => !r.done)) quietSince = Date.now();
  }
  if (!(await evaluate("!!document.querySelector('[data-testid=login-submit]')"))) throw new Error('no sign-in form');
  return [...requests.values()].map((r) => ({ ...r, status: r.wireStatus ?? r.status }));
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const path = (full) => {
  const u = new URL(full);
  return u.pathname.replace(/\/assets\/v\/[0-9a-f]+\//, '/assets/v/…/') + u.search;
};

try {
  await send('Network.enable');
  await send('Page.enable');
  await send('Network.clearBrowserCache');
  await send('Page.navigate', { url: 'about:blank' });

  const cold = await load();
  await send('Page.navigate', { url: 'about:blank' });
  await sleep(300);
  const warm = await load();

  const sum = (list, field) => list.reduce((total, r) => total + r[field], 0);
  console.log(`Cold load of ${url} (empty cache): ${cold.length} requests, ${kb(sum(cold, 'encoded'))} transferred `
    + `(bodies as sent plus headers), ${kb(sum(cold, 'decoded'))} of decoded bodies.`);
  const cached = warm.filter((r) => r.cache);
  const revalidated = warm.filter((r) => !r.cache && r.status === 304);
  const fetched = warm.filter((r) => !r.cache && r.status !== 304);
  console.log(`Warm load (same browser): ${warm.length} requests: ${cached.length} from the cache, `
    + `${revalidated.length} revalidated (304), ${fetched.length} fetched; ${kb(sum(warm, 'encoded'))} transferred.`);
  console.log();
  console.log('| request (cold) | status | transferred | decoded | warm load |');
  console.log('|---|---|---|---|---|');
  for (const r of cold) {
    const again = warm.find((w) => w.url === r.url);
    const how = !again ? 'not requested' : again.cache ? 'cache' : again.status === 304 ? '304' : `${again.status}, ${kb(again.encoded)}`;
    console.log(`| ${path(r.url)} | ${r.status ?? 'failed'} | ${kb(r.encoded)} | ${kb(r.decoded)} | ${how} |`);
  }
  console.log(`| total | | ${kb(sum(cold, 'encoded'))} | ${kb(sum(cold, 'decoded'))} | |`);
  clearTimeout(guard);
  finish(0);
} catch (err) {
  console.error(`first-load: ${err.message}`);
  finish(1);
}
