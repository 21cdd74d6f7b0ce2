/**
 * The sidebar's invitations badge, live: a new invitation arrives as an `invitation.received`
 * notification on the socket (docs/realtime-protocol.md), and every (re)connection may have
 * missed one, so both read my pending invitations again.
 */
import * as api from './api.js';
import * as realtime from './realtime.js';
import { setPendingInvitations } from './workspaces.js';

const KINDS = new Set(['invitation.received']);
let offs = [];

async function refresh() {
  try {
    const invitations = await api.myInvitations();
    setPendingInvitations(Array.isArray(invitations) ? invitations.length : 0);
  } catch {
    /* the next notification or reconnection tries again */
  }
}

/** Starts following (once signed in); idempotent. */
export function followInvitations() {
  if (offs.length) return;
  let opened = false;
  offs = [
    realtime.on('notification', (frame) => {
      if (KINDS.has(frame.notification?.kind)) refresh();
    }),
    realtime.onOpen(() => {
      // The first connection comes with the sign-in, which read them already.
      if (opened) refresh();
      opened = true;
    }),
  ];
}

export function stopFollowingInvitations() {
  offs.forEach((off) => off());
  offs = [];
}
