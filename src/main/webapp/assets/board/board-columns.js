/**
 * The board's lists as columns, drawn from the store: each list's header (its drag handle, name,
 * count and menu), its cards, the card composer at its foot, and the column that adds a list.
 * Renaming and archiving a list are here too.
 */
import * as api from '../api.js';
import { bind, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { describeError } from '../forms.js';
import { icon } from '../icons.js';
import { showToast } from '../views/common.js';
import { menuButton, toastError } from '../views/ui.js';
import { cardTile } from './card-tile.js';

const CARD_TITLE_MAX = 300;
const LIST_NAME_MAX = 100;

/**
 * @param {object} view the board view's parts
 * @param {string} view.workspaceId
 * @param {string} view.boardId
 * @param {import('./board-store.js').BoardStore} view.store
 * @param {HTMLElement} view.canvas
 * @param {{say: (message: () => string) => void}} view.live
 * @param {{changed: () => void}} view.activity
 * @param {(options?: object) => Promise<void>} view.reload reads the board again
 * @param {(cardId: string) => void} view.openCard
 * @param {object} view.moving the drag-and-drop and keyboard handlers (board-drag.js)
 * @returns {{render: (focus?: {focusCard?: string, focusListHandle?: string}) => void}}
 */
export function boardColumns(view) {
  const { store, canvas } = view;

  function render({ focusCard = null, focusListHandle = null } = {}) {
    const scroll = canvas.scrollLeft;
    const columns = store.board.lists.map((list) => column(view, list));
    if (store.can('MANAGE_LISTS')) columns.push(addListColumn(view));
    canvas.replaceChildren(...columns);
    canvas.scrollLeft = scroll;
    if (focusCard) canvas.querySelector(`[data-card-id="${CSS.escape(focusCard)}"]`)?.focus();
    if (focusListHandle) canvas.querySelector(`[data-list-id="${CSS.escape(focusListHandle)}"] .column-handle`)?.focus();
  }

  return { render };
}

function column(view, list) {
  const { store, moving } = view;
  const titleId = `list-title-${list.id}`;
  const title = h('h2', { class: 'column-title', id: titleId, testid: 'list-title', text: list.name });
  const count = h('span', { class: 'column-count', testid: 'list-count', text: String(list.cards.length) });
  bind(count, { attrs: { 'aria-label': () => t('board.cardCount', { count: list.cards.length }) } });
  const tileHandlers = { open: view.openCard, key: moving.cardKey, dragStart: moving.startCardDrag, dragEnd: moving.endDrag, blur: moving.cardBlurred };
  const tiles = list.cards.map((card) => cardTile(card, { labels: store.labelsOf(card), draggable: store.can('EDIT_CARDS'), on: tileHandlers }));
  const cards = h('ol', { class: 'card-list', testid: 'card-list', 'aria-labelledby': titleId }, tiles);
  const headerEl = h('header', { class: 'column-header' });
  if (store.can('MANAGE_LISTS')) {
    const handle = h('button', { type: 'button', class: 'column-handle', draggable: 'true', testid: 'list-handle', 'aria-describedby': 'list-keys-help' }, icon('grip', { size: 16 }));
    bind(handle, { attrs: { 'aria-label': () => t('board.moveList', { name: list.name }), title: () => t('board.moveList', { name: list.name }) } });
    handle.addEventListener('dragstart', (event) => moving.startListDrag(event, list));
    handle.addEventListener('dragend', moving.endDrag);
    handle.addEventListener('keydown', (event) => moving.listHandleKey(event, list));
    headerEl.append(handle);
  }
  headerEl.append(title, count);
  if (store.can('MANAGE_LISTS')) {
    headerEl.append(
      menuButton({
        label: () => t('board.listMenu', { name: list.name }),
        testid: 'list-menu',
        items: [
          { label: 'board.renameList', testid: 'list-rename', onSelect: () => renameList(view, list, title) },
          { label: 'board.archiveList', testid: 'list-archive', onSelect: () => archiveList(view, list) },
        ],
      }),
    );
  }
  return h(
    'section',
    { class: 'column', testid: 'list', dataset: { listId: list.id }, 'aria-labelledby': titleId },
    headerEl,
    cards,
    store.can('EDIT_CARDS') ? cardComposer(view, list) : null,
  );
}

/** The composer's validation: the error key, or null when the title may be sent. */
function cardTitleProblem(title) {
  if (!title) return tx('validation.required');
  if (Array.from(title).length > CARD_TITLE_MAX) return tx('validation.tooLong', { max: CARD_TITLE_MAX });
  return null;
}

function cardComposer(view, list) {
  const { store, canvas } = view;
  const open = h('button', { type: 'button', class: 'column-add-card', testid: 'add-card', i18n: 'board.addCard' });
  const input = h('textarea', { class: 'input textarea composer-input', rows: 2, testid: 'new-card-title', maxlength: 1000 });
  bind(input, { attrs: { 'aria-label': () => t('board.newCardIn', { list: list.name }), placeholder: () => t('board.cardTitlePlaceholder') } });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-sm', testid: 'new-card-submit', i18n: 'board.addCardSubmit' });
  const cancel = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', i18n: 'common.cancel' });
  const error = h('p', { class: 'field-error', role: 'alert' });
  const form = h('form', { class: 'composer', hidden: true, testid: 'new-card-form' }, input, error, h('div', { class: 'composer-actions' }, submit, cancel));
  const footer = h('footer', { class: 'column-footer' }, open, form);

  function show() {
    open.hidden = true;
    form.hidden = false;
    input.focus();
  }
  function hide() {
    form.hidden = true;
    open.hidden = false;
    input.value = '';
    error.textContent = '';
    open.focus();
  }
  open.addEventListener('click', show);
  cancel.addEventListener('click', hide);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      hide();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    withBusy(submit, async () => {
      const title = input.value.replace(/\s+/g, ' ').trim();
      bind(error, { text: () => '' });
      const problem = cardTitleProblem(title);
      if (problem) {
        bind(error, { text: problem });
        input.focus();
        return;
      }
      try {
        const created = await api.createCard(view.workspaceId, view.boardId, { listId: list.id, title });
        store.cardAdded(created, list.id);
        view.activity.changed();
        view.live.say(() => t('board.cardAdded', { title: created.title, list: list.name }));
        // Keep adding to the same list.
        const column = canvas.querySelector(`[data-list-id="${CSS.escape(list.id)}"]`);
        column?.querySelector('[data-testid="add-card"]')?.click();
      } catch (err) {
        if (err.sessionEnded) return;
        bind(error, { text: describeError(err) });
        input.focus();
      }
    });
  });
  return footer;
}

