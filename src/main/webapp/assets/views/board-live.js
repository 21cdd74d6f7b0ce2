/**
 * An open board followed live (docs/realtime-protocol.md, "Boards"): subscribed with
 * `board-subscribe` while the board is shown, and again after every reconnection. Each
 * `board-changed` frame carries the board's revision after the change; one the board view already
 * has (its `revision` is as high) is ignored, any other makes the board read again, coalesced, so
 * a missed frame (a reconnect, a gap) costs nothing more than one read, and a move that lost a
 * race settles where the server put the card.
 *
 * A write of this tab answers the revisions it gave the board (api.js `onBoardRevisions`): when
 * the view had the revision just before, it has the new one now (the change shows where the
 * person made it), so the frames of that change are not read again and nothing redraws under
 * their hands. Frames are weighed only once this tab's writes are answered. Every other tab of the
 * same person reads the board again on those frames like anyone's.
 */
import * as api from '../api.js';
import * as realtime from '../realtime.js';

const SETTLE_MS = 40; // frames of one change (a card and its labels) come together
const RETRY_MS = 400; // while the person is dragging or renaming, the read waits

/**
 * @param {object} options
 * @param {string} options.boardId
 * @param {() => number|null} options.revision the revision the board view shows
 * @param {() => boolean} options.canRefresh false while reading again would disturb the person
 * @param {() => Promise<void>} options.refresh reads the board again and shows it
 * @param {(revision: number) => void} options.shows this tab's own write made the view show this revision
 * @param {(cardId: string, kind: string) => void} [options.cardChanged] a change this view does not have touched this card
 * @returns {{loaded: () => void, stop: () => void}}
 */
export function followBoard({ boardId, revision, shows, canRefresh, refresh, cardChanged }) {
  let following = true;
  let timer = null;
  let running = false;
  let again = false;
  let acked = 0; // the revision the last subscription's ack told
  let heard = []; // board-changed frames not weighed yet
  let needed = false; // read again whatever the frames say (a later ack, access lost)

  /** Reads the board again soon: when `need`, surely; else if a frame heard is news by then. */
  function schedule(delay = SETTLE_MS, need = false) {
    if (!following) return;
    needed ||= need;
    if (running) {
      again = true;
      return;
    }
    if (timer) return;
    timer = setTimeout(run, delay);
  }

  async function run() {
    timer = null;
    if (!following) return;
    // A write of this tab still waiting for its answer may be what the frames tell.
    if (!canRefresh() || api.writing()) {
      schedule(RETRY_MS);
      return;
    }
    const have = revision() ?? 0;
    const news = heard.filter((frame) => frame.revision > have);
    heard = [];
    news.forEach((frame) => frame.cardId && cardChanged?.(frame.cardId, frame.kind));
    if (!news.length && !needed && !(acked > have)) return;
    needed = false;
    running = true;
    again = false;
    try {
      await refresh();
    } catch {
      /* refresh shows its own errors */
    } finally {
      running = false;
    }
    if (again) schedule();
  }

  async function subscribe() {
    let ack;
    try {
      ack = await realtime.request({ type: 'board-subscribe', boardId }, 'ack');
    } catch (err) {
      // Not (or no longer) allowed to see it: reading it again shows so.
      if (err.type === 'not-found') schedule(SETTLE_MS, true);
      return;
    }
    if (!following) {
      realtime.send({ type: 'board-unsubscribe', boardId });
      return;
    }
    acked = ack.revision;
    // Before the board's first read has come back, loaded() compares.
    if (revision() != null && acked > revision()) schedule(SETTLE_MS, true);
  }

  const offs = [
    realtime.on('board-changed', (frame) => {
      if (frame.boardId !== boardId || frame.revision <= (revision() ?? 0)) return;
      heard.push(frame);
      schedule();
    }),
    api.onBoardRevisions((given) => {
      const have = revision();
      if (given.boardId === boardId && have != null && given.from === have + 1) shows(given.to);
    }),
    realtime.on('unsubscribed', (frame) => {
      if (frame.boardId === boardId) schedule(SETTLE_MS, true);
    }),
    realtime.onOpen(() => subscribe()),
  ];
  if (realtime.isConnected()) subscribe();

  return {
    /** The board view was read: if the subscription already knew of a later change, read again. */
    loaded() {
      if (acked > (revision() ?? 0)) schedule(SETTLE_MS, true);
    },
    stop() {
      following = false;
      clearTimeout(timer);
      offs.forEach((off) => off());
      realtime.send({ type: 'board-unsubscribe', boardId });
    },
  };
}
