/**
 * The gallery: a workspace's pictures (image files), or a board's or a channel's, newest first in
 * pages by keyset, and comments and reactions on each picture.
 *
 * <p>Invariants: who sees a picture is exactly who sees the file ({@code file.control.FilePolicy},
 * and for lists {@code FileCatalog}, asked, never copied); a picture is a file whose stored type
 * is {@code image/*}; a page of any size costs a fixed number of statements (the list, then one
 * grouped query each for comment counts and reactions); comments and reactions go with their
 * picture (a deleted picture answers 404); the uploader hears of comments and reactions, mentioned
 * people who may see the picture of their mention, through the inbox, never the actor.
 */
package org.moim.gallery;
