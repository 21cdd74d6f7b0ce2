package org.moim.chat.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moim.chat.control.History;
import org.moim.chat.entity.AccessLost;
import org.moim.chat.entity.ChannelRef;
import org.moim.chat.entity.MessageChanged;
import org.moim.chat.entity.MessagePosted;
import org.moim.chat.entity.ReactionChanged;
import org.moim.chat.entity.ReadMarked;
import org.moim.platform.realtime.Deliveries;
import org.moim.platform.realtime.PresenceChanged;

/**
 * Tells the cluster what changed in chat, once it has committed: messages, edits, deletions and
 * reactions to the channel's subscribers, read markers to all of the reader's tabs, presence to
 * the workspaces of the person. Lost access (AccessLost: out of a workspace, off a board, a
 * deleted board) ends the subscriptions under it on every node, at once (inside the removing
 * transaction) and again after its commit (a subscription made in between ends too).
 */
@ApplicationScoped
public class ChatFeed {

    private static final Logger LOG = Logger.getLogger(ChatFeed.class.getName());

    @Inject
    Deliveries deliveries;

    @Inject
    ChatCommands commands;

    void posted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted event) {
        deliveries.toTopic(event.channel().topic(), ChatJson.message(new History.Item(event.message(), Map.of(), event.attachments())));
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageChanged event) {
        deliveries.toTopic(event.channel().topic(), ChatJson.changed(event.message()));
    }

    void reacted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReactionChanged event) {
        deliveries.toTopic(event.channel().topic(), ChatJson.reaction(event));
    }

    void read(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadMarked event) {
        deliveries.toAccount(event.accountId(), ChatJson.read(event.channelId(), event.sequence(), event.unread()));
    }

    void losing(@Observes AccessLost event) {
        end(event);
    }

    void lost(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessLost event) {
        end(event);
    }

    private void end(AccessLost event) {
        if (event.accountId() == null) {
            deliveries.endSubscriptionsOfEveryone(event.topicPrefix());
        } else {
            deliveries.endSubscriptions(event.accountId(), event.topicPrefix());
        }
    }

    /** Runs under the account's presence lock (see Presence), so its frames go out in order. */
    void presence(@Observes PresenceChanged event) {
        try {
            for (String workspaceId : commands.workspacesOf(event.accountId())) {
                deliveries.toTopic(ChannelRef.workspaceTopicPrefix(workspaceId) + "presence",
                        ChatJson.presence(workspaceId, Map.of(event.accountId(), event.status())));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Presence of " + event.accountId() + " could not be told", e);
        }
    }
}
