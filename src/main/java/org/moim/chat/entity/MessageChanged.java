package org.moim.chat.entity;

/** A message was edited or deleted ({@code message.deleted()} tells which). */
public record MessageChanged(ChannelRef channel, MessageState message) {
}
