/**
 * The header's search box: searches the open workspace (GET …/search) as one types, shows the
 * results grouped by kind in a list box under it, and opens a result where it lives (a message
 * scrolled to and highlighted in its conversation, a card in its board's dialog). A combobox:
 * ArrowDown/ArrowUp move through the results, Enter opens one, Escape closes. REST only, so it
 * works while the WebSocket is down.
 */
import * as api from '../api.js';
import { bind, formatRelative, t, tx } from '../i18n.js';
import { h } from '../dom.js';
import { href, hrefWithQuery, navigate } from '../router.js';
import { rememberRecent } from './recent.js';

const KINDS = ['messages', 'cards', 'boards', 'files', 'people'];
const DELAY_MS = 250;
const MIN = 2;
const MAX = 100;

/** Where a hit opens, and the recent-item key it leaves behind (null: none). */
function target(ws, kind, hit) {
  switch (kind) {
    case 'messages':
      return { href: hrefWithQuery(['w', ws, 'chat', hit.channelId], { seq: hit.sequence }), recent: `channel:${hit.channelId}` };
    case 'cards':
      return { href: hrefWithQuery(['w', ws, 'boards', hit.boardId], { card: hit.id }), recent: `board:${hit.boardId}` };
    case 'boards':
      return { href: href('w', ws, 'boards', hit.id), recent: `board:${hit.id}` };
    case 'files':
      return { href: hrefWithQuery(['w', ws, 'files'], { q: hit.name }), recent: null };
    default:
      return { href: href('w', ws, 'members'), recent: null };
  }
}

/** Where a message hit was written: the board's or the workspace channel's name, else a direct conversation. */
function placeLabel(hit) {
  if (hit.channelKind === 'BOARD') return `# ${hit.boardName ?? ''}`;
  if (hit.channelKind === 'WORKSPACE') return `# ${hit.channelName ?? ''}`;
  return t('search.direct');
}

function hitContent(kind, hit) {
  switch (kind) {
    case 'messages':
      return [
        h('span', { class: 'search-hit-title', text: hit.excerpt ?? '' }),
        // Bound, so a language switch while the list is open translates it too.
        bind(h('span', { class: 'search-hit-meta' }), {
          text: () => [hit.senderName, placeLabel(hit), formatRelative(hit.createdAt)].filter(Boolean).join(' · '),
        }),
      ];
    case 'cards':
      return [
        h('span', { class: 'search-hit-title', text: hit.title }),
        h('span', { class: 'search-hit-meta', text: [hit.boardName, hit.excerpt].filter(Boolean).join(' · ') }),
      ];
    case 'boards':
      return [h('span', { class: 'search-hit-title', text: hit.name }), hit.archived ? h('span', { class: 'search-hit-meta', i18n: 'search.archived' }) : null];
    case 'files':
      return [h('span', { class: 'search-hit-title', text: hit.name }), h('span', { class: 'search-hit-meta', text: hit.contentType })];
    default:
      return [h('span', { class: 'search-hit-title', text: hit.displayName }), h('span', { class: 'search-hit-meta', text: hit.email })];
  }
}

/**
 * @param {{workspaceId: () => string|null}} o the workspace open now (null: the box is disabled)
 * @returns {{el: HTMLElement, setWorkspace: (id: string|null) => void, focus: () => void, cleanup: () => void}}
 */
