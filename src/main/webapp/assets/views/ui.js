/**
 * Building blocks the workspace, board and calendar pages share: page
 * headers, a status line with retry, modal dialogs (native <dialog>: the page
 * behind is inert, Tab goes round inside, Escape closes and the focus returns),
 * workspace avatars and role names.
 */
import { bind, tx } from '../i18n.js';
import { h, initialOf, withBusy } from '../dom.js';
import { describeError } from '../forms.js';
import { showToast } from './common.js';
import { icon } from '../icons.js';

/**
 * The h1 (focusable, so route changes can move focus to it) and a subtitle.
 * @param {object} o
 * @param {() => string} o.title producer
 * @param {(() => string)|null} [o.subtitle]
 * @param {Node[]} [o.actions] buttons/links at the right
 * @param {string} [o.testid] of the h1
 */
export function pageHeader({ title, subtitle = null, actions = [], testid = 'page-title' }) {
  const heading = bind(h('h1', { class: 'page-title', tabindex: '-1', testid }), { text: title });
  const sub = subtitle ? bind(h('p', { class: 'page-subtitle' }), { text: subtitle }) : null;
  return h(
    'div',
    { class: `page-header${actions.length ? ' page-header-actions' : ''}` },
    h('div', { class: 'page-header-text' }, heading, sub),
    actions.length ? h('div', { class: 'panel-actions' }, actions) : null,
  );
}

/**
 * A status line (loading, empty, error with "Try again").
 * @returns {{el: HTMLElement, set: (message: (() => string)|null, o?: {retry?: () => void, variant?: string}) => void}}
 */
export function statusLine(testid) {
  const el = h('div', { class: 'panel-status', role: 'status', 'aria-live': 'polite', testid });
  function set(message, { retry = null, variant = 'muted' } = {}) {
    el.dataset.variant = variant;
    if (!message) {
      el.replaceChildren();
      return;
    }
    const text = bind(h('span'), { text: message });
    if (retry) {
      el.replaceChildren(text, ' ', h('button', { type: 'button', class: 'link', i18n: 'common.retry', on: { click: retry } }));
    } else {
      el.replaceChildren(text);
    }
  }
  return { el, set };
}

/** Shows an API failure as an error toast (nothing when the session just ended). */
export function toastError(err) {
  if (err?.sessionEnded) return;
  if (!err?.status && !err?.network) console.error(err);
  showToast(describeError(err), { variant: 'error' });
}

/** A workspace's avatar: its emoji/short text, else the initial of its name. */
export function workspaceAvatar(workspace, size = '') {
  const text = workspace?.avatar ? Array.from(workspace.avatar).slice(0, 2).join('') : initialOf(workspace?.name);
  return h('span', { class: `ws-avatar ${size}`.trim(), 'aria-hidden': 'true', text });
}

/** A person's initial in a circle; the name is the tooltip. */
export function personAvatar(name, { small = false } = {}) {
  return h('span', { class: `avatar${small ? ' avatar-sm' : ''}`, title: name || null, 'aria-hidden': 'true', text: initialOf(name) });
}

/** Translated role name producer, e.g. role.OWNER → "Owner" / "소유자". */
export function roleName(role) {
  return tx(`role.${role}`);
}

export function roleBadge(role) {
  return h('span', { class: `badge badge-role badge-${String(role).toLowerCase()}`, i18n: `role.${role}`, testid: 'role-badge' });
}

let dialogSeq = 0;

/**
 * A modal dialog built on <dialog>. The body is any node; actions are buttons
 * appended to the footer. Tab and Shift+Tab stay inside it. Closing (Escape,
 * the × button or close()) restores focus to whatever had it before. Returns handles to drive it.
 * @param {object} o
 * @param {() => string} o.title producer
 * @param {Node|Node[]} o.body
 * @param {Node[]} [o.actions]
 * @param {string} [o.testid]
 * @param {string} [o.size] '' | 'dialog-wide'
 * @param {() => void} [o.onClose]
 */
