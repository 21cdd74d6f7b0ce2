/**
 * The gallery (docs/gallery.md): a workspace's pictures (#/w/{ws}/gallery), or a board's or a
 * channel's (?scope=board:{id} / channel:{id}), as a grid grouped by day, newest first, paged
 * by the server's cursor; and a viewer (?picture={id}) with previous/next (buttons, the arrow
 * keys, a swipe on touch screens), the uploader and date, reactions, comments with mentions,
 * and download.
 *
 * The server decides which pictures the viewer may see (the files rule); this module only shows
 * what it answers. Thumbnails and full images need the bearer token, so they are fetched and
 * shown through blob: URLs, revoked when the page closes.
 */
import * as api from '../api.js';
import { bind, formatDate, formatDateTime, formatRelative, getDisplayTimeZone, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { describeError } from '../forms.js';
import { renderMarkdown } from '../markdown.js';
import { attachMentions } from '../mentions.js';
import { getMe } from '../store.js';
import { currentLocation, hrefWithQuery, navigate } from '../router.js';
import { icon } from '../icons.js';
import { openDialog, pageHeader, personAvatar, statusLine, toastError } from './ui.js';

const PAGE = 60;
const POLL_MS = 1500;
const POLLS = 20;
const SWIPE_PX = 50;

/** The server's reaction codes (PictureReaction.CODES), in order, each with an SVG face. */
const REACTIONS = ['like', 'love', 'laugh', 'wow', 'sad', 'clap'];
const FACE = 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17z';
const EYES = 'M9 10h.01M15 10h.01';
const REACTION_PATHS = {
  like: ['M7 10.5V20H4v-9.5zM7 10.5l3.5-6.5a2 2 0 0 1 2 2.3l-.6 3.2H18a2 2 0 0 1 2 2.3l-1.2 6.4a2 2 0 0 1-2 1.8H7'],
  love: ['M12 20s-7.5-4.6-7.5-10A4.3 4.3 0 0 1 12 7.4 4.3 4.3 0 0 1 19.5 10c0 5.4-7.5 10-7.5 10z'],
  laugh: [FACE, EYES, 'M8 13.5h8a4 4 0 0 1-8 0z'],
  wow: [FACE, EYES, 'M12 13.5a1.8 2.2 0 1 0 0 4.4 1.8 2.2 0 1 0 0-4.4z'],
  sad: [FACE, EYES, 'M8.5 16.5a4.5 4.5 0 0 1 7 0'],
  clap: ['M12 3v3M6.5 5.5l1.8 2M17.5 5.5l-1.8 2M8 21l-2.5-5.5a1.6 1.6 0 0 1 2.8-1.5L9.5 16V9.5a1.5 1.5 0 0 1 3 0V13l4.5 1a2 2 0 0 1 1.5 2.3L17.5 21'],
};

function reactionIcon(code) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  for (const [name, value] of Object.entries({ viewBox: '0 0 24 24', width: '18', height: '18', fill: 'none', stroke: 'currentColor',
    'stroke-width': '1.7', 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': 'true', focusable: 'false' })) {
    svg.setAttribute(name, value);
  }
  for (const d of REACTION_PATHS[code]) {
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/** Blob URLs made on demand, revoked together. */
function blobCache() {
  const urls = new Map();
  return {
    url(fileId, what) {
      const key = `${fileId}/${what}`;
      if (!urls.has(key)) {
        const promise = api.fileBlob(fileId, what).then((blob) => URL.createObjectURL(blob));
        urls.set(key, promise);
        promise.catch(() => urls.delete(key));
      }
      return urls.get(key);
    },
    clear() {
      for (const promise of urls.values()) promise.then((u) => URL.revokeObjectURL(u), () => {});
      urls.clear();
    },
  };
}

/** The day a picture belongs to in the display time zone, as a key ("2026-12-07"), whatever the language. */
function dayOf(picture) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: getDisplayTimeZone() }).format(new Date(picture.createdAt));
}

/** A store of the pictures loaded so far, in order, with the cursor of the next page. */
function pictureStore() {
  const items = [];
  const byId = new Map();
  let next = null;
  let done = false;
  return {
    items,
    get(id) {
      return byId.get(id) ?? null;
    },
    indexOf(id) {
      return items.findIndex((p) => p.id === id);
    },
    append(page) {
      const added = [];
      for (const picture of page.items) {
        if (byId.has(picture.id)) continue;
        byId.set(picture.id, picture);
        items.push(picture);
        added.push(picture);
      }
      next = page.nextCursor ?? null;
      done = !next;
      return added;
    },
    replace(picture) {
      const at = items.findIndex((p) => p.id === picture.id);
      if (at >= 0) items[at] = picture;
      byId.set(picture.id, picture);
    },
    reset() {
      items.length = 0;
      byId.clear();
      next = null;
      done = false;
    },
    get cursor() {
      return next;
    },
    get complete() {
      return done;
    },
  };
}

/**
 * The page: scope picker, grid by day, "Load more", and the viewer opened from ?picture=.
 * @returns {{cleanup: () => void, update: (query: URLSearchParams) => void}}
 */
export function renderGallery(main, ctx) {
  const workspaceId = ctx.workspaceId;
  const store = pictureStore();
  const blobs = blobCache();
  const polls = new Set();
  let alive = true;
  let loading = null;
  let viewer = null;
  let scope = ctx.query?.get('scope') ?? '';

  const scopeSelect = h('select', { class: 'select input-sm', id: 'gallery-scope', testid: 'gallery-scope' },
    bind(h('option', { value: '' }), { text: tx('gallery.scopeAll') }));
  const status = statusLine('gallery-status');
  const grid = h('div', { class: 'gallery-days', testid: 'gallery-grid' });
  const more = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'gallery-more', i18n: 'common.loadMore', hidden: true });
  more.addEventListener('click', () => withBusy(more, loadMore));

  main.append(
    pageHeader({ title: tx('gallery.title'), subtitle: () => ctx.workspace()?.name ?? '', testid: 'page-title' }),
    h(
      'div',
      { class: 'page-body page-body-wide gallery-page', testid: 'gallery-page' },
      h('div', { class: 'toolbar gallery-toolbar' },
        h('div', { class: 'files-filter' }, h('label', { class: 'field-label', for: 'gallery-scope', i18n: 'gallery.scope' }), scopeSelect)),
      status.el,
      grid,
      h('div', { class: 'gallery-more' }, more),
    ),
  );

  // Boards and channels the viewer reads, for the scope picker (best effort: the grid works without).
  Promise.allSettled([api.listBoards(workspaceId, { limit: 200 }), api.listChannels(workspaceId)]).then(([boards, channels]) => {
    if (!alive) return;
    const options = [];
    for (const board of boards.value?.items ?? []) options.push(h('option', { value: `board:${board.id}`, text: board.name }));
    for (const channel of channels.value ?? []) {
      if (channel.kind === 'WORKSPACE' && channel.name) options.push(h('option', { value: `channel:${channel.id}`, text: `# ${channel.name}` }));
    }
    scopeSelect.append(...options);
    scopeSelect.value = scope;
    if (scopeSelect.value !== scope) scopeSelect.value = '';
  });
  scopeSelect.addEventListener('change', () => {
    scope = scopeSelect.value;
    navigate(hrefWithQuery(['w', workspaceId, 'gallery'], { scope: scope || null }), { replace: true });
  });

  // ---------------------------------------------------------------- the grid
  function tile(picture) {
    const img = h('img', { class: 'gallery-thumb', alt: picture.name, loading: 'lazy', testid: 'gallery-thumb-image' });
    const placeholder = h('span', { class: 'gallery-placeholder', 'aria-hidden': 'true' }, icon('image', { size: 28 }));
    const counts = h('span', { class: 'gallery-counts' });
    const reactionTotal = picture.reactions.reduce((sum, r) => sum + r.count, 0);
    if (reactionTotal) counts.append(h('span', { class: 'gallery-count' }, reactionIcon('like'), String(reactionTotal)));
    if (picture.comments) counts.append(h('span', { class: 'gallery-count' }, icon('message', { size: 14 }), String(picture.comments)));
    const button = h('button', { type: 'button', class: 'gallery-tile', testid: 'gallery-tile', dataset: { fileId: picture.id, thumbnail: picture.thumbnail } },
      placeholder, counts);
    bind(button, { attrs: { 'aria-label': () => t('gallery.open', { name: picture.name }), title: () => picture.name } });
    button.addEventListener('click', () => openPicture(picture.id));
    if (picture.thumbnail === 'ready') {
      blobs.url(picture.id, 'thumbnail').then((url) => {
        img.src = url;
        placeholder.replaceWith(img);
        button.dataset.state = 'ready';
      }, () => {});
    } else if (picture.thumbnail === 'pending') {
      poll(picture.id);
    }
    return h('li', { class: 'gallery-item' }, button);
  }

  /** Asks again for a picture whose thumbnail is being made, until it is ready or not coming. */
  function poll(id, left = POLLS) {
    if (polls.has(id) || left <= 0) return;
    polls.add(id);
    setTimeout(async () => {
      polls.delete(id);
      if (!alive) return;
      try {
        const picture = await api.getPicture(id);
        if (picture.thumbnail === 'pending') poll(id, left - 1);
        else redraw(picture);
      } catch {
        /* gone or hidden: the next load shows it as the server says */
      }
    }, POLL_MS);
  }

  function redraw(picture) {
    store.replace(picture);
    const old = grid.querySelector(`[data-file-id="${CSS.escape(picture.id)}"]`)?.closest('.gallery-item');
    if (old) old.replaceWith(tile(picture));
  }

  /** Appends pictures under their day's heading (a new day starts a new section). */
  function show(pictures) {
    for (const picture of pictures) {
      const day = dayOf(picture);
      let section = grid.lastElementChild;
      if (!section || section.dataset.day !== day) {
        section = h('section', { class: 'gallery-day', testid: 'gallery-day', dataset: { day } },
          bind(h('h2', { class: 'gallery-day-title' }), { text: () => formatDate(picture.createdAt) }),
          h('ul', { class: 'gallery-grid' }));
        grid.append(section);
      }
      section.querySelector('.gallery-grid').append(tile(picture));
    }
  }

  async function loadMore() {
    if (store.complete) return [];
    loading ??= (async () => {
      try {
        const page = await api.listPictures(workspaceId, { target: scope || null, limit: PAGE, cursor: store.cursor });
        if (!alive) return [];
        const added = store.append(page);
        show(added);
        more.hidden = store.complete;
        status.set(store.items.length ? null : tx('gallery.empty'));
        return added;
      } catch (err) {
        if (alive) status.set(describeError(err), { variant: 'error', retry: reload });
        return [];
      } finally {
        loading = null;
      }
    })();
    return loading;
  }

  async function reload() {
    store.reset();
    grid.replaceChildren();
    more.hidden = true;
    status.set(tx('common.loading'));
    await loadMore();
  }

  // ---------------------------------------------------------------- the viewer
  async function openPicture(id, { fromUrl = false } = {}) {
    if (!fromUrl) {
      navigate(hrefWithQuery(['w', workspaceId, 'gallery'], { scope: scope || null, picture: id }));
      return;
    }
    let picture = store.get(id);
    if (!picture) {
      try {
        picture = await api.getPicture(id);
      } catch (err) {
        toastError(err);
        return;
      }
    }
    if (!alive) return;
    if (viewer) viewer.show(picture);
    else viewer = pictureViewer({
      workspaceId,
      first: picture,
      blobs,
      neighbour: neighbour,
      onChanged: (changed) => redraw(changed),
      onMove: (next) => navigate(hrefWithQuery(['w', workspaceId, 'gallery'], { scope: scope || null, picture: next.id }), { replace: true }),
      onClose: () => {
        viewer = null;
        if (alive && currentLocation().query.get('picture')) {
          navigate(hrefWithQuery(['w', workspaceId, 'gallery'], { scope: scope || null }), { replace: true });
        }
      },
    });
  }

  /** The picture before (-1) or after (+1) this one, loading the next page at the end. */
  async function neighbour(picture, step) {
    let at = store.indexOf(picture.id);
    if (at < 0) return null;
    if (step > 0 && at + 1 >= store.items.length && !store.complete) {
      await loadMore();
      at = store.indexOf(picture.id);
    }
    return store.items[at + step] ?? null;
  }

  function follow(query) {
    ctx.query = query;
    const wanted = query?.get('scope') ?? '';
    if (wanted !== scope) {
      scope = wanted;
      scopeSelect.value = scope;
      reload();
    }
    const picture = query?.get('picture');
    if (picture) openPicture(picture, { fromUrl: true });
    else viewer?.close();
  }

  status.set(tx('common.loading'));
  loadMore().then(() => follow(ctx.query ?? new URLSearchParams()));

  return {
    cleanup() {
      alive = false;
      viewer?.close();
      blobs.clear();
    },
    update: follow,
  };
}

