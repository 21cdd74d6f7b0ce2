/**
 * Workspaces: the place people work together, its members and their roles, invitations by
 * email and invite links.
 *
 * <p>Invariants: a workspace always has at least one OWNER (the last one can neither leave, be
 * removed nor be demoted); nobody becomes a member without acting themselves (accepting an
 * invitation addressed to their email, or redeeming an invite link); every use case asks
 * {@link org.moim.workspace.control.WorkspacePolicy} first, which answers 404 to anyone who is
 * not a member (ids never reveal what exists) and 403 to a member whose role lacks the action
 * (the matrix is in {@code docs/permissions.md}). A deleted workspace is invisible except to its
 * owners' restore for 30 days, then purged with everything in it. An invite link is used at most
 * {@code max_uses} times, counted by one conditional UPDATE.
 */
package org.moim.workspace;