export function searchBox({ workspaceId }) {
  const input = h('input', {
    type: 'search',
    class: 'search-input',
    testid: 'search-input',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: String(MAX),
    'aria-expanded': 'false',
    'aria-controls': 'search-results',
    'aria-autocomplete': 'list',
    i18nAttrs: { placeholder: 'search.placeholder', 'aria-label': 'search.label' },
  });
  const results = h('div', { class: 'search-results', id: 'search-results', role: 'listbox', testid: 'search-results', hidden: true });
  bind(results, { attrs: { 'aria-label': tx('search.results') } });
  const el = h('div', { class: 'search-box', role: 'search', i18nAttrs: { 'aria-label': 'search.label' } }, h('span', { class: 'search-icon', 'aria-hidden': 'true', text: '⌕' }), input, results);

  let timer = null;
  let seq = 0;
  let options = [];
  let active = -1;

  function close() {
    results.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function show(children) {
    results.replaceChildren(...children);
    results.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function setActive(index) {
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    active = index;
    if (index >= 0 && options[index]) {
      input.setAttribute('aria-activedescendant', options[index].id);
      options[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function open(option) {
    if (!option) return;
    if (option.dataset.recent) rememberRecent(option.dataset.recent);
    close();
    input.blur();
    navigate(option.getAttribute('href'));
  }

  function render(ws, answer) {
    options = [];
    const groups = [];
    for (const kind of KINDS) {
      const items = answer[kind]?.items ?? [];
      if (!items.length) continue;
      const headingId = `search-group-${kind}`;
      const list = h('div', { role: 'group', 'aria-labelledby': headingId, class: 'search-group', testid: `search-group-${kind}` },
        h('p', { class: 'search-group-label', id: headingId, i18n: `search.kind.${kind}` }));
      for (const hit of items) {
        const where = target(ws, kind, hit);
        const option = h('a', {
          class: 'search-hit',
          role: 'option',
          id: `search-hit-${options.length}`,
          href: where.href,
          tabindex: '-1',
          testid: `search-hit-${kind}`,
          'aria-selected': 'false',
          dataset: { recent: where.recent ?? '' },
        }, hitContent(kind, hit));
        option.addEventListener('click', (event) => {
          event.preventDefault();
          open(option);
        });
        option.addEventListener('mousedown', (event) => event.preventDefault());
        options.push(option);
        list.append(option);
      }
      groups.push(list);
    }
    show(groups.length ? groups : [h('p', { class: 'search-empty', testid: 'search-empty', text: t('search.none', { query: answer.query }) })]);
  }

  async function run() {
    const ws = workspaceId();
    const q = input.value.trim();
    const mine = ++seq;
    if (!ws || [...q].length < MIN) {
      if (q.length) show([h('p', { class: 'search-empty', text: t('search.tooShort', { min: MIN }) })]);
      else close();
      options = [];
      return;
    }
    results.setAttribute('aria-busy', 'true');
    try {
      const answer = await api.search(ws, q, { limit: 5 });
      if (mine !== seq) return;
      render(ws, answer);
    } catch (err) {
      if (mine !== seq || err.sessionEnded) return;
      options = [];
      show([h('p', { class: 'search-empty search-error', role: 'alert', text: t(err.status === 400 ? 'search.invalid' : 'search.failed') })]);
    } finally {
      if (mine === seq) results.removeAttribute('aria-busy');
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, DELAY_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!options.length) return;
      event.preventDefault();
      if (results.hidden) show([...results.childNodes]);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + options.length) % options.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(timer);
      if (active >= 0) open(options[active]);
      else if (options.length) open(options[0]);
      else run();
    } else if (event.key === 'Escape') {
      if (!results.hidden) {
        event.preventDefault();
        close();
      } else {
        input.value = '';
      }
    }
  });
  input.addEventListener('focus', () => {
    if (options.length) show([...results.childNodes]);
  });
  input.addEventListener('blur', () => setTimeout(() => {
    if (!el.contains(document.activeElement)) close();
  }, 150));

  let shownFor;
  /** Another workspace (or none): what was found belongs to the previous one. */
  function setWorkspace(id) {
    if (id === shownFor) return;
    shownFor = id;
    input.disabled = !id;
    if (!id) input.value = '';
    close();
    results.replaceChildren();
    seq++;
    options = [];
  }
  setWorkspace(workspaceId());

  return {
    el,
    setWorkspace,
    focus: () => input.focus(),
    cleanup() {
      clearTimeout(timer);
      seq++;
    },
  };
}
