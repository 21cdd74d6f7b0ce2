package org.moim.chat.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.moim.chat.control.ChatAction;
import org.moim.chat.control.ChatPolicy;
import org.moim.chat.control.History;
import org.moim.chat.control.MessageChanges;
import org.moim.chat.control.Posting;
import org.moim.chat.control.PresenceAudience;
import org.moim.chat.control.ReadMarkers;
import org.moim.chat.entity.ChannelRef;
import org.moim.chat.entity.MessageState;

/**
 * The use cases behind chat's WebSocket frames, one transaction each (the frame handler itself
 * is not a transactional bean: a frame is answered after its transaction committed).
 */
@ApplicationScoped
public class ChatCommands {

    @Inject
    ChatPolicy policy;

    @Inject
    Posting posting;

    @Inject
    MessageChanges changes;

    @Inject
    History history;

    @Inject
    ReadMarkers readMarkers;

    @Inject
    PresenceAudience presence;

    /** Where a subscription starts: the channel's last sequence now, and the messages after {@code after} if asked. */
    record Catchup(long lastSequence, List<History.Item> missed, boolean tooMany) {
    }

    @Transactional
    public ChannelRef readable(String channelId, String accountId) {
        return policy.require(channelId, accountId, ChatAction.READ).channel().ref();
    }

    /** Read after the subscription is in place, so nothing committed later can be missed. */
    @Transactional
    public Catchup catchUp(String channelId, String accountId, Long after, int limit) {
        // Checked again now that the subscription is in place: access lost since is seen here or ends it.
        policy.require(channelId, accountId, ChatAction.READ);
        long last = history.lastSequence(channelId);
        if (after == null || after >= last) {
            return new Catchup(last, List.of(), false);
        }
        if (last - after > limit) {
            return new Catchup(last, List.of(), true);
        }
        return new Catchup(last, history.replay(channelId, after, limit).items(), false);
    }

    @Transactional
    public List<History.Item> replay(String channelId, long after, int limit) {
        return history.replay(channelId, after, limit).items();
    }

    @Transactional
    public Posting.Posted send(Posting.Draft draft) {
        return posting.post(draft);
    }

    /**
     * Several sends in one transaction (the send queue's batches): a send refused by the checks
     * the batch makes anyway is answered alone, the others are stored together ({@link Posting#postEach}).
     */
    @Transactional
    public List<Posting.Outcome> sendEach(List<Posting.Draft> drafts) {
        return posting.postEach(drafts);
    }

    @Transactional
    public MessageState edit(String messageId, String accountId, String text, List<String> mentions) {
        return changes.edit(messageId, accountId, text, mentions);
    }

    @Transactional
    public MessageState delete(String messageId, String accountId) {
        return changes.delete(messageId, accountId);
    }

    @Transactional
    public MessageState react(String messageId, String accountId, String emoji, boolean add) {
        return changes.react(messageId, accountId, emoji, add);
    }

    @Transactional
    public ReadMarkers.ReadState read(String channelId, String accountId, long sequence) {
        return readMarkers.mark(channelId, accountId, sequence);
    }

    @Transactional
    public List<String> presenceAudience(String workspaceId, String accountId) {
        return presence.membersFor(workspaceId, accountId);
    }

    @Transactional
    public List<String> workspacesOf(String accountId) {
        return presence.workspacesOf(accountId);
    }
}
