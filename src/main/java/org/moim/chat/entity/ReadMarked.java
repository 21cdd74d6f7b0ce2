package org.moim.chat.entity;

/** Someone's read marker of a channel now stands at {@code sequence}, leaving {@code unread} messages unread. */
public record ReadMarked(String accountId, String channelId, long sequence, long unread) {
}
