/**
 * The quick switcher: Ctrl+K (⌘K on a Mac), or "/" when not typing in a field, opens a dialog
 * to jump to a board, a conversation, a person (their direct conversation) or a workspace by
 * typing part of its name. Places opened lately come first. Everything is read over REST when
 * it opens, so it works while the WebSocket is down.
 */
import * as api from '../api.js';
import { bind, t, tx } from '../i18n.js';
import { h } from '../dom.js';
import { href, navigate } from '../router.js';
import { can, workspaces } from '../workspaces.js';
import { openDialog } from '../views/ui.js';
import { recentItems, recentRank, rememberRecent } from './recent.js';

const MAX_SHOWN = 30;
const KIND_ORDER = { board: 0, channel: 1, person: 2, workspace: 3 };

/** True when a key press belongs to a field the person is typing in. */
function typing(target) {
  return target instanceof HTMLElement
    && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Everything one may jump to: workspaces always; the open workspace's boards, conversations and people. */
async function loadItems(ws, me) {
  const items = workspaces().map((w) => ({ key: `workspace:${w.id}`, kind: 'workspace', label: w.name, href: href('w', w.id, 'boards') }));
  if (!ws) return items;
  const workspace = workspaces().find((w) => w.id === ws);
  const [boards, channels, members] = await Promise.all([
    api.allPages((cursor) => api.listBoards(ws, { cursor, limit: 200 }), 5).catch(() => []),
    api.listChannels(ws).catch(() => []),
    workspace && can(workspace.myRole, 'LIST_MEMBERS') ? api.listMembers(ws).catch(() => []) : Promise.resolve([]),
  ]);
  const boardList = Array.isArray(boards) ? boards : boards.items ?? [];
  const boardNames = new Map(boardList.map((b) => [b.id, b.name]));
  const people = Array.isArray(members) ? members : members.items ?? [];
  const names = new Map(people.map((m) => [m.accountId ?? m.id, m.displayName]));
  for (const board of boardList) {
    items.push({ key: `board:${board.id}`, kind: 'board', label: board.name, href: href('w', ws, 'boards', board.id) });
  }
  for (const channel of Array.isArray(channels) ? channels : channels.items ?? []) {
    const label = channel.kind === 'BOARD'
      ? t('chat.boardChannel', { name: boardNames.get(channel.boardId) ?? t('chat.boardChat') })
      : channel.kind === 'WORKSPACE'
        ? `# ${channel.name}`
        : (channel.memberIds ?? []).filter((id) => id !== me).map((id) => names.get(id) ?? t('common.someone')).join(', ') || t('chat.title');
    items.push({ key: `channel:${channel.id}`, kind: 'channel', label, href: href('w', ws, 'chat', channel.id) });
  }
  for (const person of people) {
    const id = person.accountId ?? person.id;
    if (id === me) continue;
    items.push({ key: `person:${id}`, kind: 'person', label: person.displayName, detail: person.email, accountId: id, workspaceId: ws });
  }
  return items;
}

/** Items matching the text (any part of the name, case-insensitive), recent ones first. */
export function rank(items, text, recent = recentItems()) {
  const q = text.trim().toLocaleLowerCase();
  return items
    .filter((item) => !q || item.label.toLocaleLowerCase().includes(q) || item.detail?.toLocaleLowerCase().includes(q))
    .map((item) => ({ item, recent: recentRank(item.key, recent) }))
    .sort((a, b) => {
      if ((a.recent >= 0) !== (b.recent >= 0)) return a.recent >= 0 ? -1 : 1;
      if (a.recent >= 0) return a.recent - b.recent;
      const starts = Number(!a.item.label.toLocaleLowerCase().startsWith(q)) - Number(!b.item.label.toLocaleLowerCase().startsWith(q));
      return starts || KIND_ORDER[a.item.kind] - KIND_ORDER[b.item.kind] || a.item.label.localeCompare(b.item.label);
    })
    .slice(0, MAX_SHOWN)
    .map((entry) => ({ ...entry.item, isRecent: entry.recent >= 0 }));
}

/**
 * Installs the shortcuts.
 * @param {{workspaceId: () => string|null, me: () => string|null}} o
 * @returns {{open: () => void, cleanup: () => void}}
 */
export function quickSwitcher({ workspaceId, me }) {
  let current = null;

  function open() {
    if (current) return;
    const input = h('input', {
      type: 'text',
      class: 'input qs-input',
      testid: 'quick-switcher-input',
      role: 'combobox',
      autocomplete: 'off',
      'aria-expanded': 'true',
      'aria-controls': 'qs-list',
      'aria-autocomplete': 'list',
      i18nAttrs: { placeholder: 'quickSwitcher.placeholder', 'aria-label': 'quickSwitcher.label' },
    });
    const list = h('ul', { class: 'qs-list', id: 'qs-list', role: 'listbox', testid: 'quick-switcher-list' });
    bind(list, { attrs: { 'aria-label': tx('quickSwitcher.title') } });
    const status = h('p', { class: 'qs-status muted', testid: 'quick-switcher-status', 'aria-live': 'polite', text: t('common.loading') });
    const hint = h('p', { class: 'qs-hint muted', i18n: 'quickSwitcher.hint' });
    const dialog = openDialog({
      title: tx('quickSwitcher.title'),
      body: h('div', { class: 'qs' }, input, status, list, hint),
      testid: 'quick-switcher',
      size: 'qs-dialog',
      onClose: () => { current = null; },
    });
    current = dialog;
    let items = [];
    let shown = [];
    let active = 0;

    function setActive(index) {
      active = index;
      [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
      const li = list.children[index];
      if (li) {
        input.setAttribute('aria-activedescendant', li.id);
        li.scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function renderList() {
      shown = rank(items, input.value);
      list.replaceChildren(...shown.map((item, i) => {
        const li = h('li', {
          class: 'qs-item',
          role: 'option',
          id: `qs-item-${i}`,
          testid: 'quick-switcher-item',
          dataset: { key: item.key, kind: item.kind },
          'aria-selected': 'false',
        },
        h('span', { class: `qs-kind qs-kind-${item.kind}`, text: t(`quickSwitcher.kind.${item.kind}`) }),
        h('span', { class: 'qs-label', text: item.label }),
        item.isRecent ? h('span', { class: 'qs-recent', text: t('quickSwitcher.recent') }) : null);
        li.addEventListener('mousedown', (event) => event.preventDefault());
        li.addEventListener('click', () => choose(item));
        return li;
      }));
      status.textContent = shown.length ? '' : t('quickSwitcher.none');
      status.hidden = shown.length > 0;
      setActive(shown.length ? 0 : -1);
    }

    async function choose(item) {
      if (!item) return;
      rememberRecent(item.key);
      if (item.kind === 'person') {
        try {
          const channel = await api.openDirectChannel(item.workspaceId, [item.accountId]);
          dialog.close();
          navigate(href('w', item.workspaceId, 'chat', channel.id));
        } catch (err) {
          status.hidden = false;
          status.textContent = t('quickSwitcher.failed');
        }
        return;
      }
      dialog.close();
      navigate(item.href);
    }

    input.addEventListener('input', renderList);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (!shown.length) return;
        setActive((active + (event.key === 'ArrowDown' ? 1 : -1) + shown.length) % shown.length);
      } else if (event.key === 'Enter') {
        event.preventDefault();
        choose(shown[active]);
      }
    });
    input.focus();
    loadItems(workspaceId(), me())
      .then((loaded) => {
        items = loaded;
        if (current === dialog) renderList();
      })
      .catch(() => {
        status.textContent = t('quickSwitcher.failed');
      });
  }

  const onKey = (event) => {
    const k = event.key?.toLowerCase();
    if ((event.ctrlKey || event.metaKey) && !event.altKey && k === 'k') {
      event.preventDefault();
      open();
    } else if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target) && !document.querySelector('dialog[open]')) {
      event.preventDefault();
      open();
    }
  };
  document.addEventListener('keydown', onKey);
  return {
    open,
    cleanup() {
      document.removeEventListener('keydown', onKey);
      current?.close();
    },
  };
}
