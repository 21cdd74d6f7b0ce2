/**
 * The text index behind search: every indexed document (a chat message, a card with its
 * comments) is stored as the set of its lower-cased character trigrams in {@code search_gram}, so
 * a search for any part of a word (Korean included, which has no spaces between a word and its
 * particles) is an index lookup instead of a scan. A hit is only a candidate: the feature that
 * owns the document checks the real text with {@code LIKE} and decides who may see it.
 */
package org.moim.platform.search;
