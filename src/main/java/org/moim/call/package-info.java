/**
 * Call: video calls and screen sharing between browsers (WebRTC, full mesh), signaled over the
 * real-time gateway, and their history.
 *
 * <p>Invariants: a call belongs to one chat channel (a board's channel or a direct conversation) and
 * at most one call per channel runs at a time; only people who may see the channel start, join,
 * decline or signal in it, which every frame checks again; signaling (offers, answers, ICE
 * candidates, media state) reaches only the tabs of the same call's participants, each through
 * its own peer topic; a person is in a call through one tab at a time; at most as many
 * participants at once as the workspace's plan allows and never more than the full mesh's ceiling
 * ({@link org.moim.call.control.CallLimits}); every change to who is in a
 * call holds the call's row lock, so the call ends exactly once, when its last participant leaves
 * or has been disconnected for longer than {@code moim.calls.reconnect-grace}, on any node. TURN
 * credentials are derived per person and expire; no TURN password is ever shipped. See
 * {@code docs/calls.md}.
 */
package org.moim.call;
