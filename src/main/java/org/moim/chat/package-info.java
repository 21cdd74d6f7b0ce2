/**
 * Chat: direct conversations (1:1 and groups of up to 8, within one workspace), one channel per
 * board, and the workspace's named channels (public or private, archived or not, a general one per
 * workspace that every owner, manager and member reads), their messages (text up to 16 KiB, mentions, one-level threads, reactions, edits,
 * deletions), read markers and search; live over the real-time gateway.
 *
 * <p>Invariants: messages of a channel are numbered 1, 2, 3… without gaps, in commit order (the
 * channel row is locked to number one); a message is stored before it is acknowledged and
 * published to subscribers only after its transaction committed; a retried send with the same
 * idempotency key returns the first one and stores nothing; a subscriber gets every message once,
 * in order, also across reconnects (replay after its last sequence). Only those who read a
 * channel ({@link org.moim.chat.control.ChatPolicy}: direct and workspace channel members still in
 * the workspace, board readers by {@code BoardPolicy}, general: the workspace's non-guests) see
 * anything of it; everyone else gets 404, a private channel included. An archived channel is
 * read-only. A workspace channel's name is unique in its workspace ignoring case and Unicode
 * normalization. Removing someone
 * from a workspace ends their subscriptions there on every node at once. A read marker only
 * moves forward. Typing and presence are never stored.
 */
package org.moim.chat;