export function openDialog({ title, body, actions = [], testid = 'dialog', size = '', onClose = null }) {
  const id = `dialog-title-${++dialogSeq}`;
  const previous = document.activeElement;
  const close = h('button', {
    type: 'button',
    class: 'dialog-close',
    testid: `${testid}-close`,
    i18nAttrs: { 'aria-label': 'common.close', title: 'common.close' },
    text: '×',
  });
  const dialog = h(
    'dialog',
    { class: `dialog ${size}`.trim(), 'aria-labelledby': id, testid },
    h('header', { class: 'dialog-header' }, bind(h('h2', { class: 'dialog-title', id }), { text: title }), close),
    h('div', { class: 'dialog-body' }, body),
    actions.length ? h('footer', { class: 'dialog-actions' }, actions) : null,
  );
  let closed = false;
  function finish() {
    if (closed) return;
    closed = true;
    dialog.remove();
    onClose?.();
    if (previous?.isConnected) previous.focus({ preventScroll: true });
  }
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', finish);
  // A click on the backdrop (the dialog element itself, outside its box) closes it.
  dialog.addEventListener('mousedown', (event) => {
    if (event.target === dialog) {
      const r = dialog.getBoundingClientRect();
      const inside = event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom;
      if (!inside) dialog.close();
    }
  });
  // Tab and Shift+Tab go round inside the dialog: a modal <dialog> alone lets the focus leave
  // the page for the browser's own controls after its last button.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const stops = tabStops(dialog);
    if (!stops.length) return;
    const at = stops.indexOf(document.activeElement);
    if (at < 0 && document.activeElement !== dialog && dialog.contains(document.activeElement)) return;
    if (event.shiftKey && at <= 0) {
      event.preventDefault();
      stops[stops.length - 1].focus();
    } else if (!event.shiftKey && (at === stops.length - 1 || at < 0)) {
      event.preventDefault();
      stops[0].focus();
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  return { dialog, close: () => dialog.close() };
}

const TABBABLE = 'a[href], button, input, select, textarea, summary, audio[controls], video[controls], [tabindex], [contenteditable="true"]';

/** The elements inside {@code scope} that Tab stops at, in document order (visible, enabled, tabindex ≥ 0). */
function tabStops(scope) {
  return [...scope.querySelectorAll(TABBABLE)].filter(
    (el) =>
      el.tabIndex >= 0 &&
      !el.disabled &&
      !el.closest('[inert]') &&
      !(el.type === 'radio' && !el.checked && scope.querySelector(`input[type=radio][name="${CSS.escape(el.name)}"]:checked`)) &&
      el.getClientRects().length > 0 &&
      getComputedStyle(el).visibility !== 'hidden',
  );
}

/**
 * Asks a yes/no question. Resolves true only when the confirm button was used.
 * @param {object} o
 * @param {() => string} o.title
 * @param {() => string} o.message
 * @param {string} o.confirm dictionary key of the confirm button
 * @param {boolean} [o.danger]
 * @param {() => Promise<unknown>} [o.action] runs with the confirm button busy; an error keeps the dialog open and is shown in it
 */
export function confirmDialog({ title, message, confirm, danger = false, action = null, testid = 'confirm' }) {
  return new Promise((resolve) => {
    let confirmed = false;
    const error = h('div', { class: 'alert', role: 'alert', testid: `${testid}-error` });
    const ok = h('button', { type: 'button', class: `btn ${danger ? 'btn-danger' : 'btn-primary'}`, testid: `${testid}-ok`, i18n: confirm });
    const cancel = h('button', { type: 'button', class: 'btn btn-secondary', testid: `${testid}-cancel`, i18n: 'common.cancel' });
    const handle = openDialog({
      title,
      testid,
      body: [bind(h('p', { class: 'dialog-message' }), { text: message }), error],
      actions: [cancel, ok],
      onClose: () => resolve(confirmed),
    });
    cancel.addEventListener('click', () => handle.close());
    ok.addEventListener('click', () =>
      withBusy(ok, async () => {
        bind(error, { text: () => '' });
        try {
          await action?.();
          confirmed = true;
          handle.close();
        } catch (err) {
          if (err?.sessionEnded) {
            handle.close();
            return;
          }
          bind(error, { text: describeError(err) });
        }
      }),
    );
    // The safe choice has focus first.
    cancel.focus();
  });
}

/** Copies text; falls back to selecting a read-only input for Ctrl+C. Resolves true on success. */
export async function copyText(text, fallbackInput = null) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (fallbackInput) {
      fallbackInput.focus();
      fallbackInput.select();
    }
    return false;
  }
}

let menuSeq = 0;

/**
 * A button that opens a small menu of actions (role=menu, arrow keys move,
 * Escape closes and returns focus to the button).
 * @param {object} o
 * @param {() => string} o.label accessible name producer
 * @param {string} [o.text] visible text of the button (default: the "more" icon)
 * @param {string} [o.testid]
 * @param {string} [o.className]
 * @param {Array<{label: string, testid?: string, danger?: boolean, onSelect: () => void}|null>} o.items
 */
export function menuButton({ label, text = null, testid = 'menu', className = 'btn btn-ghost btn-sm btn-icon', items }) {
  const id = `menu-${++menuSeq}`;
  const button = h('button', { type: 'button', class: className, testid, 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': id, text: text ?? undefined }, text == null ? icon('more') : null);
  bind(button, { attrs: { 'aria-label': label, title: label } });
  const menu = h('div', { class: 'menu', role: 'menu', id, hidden: true, testid: `${testid}-items` });
  for (const item of items.filter(Boolean)) {
    const entry = h('button', {
      type: 'button',
      role: 'menuitem',
      tabindex: '-1',
      class: `menu-item${item.danger ? ' menu-item-danger' : ''}`,
      testid: item.testid,
      i18n: item.label,
    });
    entry.addEventListener('click', () => {
      close({ focus: false });
      item.onSelect();
    });
    menu.append(entry);
  }
  const wrap = h('div', { class: 'menu-wrap' }, button, menu);

  function open() {
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    menu.querySelector('[role="menuitem"]')?.focus();
    document.addEventListener('mousedown', outside, true);
  }
  function close({ focus = true } = {}) {
    if (menu.hidden) return;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('mousedown', outside, true);
    if (focus) button.focus();
  }
  function outside(event) {
    if (!wrap.contains(event.target)) close({ focus: false });
  }
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    if (menu.hidden) open();
    else close();
  });
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && menu.hidden) {
      event.preventDefault();
      open();
    }
  });
  menu.addEventListener('keydown', (event) => {
    const entries = [...menu.querySelectorAll('[role="menuitem"]')];
    const at = entries.indexOf(document.activeElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      entries[(at + (event.key === 'ArrowDown' ? 1 : -1) + entries.length) % entries.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      entries[event.key === 'Home' ? 0 : entries.length - 1]?.focus();
    } else if (event.key === 'Tab') {
      close({ focus: false });
    }
  });
  return wrap;
}

/** An assertive live region for announcing moves and other outcomes. */
export function announcer() {
  const el = h('div', { class: 'sr-only', role: 'status', 'aria-live': 'assertive', 'aria-atomic': 'true', testid: 'announcer' });
  return {
    el,
    /** @param {() => string} message */
    say(message) {
      // Clearing first makes a repeated message be read again.
      el.textContent = '';
      requestAnimationFrame(() => {
        el.textContent = message();
      });
    },
  };
}
