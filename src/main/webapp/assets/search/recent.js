/**
 * Places opened lately from search or the quick switcher (boards, conversations, people,
 * workspaces), kept in this browser so the switcher lists them first. Newest first, at most 20.
 */
const KEY = 'moim.recent';
const MAX = 20;

/** @returns {Array<{key: string, at: number}>} */
export function recentItems() {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((item) => typeof item?.key === 'string') : [];
  } catch {
    return [];
  }
}

/** Remembers that the item with this key ("board:<id>", "channel:<id>", …) was opened now. */
export function rememberRecent(key) {
  const list = recentItems().filter((item) => item.key !== key);
  list.unshift({ key, at: Date.now() });
  try {
    localStorage.setItem(KEY, JSON.stringify(list.slice(0, MAX)));
  } catch {
    // Storage full or disabled: the switcher simply has no recent items.
  }
}

/** Position of the key among recent items (0 = latest), or -1. */
export function recentRank(key, list = recentItems()) {
  return list.findIndex((item) => item.key === key);
}
