/**
 * Boards: kanban boards of a workspace with their members, lists, cards (assignees, labels,
 * checklist items, comments) and an activity log.
 *
 * <p>Invariants: every use case asks {@link org.moim.board.control.BoardPolicy} first, which
 * answers 404 to anyone who may not see the board (not in its live workspace, a guest not on
 * it, or the board used under another workspace's path) and 403 to a role that lacks the
 * action ({@link org.moim.board.control.BoardAction}, {@code docs/permissions.md}). Lists and
 * cards are ordered by sort keys computed under a lock on the board row, so concurrent moves are
 * applied one after another and never give two cards the same place; a move writes one row.
 * Every change writes one activity entry in its own transaction; assignments and mentions notify
 * the people concerned but never the actor. Every activity entry also counts the board's
 * revision one up (in the change's transaction) and, after commit, tells the board's live viewers
 * ({@code board-changed}; only those the policy lets view the board may follow it). The board view
 * is read in a constant number of statements, whatever the number of cards.
 */
package org.moim.board;
