/**
 * Files: uploads streamed into content-addressed storage, downloads with ranges and validators,
 * the workspace file browser, storage usage against a quota, and thumbnails made in the
 * background on the {@code moim.conversion} queue.
 *
 * <p>Invariants: names from users never reach the file system (content lives under its SHA-256,
 * written to a staging file and moved into place atomically, so nothing half-written is ever
 * served and an interrupted upload leaves nothing); identical content is stored once and deleted
 * only when no file references it, under that content's row lock; the stored content type is
 * sniffed from the bytes, never taken from the client; active content is only ever served as an
 * attachment with {@code nosniff} and a sandboxing CSP; a workspace's usage changes in the same
 * transaction as its files and never passes the quota; a file is visible exactly to those who
 * may see where it is attached ({@link org.moim.file.control.FilePolicy}). See
 * {@code docs/files.md}.
 */
package org.moim.file;
