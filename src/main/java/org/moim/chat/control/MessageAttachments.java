package org.moim.chat.control;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.moim.chat.entity.AttachedFile;

/**
 * Files on messages: the extension point through which the file feature (which knows chat, never
 * the other way round) checks and links a message's attachments and reads them back. Methods run
 * inside the caller's transaction.
 */
public interface MessageAttachments {

    /**
     * Links the files, in this order, to a message just stored in the channel by the sender and
     * answers them. NotFound for a file the sender may not see; InvalidField for one the sender
     * did not upload or that is attached elsewhere than this channel (the caller's transaction
     * then rolls back, and the message with it).
     */
    List<AttachedFile> attach(String workspaceId, String channelId, String messageId, String senderId, List<String> fileIds);

    /** The files of these messages, in their order, by message id (messages without any are left out); one statement. */
    Map<String, List<AttachedFile>> of(Collection<String> messageIds);
}