function addListColumn(view) {
  const { store, canvas } = view;
  const open = h('button', { type: 'button', class: 'column-add-list-btn', testid: 'add-list', i18n: 'board.addList' });
  const input = h('input', { type: 'text', class: 'input', testid: 'new-list-name', maxlength: 300 });
  bind(input, { attrs: { 'aria-label': () => t('board.listName'), placeholder: () => t('board.listNamePlaceholder') } });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-sm', testid: 'new-list-submit', i18n: 'board.addListSubmit' });
  const cancel = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', i18n: 'common.cancel' });
  const error = h('p', { class: 'field-error', role: 'alert' });
  const form = h('form', { class: 'composer', hidden: true, testid: 'new-list-form' }, input, error, h('div', { class: 'composer-actions' }, submit, cancel));
  const hide = () => {
    form.hidden = true;
    open.hidden = false;
    input.value = '';
    open.focus();
  };
  open.addEventListener('click', () => {
    open.hidden = true;
    form.hidden = false;
    input.focus();
  });
  cancel.addEventListener('click', hide);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      hide();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    withBusy(submit, async () => {
      const name = input.value.trim();
      bind(error, { text: () => '' });
      if (!name || Array.from(name).length > LIST_NAME_MAX) {
        bind(error, { text: name ? tx('validation.tooLong', { max: LIST_NAME_MAX }) : tx('validation.required') });
        input.focus();
        return;
      }
      try {
        const list = await api.createList(view.workspaceId, view.boardId, { name });
        store.listAdded(list);
        view.activity.changed();
        view.live.say(() => t('board.listAdded', { name: list.name }));
        canvas.querySelector('[data-testid="add-list"]')?.click();
      } catch (err) {
        if (err.sessionEnded) return;
        bind(error, { text: describeError(err) });
        input.focus();
      }
    });
  });
  return h('div', { class: 'column column-add' }, open, form);
}

function renameList(view, list, title) {
  const input = h('input', { type: 'text', class: 'input input-sm', value: list.name, testid: 'list-name-input', maxlength: 300 });
  bind(input, { attrs: { 'aria-label': () => t('board.listName') } });
  title.replaceWith(input);
  input.focus();
  input.select();
  let done = false;
  async function finish(save) {
    if (done) return;
    done = true;
    const name = input.value.trim();
    if (!save || !name || name === list.name) {
      view.store.redraw({ focusListHandle: list.id });
      return;
    }
    try {
      const updated = await api.updateList(view.workspaceId, view.boardId, list.id, { name }, list.version);
      view.store.listRenamed(list.id, updated, { focus: true });
      view.activity.changed();
    } catch (err) {
      toastError(err);
      if (err.status === 409) await view.reload({ quiet: true });
      view.store.redraw({ focusListHandle: list.id });
    }
  }
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(false);
    }
  });
  input.addEventListener('blur', () => finish(true));
}

async function archiveList(view, list) {
  try {
    await api.updateList(view.workspaceId, view.boardId, list.id, { archived: true }, list.version);
    view.store.listArchived(list.id);
    view.activity.changed();
    showToast(() => t('board.listArchived', { name: list.name }));
  } catch (err) {
    toastError(err);
    if (err.status === 409) view.reload({ quiet: true });
  }
}
