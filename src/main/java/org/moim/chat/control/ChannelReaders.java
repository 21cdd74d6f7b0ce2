package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;

/**
 * Who reads a channel, for the composer's mention picker: exactly those {@link ChatPolicy#readers}
 * names, the people a mention in this channel notifies ({@link Mentions}). Asked by a reader of
 * the channel; anyone else gets 404.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChannelReaders {

    /** Someone who reads the channel: account id and display name. */
    public record Reader(String accountId, String displayName) {
    }

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    ChatPolicy policy;

    public List<Reader> of(String channelId, String accountId) {
        ChatPolicy.Access access = policy.require(channelId, accountId, ChatAction.READ);
        Set<String> readers = policy.readers(access.channel());
        if (readers.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                        select new org.moim.chat.control.ChannelReaders.Reader(a.id, a.displayName) from Account a
                        where a.id in :readers order by a.displayName, a.id""", Reader.class)
                .setParameter("readers", readers)
                .getResultList();
    }
}
