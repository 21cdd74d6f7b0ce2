/**
 * Search across a workspace: messages, cards (title, description, comments), files (name),
 * people and boards, in one request with a page per kind.
 *
 * <p>Invariants: this feature decides nothing about access. Each kind is answered by the
 * feature that owns it, under that feature's read rule: messages by chat's {@code History}
 * ({@code ChatPolicy}'s readable channels and the plan's history window), cards and boards by
 * {@code BoardSearch} ({@code BoardPolicy}'s visible boards), files by {@code FileCatalog}, people
 * by the workspace's member list ({@code LIST_MEMBERS}). A query is 2 to 100 characters; anything
 * in it is matched literally (SQL wildcards, FULLTEXT operators and regular-expression characters
 * have no meaning), through the trigram index of {@code org.moim.platform.search}.
 */
package org.moim.search;
