/**
 * The signed-in user's profile (GET /me shape), observable so the header,
 * welcome heading and forms stay in sync after a PATCH.
 */
let me = null;
const subscribers = new Set();

export function getMe() {
  return me;
}

export function setMe(next) {
  me = next;
  subscribers.forEach((fn) => fn(me));
}

/** Calls fn now (if signed in) and on every change; returns an unsubscribe function. */
export function subscribe(fn) {
  subscribers.add(fn);
  if (me) fn(me);
  return () => subscribers.delete(fn);
}

export function clearMe() {
  me = null;
}
