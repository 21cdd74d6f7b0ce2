package org.moim.chat.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.chat.control.History;
import org.moim.chat.control.Mentions;
import org.moim.chat.control.Posting;
import org.moim.chat.entity.AttachedFile;
import org.moim.chat.entity.MessageState;
import org.moim.platform.web.MoimApi;

@JsonbNillable
@Schema(name = "ChatMessage", description = "A message; a deleted one keeps its place (sequence) without text.")
public record MessageView(
        String id,
        String channelId,
        @Schema(description = "Its number in the channel: 1, 2, 3… without gaps.") long sequence,
        String senderId,
        @Schema(description = "Null when deleted.") String text,
        @Schema(description = "Account ids mentioned (only people who read the channel).", type = SchemaType.ARRAY, implementation = String.class) List<String> mentions,
        @Schema(description = "The thread it replies to (the thread's first message), or null.") String parentId,
        Instant createdAt,
        Instant editedAt,
        boolean deleted,
        long version,
        @Schema(description = "Reactions, by emoji, in the order first given.", type = SchemaType.ARRAY, implementation = ReactionView.class) List<ReactionView> reactions,
        @Schema(description = "Files, in the order sent; empty when deleted (the files stay with the channel).", type = SchemaType.ARRAY, implementation = AttachmentView.class)
        List<AttachmentView> attachments,
        @Schema(description = "Sent by a workspace's bot or an incoming webhook (shown with a bot badge).") boolean senderBot,
        @Schema(description = "The name to show instead of the sender account's: an incoming webhook's name, or the username its "
                + "body gave; null otherwise.") String senderName,
        @Schema(description = "In the answer to posting it: the members of the workspace it mentions who were not notified because "
                + "they cannot read the channel (tell the writer). Empty otherwise.", type = SchemaType.ARRAY, implementation = MentionNotDeliveredView.class)
        List<MentionNotDeliveredView> mentionsNotDelivered) {

    @Schema(name = "ChatMentionNotDelivered", description = "Someone a message mentions who was not notified: they cannot read the channel.")
    public record MentionNotDeliveredView(String accountId, @Schema(example = "Kim Minji") String displayName) {

        static List<MentionNotDeliveredView> from(List<Mentions.NotDelivered> people) {
            return people.stream().map(p -> new MentionNotDeliveredView(p.accountId(), p.displayName())).toList();
        }
    }

    @Schema(name = "ChatReaction")
    public record ReactionView(String emoji, List<String> accountIds) {
    }

    @Schema(name = "ChatAttachment", description = "A file a message carries; its readers may download it.")
    public record AttachmentView(
            String id,
            String name,
            @Schema(description = "Sniffed from the content when it was uploaded.") String contentType,
            @Schema(description = "Bytes.") long size,
            @Schema(enumeration = {"pending", "ready", "none"}, description = "As the file's: ready means GET /api/v1/files/{id}/thumbnail.")
            String thumbnail,
            String contentUrl) {

        static AttachmentView from(AttachedFile file) {
            return new AttachmentView(file.id(), file.name(), file.contentType(), file.size(), file.thumbnail(), contentUrl(file.id()));
        }

        static String contentUrl(String fileId) {
            return "/" + MoimApi.PATH + "/files/" + fileId + "/content";
        }
    }

    static MessageView from(History.Item item) {
        return from(item, List.of());
    }

    /** The answer to posting it, with whom its mentions did not reach. */
    static MessageView posted(Posting.Posted posted) {
        return from(new History.Item(posted.message(), java.util.Map.of(), List.of()), MentionNotDeliveredView.from(posted.mentionsNotDelivered()));
    }

    private static MessageView from(History.Item item, List<MentionNotDeliveredView> mentionsNotDelivered) {
        MessageState m = item.message();
        List<ReactionView> reactions = item.reactions().entrySet().stream()
                .map(e -> new ReactionView(e.getKey(), List.copyOf(e.getValue()))).toList();
        return new MessageView(m.id(), m.channelId(), m.sequence(), m.senderId(), m.text(), m.mentions(), m.parentId(),
                m.createdAt(), m.editedAt(), m.deleted(), m.version(), reactions,
                item.attachments().stream().map(AttachmentView::from).toList(), m.senderBot(), m.senderName(), mentionsNotDelivered);
    }
}
