package org.moim.chat.entity;

/** A new message was stored (fired inside the transaction; published to subscribers after commit). */
public record MessagePosted(ChannelRef channel, MessageState message) {
}
