package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.moim.chat.entity.Channel;
import org.moim.chat.entity.ReadMarked;
import org.moim.platform.problem.InvalidField;

/**
 * Read markers: how far each person has read each channel, one marker per person and channel
 * whatever the number of tabs and devices. A marker only moves forward (an older tab reporting
 * an older position changes nothing), and every change reaches all of the person's tabs
 * (ReadMarked, published after commit).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReadMarkers {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    ChatPolicy policy;

    @Inject
    Event<ReadMarked> marked;

    @Inject
    Clock clock;

    /** Where someone stands in a channel: read up to {@code sequence}, {@code unread} others' messages after it. */
    public record ReadState(String channelId, long sequence, long unread) {
    }

    /** Moves the caller's marker to {@code sequence} (at most the channel's last message) unless it is further already. */
    public ReadState mark(String channelId, String accountId, long sequence) {
        if (sequence < 0) {
            throw new InvalidField("sequence", "must be 0 or more");
        }
        Channel channel = policy.require(channelId, accountId, ChatAction.READ).channel();
        long target = Math.min(sequence, channel.lastSeq());
        // Portable upsert (MySQL, MariaDB, H2 in MySQL mode) that keeps the greater position.
        em.createNativeQuery("""
                        INSERT INTO chat_read (channel_id, account_id, seq, updated_at) VALUES (?1, ?2, ?3, ?4)
                        ON DUPLICATE KEY UPDATE seq = GREATEST(seq, ?5), updated_at = ?6""")
                .setParameter(1, channel.id()).setParameter(2, accountId).setParameter(3, target)
                .setParameter(4, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .setParameter(5, target)
                .setParameter(6, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate();
        long now = ((Number) em.createNativeQuery("SELECT seq FROM chat_read WHERE channel_id = ?1 AND account_id = ?2")
                .setParameter(1, channel.id()).setParameter(2, accountId)
                .getSingleResult()).longValue();
        ReadState state = new ReadState(channel.id(), now, unread(em, channel.id(), accountId, now));
        marked.fire(new ReadMarked(accountId, channel.id(), state.sequence(), state.unread()));
        return state;
    }

    /** Messages after {@code readSeq} that are not deleted and not the reader's own. */
    static long unread(EntityManager em, String channelId, String accountId, long readSeq) {
        return em.createQuery("""
                        select count(m) from Message m
                        where m.channelId = :channel and m.seq > :read and m.deletedAt is null and m.senderId <> :account""", Long.class)
                .setParameter("channel", channelId)
                .setParameter("read", readSeq)
                .setParameter("account", accountId)
                .getSingleResult();
    }
}
