/**
 * An open board followed live (docs/realtime-protocol.md, "Boards"): subscribed with
 * `board-subscribe` while the board is shown, and again after every reconnection. Each
 * `board-changed` frame carries the board's revision after the change; one the board view already
 * has (its `revision` is as high) is ignored, any other makes the board read again, coalesced, so
 * a missed frame (a reconnect, a gap) costs nothing more than one read, and a move that lost a
 * race settles where the server put the card.
 */
import * as realtime from '../realtime.js';
import { getMe } from '../store.js';

const SETTLE_MS = 40; // frames of one change (a card and its labels) come together
const RETRY_MS = 400; // while the person is dragging or renaming, the read waits

/**
 * @param {object} options
 * @param {string} options.boardId
 * @param {() => number|null} options.revision the revision the board view shows
 * @param {() => boolean} options.canRefresh false while reading again would disturb the person
 * @param {() => Promise<void>} options.refresh reads the board again and shows it
 * @param {(cardId: string, kind: string) => void} [options.cardChanged] someone else changed this card
 * @returns {{loaded: () => void, stop: () => void}}
 */
export function followBoard({ boardId, revision, canRefresh, refresh, cardChanged }) {
  let following = true;
  let timer = null;
  let running = false;
  let again = false;
  let acked = 0; // the revision the last subscription's ack told

  function schedule(delay = SETTLE_MS) {
    if (!following) return;
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
    if (!canRefresh()) {
      schedule(RETRY_MS);
      return;
    }
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
      if (err.type === 'not-found') schedule();
      return;
    }
    if (!following) {
      realtime.send({ type: 'board-unsubscribe', boardId });
      return;
    }
    acked = ack.revision;
    // Before the board's first read has come back, loaded() compares.
    if (revision() != null && acked > revision()) schedule();
  }

  const offs = [
    realtime.on('board-changed', (frame) => {
      if (frame.boardId !== boardId || frame.revision <= (revision() ?? 0)) return;
      // A change this person made shows already where they made it; reading the board again for
      // it would redraw under their hands (the next change by someone else, or a reconnect,
      // brings this view up to the server's revision).
      if (frame.actorId === getMe()?.id) return;
      if (frame.cardId) cardChanged?.(frame.cardId, frame.kind);
      schedule();
    }),
    realtime.on('unsubscribed', (frame) => {
      if (frame.boardId === boardId) schedule();
    }),
    realtime.onOpen(() => subscribe()),
  ];
  if (realtime.isConnected()) subscribe();

  return {
    /** The board view was read: if the subscription already knew of a later change, read again. */
    loaded() {
      if (acked > (revision() ?? 0)) schedule();
    },
    stop() {
      following = false;
      clearTimeout(timer);
      offs.forEach((off) => off());
      realtime.send({ type: 'board-unsubscribe', boardId });
    },
  };
}
