package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.moim.chat.entity.Channel;
import org.moim.chat.entity.Message;
import org.moim.chat.entity.MessageChanged;
import org.moim.chat.entity.MessageState;
import org.moim.chat.entity.Reaction;
import org.moim.chat.entity.ReactionChanged;
import org.moim.platform.problem.Forbidden;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.NotFound;

/**
 * Edits, deletions and reactions. Only the sender edits a message; the sender deletes it, and in
 * a board channel so may the workspace's OWNERs and MANAGERs ({@link ChatAction}). A deleted
 * message can be neither edited nor reacted to; deleting it again changes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MessageChanges {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    ChatPolicy policy;

    @Inject
    Mentions mentions;

    @Inject
    Event<MessageChanged> changed;

    @Inject
    Event<ReactionChanged> reactions;

    @Inject
    Clock clock;

    public MessageState edit(String messageId, String accountId, String text, List<String> mentioned) {
        if (!Message.fits(text)) {
            throw new InvalidField("text", "must be 1 to " + Message.MAX_TEXT_BYTES + " bytes of UTF-8 and not blank");
        }
        Message message = message(messageId);
        ChatPolicy.Access access = policy.require(message.channelId(), accountId, ChatAction.EDIT_OWN);
        if (!message.senderId().equals(accountId)) {
            throw new Forbidden("Only the sender edits a message.");
        }
        if (message.isDeleted()) {
            throw notFound();
        }
        Channel channel = access.channel();
        message.edit(text, mentions.readersAmong(channel, mentioned), clock.instant());
        em.flush();
        MessageState state = message.state();
        changed.fire(new MessageChanged(channel.ref(), state));
        return state;
    }

    public MessageState delete(String messageId, String accountId) {
        Message message = message(messageId);
        ChatPolicy.Access access = policy.require(message.channelId(), accountId,
                message.senderId().equals(accountId) ? ChatAction.DELETE_OWN : ChatAction.READ);
        if (!message.senderId().equals(accountId)) {
            policy.require(access, ChatAction.DELETE_ANY);
        }
        if (message.delete(clock.instant())) {
            em.flush();
            changed.fire(new MessageChanged(access.channel().ref(), message.state()));
        }
        return message.state();
    }

    /** Adds ({@code add}) or takes back the caller's reaction; doing either twice changes nothing. */
    public MessageState react(String messageId, String accountId, String emoji, boolean add) {
        if (!Reaction.valid(emoji)) {
            throw new InvalidField("emoji", "must be 1 to " + Reaction.MAX_EMOJI_LENGTH + " characters without spaces");
        }
        Message message = message(messageId);
        ChatPolicy.Access access = policy.require(message.channelId(), accountId, ChatAction.REACT);
        if (message.isDeleted()) {
            throw notFound();
        }
        Reaction existing = em.find(Reaction.class, new Reaction.Key(message.id(), accountId, emoji));
        boolean change = add ? existing == null : existing != null;
        if (change) {
            if (add) {
                em.persist(new Reaction(message.id(), accountId, emoji, clock.instant()));
            } else {
                em.remove(existing);
            }
            em.flush();
            reactions.fire(new ReactionChanged(access.channel().ref(), message.id(), message.seq(), accountId, emoji, add));
        }
        return message.state();
    }

    private Message message(String messageId) {
        Message message = messageId == null || messageId.length() > 36 ? null : em.find(Message.class, messageId);
        if (message == null) {
            throw notFound();
        }
        return message;
    }

    private static NotFound notFound() {
        return new NotFound("The message");
    }
}
