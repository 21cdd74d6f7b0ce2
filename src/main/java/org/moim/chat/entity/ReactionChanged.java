package org.moim.chat.entity;

/** Someone added ({@code added}) or took back a reaction to message number {@code sequence}. */
public record ReactionChanged(ChannelRef channel, String messageId, long sequence, String accountId, String emoji,
                              boolean added) {
}
