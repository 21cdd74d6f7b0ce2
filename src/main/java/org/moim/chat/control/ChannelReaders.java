package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Keyset;
import org.moim.platform.persistence.Page;

/**
 * Who reads a channel, for the composer's mention picker: exactly those {@link ChatPolicy#readers}
 * names, the people a mention in this channel notifies ({@link Mentions}). Asked by a reader of
 * the channel; anyone else gets 404. A page at a time, by name.
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

    /** A page of the readers by name (then id). */
    public Page<Reader> page(String channelId, String accountId, int limit, String cursor) {
        ChatPolicy.Access access = policy.require(channelId, accountId, ChatAction.READ);
        Keyset keyset = Keyset.byName("a.displayName", "a.id", limit, cursor);
        Set<String> readers = policy.readers(access.channel());
        if (readers.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        return keyset.pageByName(em.createQuery("select new org.moim.chat.control.ChannelReaders.Reader(a.id, a.displayName)"
                        + " from Account a where a.id in :readers" + keyset.and() + keyset.orderBy(), Reader.class)
                .setParameter("readers", readers), reader -> new Cursor.Named(reader.displayName(), reader.accountId()));
    }
}
