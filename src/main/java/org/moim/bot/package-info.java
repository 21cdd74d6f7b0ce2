/**
 * Bots: accounts a workspace owns, made by its owners and managers with a name and an avatar,
 * that act only through the personal access tokens those admins make for them.
 *
 * <p>Invariants: a bot is a MEMBER of its own workspace and of no other, so everything it may
 * touch elsewhere answers 404; its tokens never hold {@code admin}; nobody knows its password
 * or address, so it cannot sign in; removing it revokes every token at once on every node
 * (its messages stay, with their bot badge). Every use case asks
 * {@link org.moim.workspace.control.WorkspacePolicy} for {@code MANAGE_BOTS} first.
 */
package org.moim.bot;
