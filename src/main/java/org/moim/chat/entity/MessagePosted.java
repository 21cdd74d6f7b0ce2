package org.moim.chat.entity;

import java.util.List;

/**
 * A new message was stored, with the files it carries (fired inside the transaction; published to
 * subscribers after commit).
 */
public record MessagePosted(ChannelRef channel, MessageState message, List<AttachedFile> attachments) {
}
