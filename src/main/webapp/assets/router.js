/**
 * Hash routes: "#/w/{workspaceId}/boards/{boardId}?card={cardId}".
 *
 * A route is a pattern of literal segments and ":name" parameters. Matching
 * decodes every parameter; the part after "?" is a URLSearchParams. Routes
 * are matched in order, so more specific patterns come first.
 */

/** The current location's route: path segments (decoded) and query. */
export function currentLocation() {
  const raw = location.hash.replace(/^#\/?/, '');
  const at = raw.indexOf('?');
  const path = at < 0 ? raw : raw.slice(0, at);
  const query = new URLSearchParams(at < 0 ? '' : raw.slice(at + 1));
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  return { segments, query, path };
}

/**
 * @param {string} pattern e.g. "w/:ws/boards/:board"
 * @param {string[]} segments
 * @returns {Object<string, string>|null} the parameters, or null when it does not match
 */
export function match(pattern, segments) {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return null;
  const params = {};
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].startsWith(':')) params[parts[i].slice(1)] = segments[i];
    else if (parts[i] !== segments[i]) return null;
  }
  return params;
}

/** "#/w/abc/boards" from ('w', 'abc', 'boards'), each segment encoded. */
export function href(...segments) {
  return `#/${segments.map((s) => encodeURIComponent(s)).join('/')}`;
}

/** Href with a query, e.g. hrefWithQuery(['w', id, 'boards', b], {card: c}). */
export function hrefWithQuery(segments, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value != null) query.set(name, value);
  const text = query.toString();
  return href(...segments) + (text ? `?${text}` : '');
}

/** Goes to a hash route; replace=true leaves no history entry (redirects). */
export function navigate(target, { replace = false } = {}) {
  if (location.hash === target) return;
  if (replace) {
    history.replaceState(history.state, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = target;
  }
}
