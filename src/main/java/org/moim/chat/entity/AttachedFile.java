package org.moim.chat.entity;

/**
 * A file a message carries, as the message's readers see it: what a client needs to show and
 * fetch it ({@code GET /api/v1/files/{id}/content}). {@code thumbnail} is {@code pending},
 * {@code ready} or {@code none}, as on the file itself.
 */
public record AttachedFile(String id, String name, String contentType, long size, String thumbnail) {
}