/**
 * The full-size viewer, a dialog: the image, previous/next, who and when, reactions, comments
 * and download. Arrow keys and swipes move; Escape closes.
 */
function pictureViewer({ workspaceId, first, blobs, neighbour, onChanged, onMove, onClose }) {
  const me = getMe();
  let picture = first;
  let alive = true;
  let showing = 0;

  const img = h('img', { class: 'gallery-full', testid: 'gallery-full', alt: '' });
  const imageStatus = statusLine('gallery-viewer-status');
  const prev = h('button', { type: 'button', class: 'btn btn-ghost gallery-nav gallery-prev', testid: 'gallery-prev', i18nAttrs: { 'aria-label': 'gallery.previous', title: 'gallery.previous' } },
    h('span', { class: 'gallery-chevron gallery-chevron-left', 'aria-hidden': 'true' }, icon('chevron')));
  const next = h('button', { type: 'button', class: 'btn btn-ghost gallery-nav gallery-next', testid: 'gallery-next', i18nAttrs: { 'aria-label': 'gallery.next', title: 'gallery.next' } },
    h('span', { class: 'gallery-chevron gallery-chevron-right', 'aria-hidden': 'true' }, icon('chevron')));
  const stage = h('div', { class: 'gallery-stage', testid: 'gallery-stage' }, prev, h('div', { class: 'gallery-frame' }, img, imageStatus.el), next);

  const uploader = h('span', { class: 'gallery-uploader', testid: 'gallery-uploader' });
  const when = h('time', { class: 'gallery-date', testid: 'gallery-date' });
  const download = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'gallery-download' },
    icon('download', { size: 16 }), h('span', { i18n: 'files.download' }));
  const reactions = h('div', { class: 'gallery-reactions', role: 'group', testid: 'gallery-reactions' });
  bind(reactions, { attrs: { 'aria-label': () => t('gallery.reactions') } });
  const meta = h('div', { class: 'gallery-meta' }, h('p', { class: 'gallery-who' }, uploader, ' · ', when), download);

  const comments = h('ol', { class: 'comment-list gallery-comments', testid: 'gallery-comments' });
  const commentsStatus = statusLine('gallery-comments-status');
  const input = h('textarea', { class: 'input textarea', rows: 2, id: 'gallery-comment-input', testid: 'gallery-comment-input', maxlength: 8000 });
  bind(input, { attrs: { placeholder: () => t('gallery.commentPlaceholder'), 'aria-label': () => t('gallery.comment') } });
  const send = h('button', { type: 'submit', class: 'btn btn-primary btn-sm', testid: 'gallery-comment-send', i18n: 'gallery.send' });
  const formError = h('div', { class: 'alert', role: 'alert', testid: 'gallery-comment-error' });
  const notice = h('div', { class: 'gallery-notice' });
  const form = h('form', { class: 'gallery-comment-form', novalidate: true }, input, h('div', { class: 'composer-actions' }, send), formError, notice);
  let people = null;
  const picker = attachMentions(input, {
    people: () => (people ??= api.listMembers(workspaceId).then(
      (members) => members.map((m) => ({ accountId: m.accountId, displayName: m.displayName })),
      () => [],
    )),
    exclude: me?.id,
  });

  const side = h('aside', { class: 'gallery-side' }, meta, reactions,
    h('h3', { class: 'gallery-side-title', i18n: 'gallery.comments' }), commentsStatus.el, comments, form);
  const body = h('div', { class: 'gallery-viewer', testid: 'gallery-viewer' }, stage, side);

  const handle = openDialog({
    title: () => picture.name,
    body,
    testid: 'gallery-dialog',
    size: 'dialog-wide gallery-dialog',
    onClose: () => {
      alive = false;
      picker.detach?.();
      onClose();
    },
  });

  async function move(step) {
    const target = await neighbour(picture, step);
    if (target && alive) {
      show(target);
      onMove(target);
    }
  }
  prev.addEventListener('click', () => move(-1));
  next.addEventListener('click', () => move(1));
  handle.dialog.addEventListener('keydown', (event) => {
    if (event.target === input) return;
    if (event.key === 'ArrowLeft') {
      event.preventDefault();
      move(-1);
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      move(1);
    }
  });
  // A horizontal swipe on the image: left shows the next picture, right the previous one.
  let touch = null;
  stage.addEventListener('touchstart', (event) => {
    const t0 = event.changedTouches[0];
    touch = { x: t0.clientX, y: t0.clientY };
  }, { passive: true });
  stage.addEventListener('touchend', (event) => {
    if (!touch) return;
    const t1 = event.changedTouches[0];
    const dx = t1.clientX - touch.x;
    const dy = t1.clientY - touch.y;
    touch = null;
    if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > Math.abs(dy)) move(dx < 0 ? 1 : -1);
  });

  download.addEventListener('click', () => withBusy(download, async () => {
    try {
      const url = await blobs.url(picture.id, 'content');
      const a = h('a', { href: url, download: picture.name, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
    } catch (err) {
      toastError(err);
    }
  }));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    withBusy(send, async () => {
      const text = input.value.trim();
      formError.replaceChildren();
      notice.replaceChildren();
      if (!text) {
        bind(formError, { text: tx('validation.required') });
        return;
      }
      try {
        const comment = await api.addPictureComment(picture.id, text);
        input.value = '';
        comments.append(commentItem(comment));
        commentsStatus.set(null);
        if (comment.mentionsNotDelivered?.length) {
          notice.append(bind(h('p', { class: 'mention-notice', role: 'status', testid: 'mention-not-delivered' }), {
            text: tx('gallery.notDelivered', { count: comment.mentionsNotDelivered.length }),
          }));
        }
        changed({ ...picture, comments: picture.comments + 1 });
      } catch (err) {
        if (err.sessionEnded) handle.close();
        else bind(formError, { text: describeError(err) });
      }
    });
  });

  function changed(updated) {
    picture = updated;
    onChanged(updated);
    drawReactions();
  }

  function drawReactions() {
    const given = new Map(picture.reactions.map((r) => [r.code, r]));
    reactions.replaceChildren(...REACTIONS.map((code) => {
      const r = given.get(code);
      const chip = h('button', { type: 'button', class: 'gallery-reaction', testid: 'gallery-reaction', 'aria-pressed': String(Boolean(r?.mine)), dataset: { code } },
        reactionIcon(code), h('span', { class: 'gallery-reaction-count', testid: 'gallery-reaction-count', text: r ? String(r.count) : '' }));
      bind(chip, { attrs: { 'aria-label': () => t(`gallery.reaction.${code}`), title: () => t(`gallery.reaction.${code}`) } });
      chip.addEventListener('click', () => withBusy(chip, async () => {
        try {
          changed(await api.reactToPicture(picture.id, code, !r?.mine));
        } catch (err) {
          toastError(err);
        }
      }));
      return chip;
    }));
  }

  function commentItem(comment) {
    const time = bind(h('time', { class: 'comment-time', datetime: comment.createdAt }), {
      text: () => formatRelative(comment.createdAt),
      attrs: { title: () => formatDateTime(comment.createdAt) },
    });
    const name = comment.authorName ?? t('gallery.formerMember');
    const item = h('li', { class: 'comment', testid: 'gallery-comment', dataset: { commentId: comment.id } },
      personAvatar(name, { small: true }),
      h('div', { class: 'comment-main' },
        h('p', { class: 'comment-meta' }, h('strong', { text: name }), ' ', time),
        h('div', { class: 'comment-body', testid: 'gallery-comment-body' }, renderMarkdown(comment.body))));
    if (comment.authorId && comment.authorId === me?.id) {
      const remove = h('button', { type: 'button', class: 'link link-sm', testid: 'gallery-comment-delete', i18n: 'common.delete' });
      remove.addEventListener('click', () => withBusy(remove, async () => {
        try {
          await api.deletePictureComment(picture.id, comment.id);
          item.remove();
          changed({ ...picture, comments: Math.max(0, picture.comments - 1) });
        } catch (err) {
          toastError(err);
        }
      }));
      item.querySelector('.comment-main').append(h('div', { class: 'comment-actions' }, remove));
    }
    return item;
  }

  async function loadComments(forPicture, seq) {
    comments.replaceChildren();
    commentsStatus.set(tx('common.loading'));
    try {
      let cursor = null;
      const all = [];
      do {
        const page = await api.listPictureComments(forPicture.id, { cursor, limit: 200 });
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && all.length < 1000);
      if (!alive || seq !== showing) return;
      comments.replaceChildren(...all.map(commentItem));
      commentsStatus.set(all.length ? null : tx('gallery.noComments'));
    } catch (err) {
      if (alive && seq === showing) commentsStatus.set(describeError(err), { variant: 'error' });
    }
  }

  function show(target) {
    picture = target;
    const seq = ++showing;
    handle.dialog.querySelector('.dialog-title').textContent = target.name;
    img.removeAttribute('src');
    img.alt = target.name;
    img.dataset.fileId = target.id;
    imageStatus.set(tx('common.loading'));
    uploader.textContent = target.uploader?.displayName ?? t('gallery.formerMember');
    when.dateTime = target.createdAt;
    when.textContent = formatDateTime(target.createdAt);
    formError.replaceChildren();
    notice.replaceChildren();
    drawReactions();
    blobs.url(target.id, 'content').then((url) => {
      if (!alive || seq !== showing) return;
      img.src = url;
      imageStatus.set(null);
    }, (err) => {
      if (alive && seq === showing) imageStatus.set(describeError(err), { variant: 'error' });
    });
    // Refresh counts the grid may hold stale (someone else reacted meanwhile).
    api.getPicture(target.id).then((fresh) => {
      if (alive && seq === showing) changed(fresh);
    }, () => {});
    loadComments(target, seq);
  }

  show(first);
  return {
    show,
    close: () => handle.close(),
  };
}
