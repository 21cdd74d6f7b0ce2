package org.moim.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.moim.identity.entity.Account;
import org.moim.notification.entity.Notification;
import org.moim.notification.entity.NotificationCreated;
import org.moim.notification.entity.NotificationDraft;
import org.moim.notification.entity.NotificationReader;
import org.moim.notification.entity.NotificationsRead;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.NotFound;

/**
 * Everyone's inbox. Features {@link #deliver} what happened; people read their own notifications
 * and nobody else's (someone else's id is 404, like one that does not exist).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Inbox {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<NotificationCreated> created;

    @Inject
    Event<NotificationsRead> read;

    /**
     * Stores one notification per recipient, never for the actor (nobody is told about what they
     * did themselves), once per recipient however often they are named. Pushed to open tabs after
     * the transaction commits.
     */
    public void deliver(NotificationDraft draft, Collection<String> recipientAccountIds) {
        Set<String> recipients = new LinkedHashSet<>(recipientAccountIds);
        recipients.remove(draft.actorId());
        recipients.remove(null);
        if (recipients.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Notification> stored = new ArrayList<>(recipients.size());
        for (String recipient : recipients) {
            Notification notification = new Notification(draft, recipient, now);
            em.persist(notification);
            stored.add(notification);
        }
        String actorName = draft.actorId() == null ? null
                : Optional.ofNullable(em.find(Account.class, draft.actorId())).map(Account::displayName).orElse(null);
        created.fire(new NotificationCreated(stored, actorName, readers(recipients)));
    }

    /** A page of the account's inbox, newest first; {@code unreadOnly} leaves read ones out. */
    public Page<Notification> page(String accountId, boolean unreadOnly, Cursor after, int limit) {
        String jpql = "select n from Notification n where n.recipientId = :account"
                + (unreadOnly ? " and n.readAt is null" : "")
                + (after == null ? "" : " and (n.createdAt < :createdAt or (n.createdAt = :createdAt and n.id < :id))")
                + " order by n.createdAt desc, n.id desc";
        TypedQuery<Notification> query = em.createQuery(jpql, Notification.class)
                .setParameter("account", accountId)
                .setMaxResults(limit + 1);
        if (after != null) {
            query.setParameter("createdAt", after.createdAt()).setParameter("id", after.id());
        }
        List<Notification> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<Notification> items = more ? rows.subList(0, limit) : rows;
        Notification last = more ? items.get(items.size() - 1) : null;
        return new Page<>(List.copyOf(items), last == null ? null : new Cursor(last.createdAt(), last.id()).encode());
    }

    /** Display names of the actors of these notifications, in one query. */
    public Map<String, String> actorNames(Collection<Notification> notifications) {
        Set<String> ids = notifications.stream().map(Notification::actorId).filter(id -> id != null)
                .collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select a.id, a.displayName from Account a where a.id in :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
    }

    /** The language and time zone of each of these accounts, in one query (accounts that are gone are left out). */
    public Map<String, NotificationReader> readers(Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select a from Account a where a.id in :ids", Account.class)
                .setParameter("ids", Set.copyOf(accountIds))
                .getResultStream()
                .collect(Collectors.toMap(Account::id, Inbox::reader));
    }

    /** The language and time zone of one account. */
    public NotificationReader reader(String accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new NotFound("The account");
        }
        return reader(account);
    }

    static NotificationReader reader(Account account) {
        return new NotificationReader(account.id(), account.language(), account.timeZone());
    }

    public long unreadCount(String accountId) {
        return em.createQuery("select count(n) from Notification n where n.recipientId = :account and n.readAt is null",
                        Long.class)
                .setParameter("account", accountId)
                .getSingleResult();
    }

    /** Marks one of the account's own notifications read (again is fine); someone else's is 404. */
    public Notification markRead(String accountId, String notificationId) {
        Notification notification = notificationId == null ? null : em.find(Notification.class, notificationId);
        if (notification == null || !notification.recipientId().equals(accountId)) {
            throw new NotFound("The notification");
        }
        if (notification.readAt() == null) {
            notification.markRead(clock.instant());
            read.fire(new NotificationsRead(accountId, notification.id()));
        }
        return notification;
    }

    /** Marks every unread notification of the account read, in one statement; answers how many. */
    public int markAllRead(String accountId) {
        int marked = em.createQuery("update Notification n set n.readAt = :now where n.recipientId = :account and n.readAt is null")
                .setParameter("now", clock.instant())
                .setParameter("account", accountId)
                .executeUpdate();
        if (marked > 0) {
            read.fire(new NotificationsRead(accountId, null));
        }
        return marked;
    }

    /** Deletes notifications older than {@code before} (read or not); answers how many. */
    public int purgeOlderThan(Instant before) {
        return em.createQuery("delete from Notification n where n.createdAt < :before")
                .setParameter("before", before)
                .executeUpdate();
    }
}
