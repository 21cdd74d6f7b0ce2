package org.moim.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.identity.entity.Account;
import org.moim.job.control.Jobs;
import org.moim.notification.entity.MailMode;
import org.moim.notification.entity.Notification;
import org.moim.notification.entity.NotificationReader;

/**
 * Notification mail: mentions, direct messages and assignments ({@link #MAILED_KINDS}) a person
 * has not read in the browser are mailed, as they chose ({@link MailPreferences}): DIGEST waits
 * until the oldest has gone unread for {@code moim.notifications.mail.delay} (15 min) and then
 * mails all of that person's unread ones in one mail; IMMEDIATE mails each one on the next run;
 * OFF mails nothing. Each notification is considered once ({@code mail_checked_at}).
 *
 * <p>Two steps: {@link #queueDue} (on the one node holding the lease) decides and queues one
 * {@link NotificationMailAlert} job per mail; {@link #send} composes the mail when the job runs,
 * from what the person may still read then ({@link MailableSubjects}) and has still not read, in
 * their language ({@link NotificationMailText}: text and HTML parts), with a one-click
 * unsubscribe (RFC 8058).
 */
@ApplicationScoped
public class NotificationMails {

    public static final Set<String> MAILED_KINDS = Set.of("chat.mentioned", "chat.direct", "card.mentioned", "comment.mentioned", "card.assigned");
    /** Notifications considered per run; the rest wait for the next. */
    static final int BATCH = 500;
    public static final String UNSUBSCRIBE_PATH = "api/v1/notification-mail/unsubscribe";
    /** The browser page a mail's body links to: it asks before it unsubscribes (a link scanner's GET changes nothing). */
    static final String UNSUBSCRIBE_PAGE = "#/unsubscribe?token=";

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MailPreferences preferences;

    @Inject
    Jobs jobs;

    @Inject
    AppAddress address;

    @Inject
    Inbox inbox;

    @Inject
    Mailer mailer;

    @Inject
    UnsubscribeTokens tokens;

    @Inject
    Instance<MailableSubjects> subjects;

    @Inject
    @ConfigProperty(name = "moim.notifications.mail.delay", defaultValue = "PT15M")
    Duration delay;

    /** Decides the mail of unread notifications not considered yet, and queues what is due; answers how many mails. */
    @Transactional(TxType.REQUIRES_NEW)
    public int queueDue() {
        Instant now = clock.instant();
        List<Notification> pending = em.createQuery("""
                        select n from Notification n
                        where n.mailCheckedAt is null and n.readAt is null and n.kind in :kinds and n.createdAt <= :now
                        order by n.createdAt, n.id""", Notification.class)
                .setParameter("kinds", MAILED_KINDS)
                .setParameter("now", now)
                .setMaxResults(BATCH)
                .getResultList();
        if (pending.isEmpty()) {
            return 0;
        }
        Map<String, List<Notification>> byRecipient = new LinkedHashMap<>();
        pending.forEach(n -> byRecipient.computeIfAbsent(n.recipientId(), r -> new ArrayList<>()).add(n));
        Map<String, MailMode> modes = preferences.modes(byRecipient.keySet());
        String root = address.root();
        int mails = 0;
        for (var entry : byRecipient.entrySet()) {
            List<Notification> unread = entry.getValue();
            MailMode mode = modes.get(entry.getKey());
            List<List<Notification>> toSend = switch (mode) {
                case OFF -> List.of();
                case IMMEDIATE -> unread.stream().map(List::of).toList();
                case DIGEST -> unread.get(0).createdAt().isAfter(now.minus(delay)) ? null : List.of(unread);
            };
            if (toSend == null) {
                continue; // not due yet: the oldest has not waited long enough to count as unseen
            }
            unread.forEach(n -> n.mailChecked(now));
            for (List<Notification> mail : toSend) {
                jobs.enqueue(Alerts.QUEUE, NotificationMailAlert.TYPE, NotificationMailAlert.VERSION, entry.getKey(),
                        new NotificationMailAlert(entry.getKey(), mail.stream().map(Notification::id).toList(), root).payload());
                mails++;
            }
        }
        return mails;
    }

    /**
     * Sends the mail of a job, naming only what the person may still read and has not read; nothing when that is nothing, or they turned mail off meanwhile.
     * A mail the server refused leaves the transaction to commit: the job records the error and waits for its next attempt ({@link Alerts#deliver}).
     */
    @Transactional(value = TxType.MANDATORY, dontRollbackOn = MailFailed.class)
    void send(NotificationMailAlert alert) {
        Account account = em.find(Account.class, alert.accountId());
        if (account == null || alert.notificationIds().isEmpty()) {
            return;
        }
        MailMode mode = preferences.mode(account.id());
        if (mode == MailMode.OFF) {
            return;
        }
        List<Notification> unread = em.createQuery("""
                        select n from Notification n
                        where n.id in :ids and n.recipientId = :account and n.readAt is null
                        order by n.createdAt, n.id""", Notification.class)
                .setParameter("ids", Set.copyOf(alert.notificationIds()))
                .setParameter("account", account.id())
                .getResultList();
        List<Notification> readable = stillReadable(account.id(), unread);
        if (readable.isEmpty()) {
            return;
        }
        Map<String, String> actors = inbox.actorNames(readable);
        NotificationReader reader = Inbox.reader(account);
        String root = alert.appUrl().endsWith("/") ? alert.appUrl() : alert.appUrl() + "/";
        List<MailTemplate.Entry> items = readable.stream()
                .map(n -> new MailTemplate.Entry(reader.title(n, n.actorId() == null ? null : actors.get(n.actorId())),
                        n.excerpt(), n.link() == null ? null : root + n.link()))
                .toList();
        String token = tokens.issue(account.id());
        Letter letter = NotificationMailText.compose(account.language(), account.displayName(), mode, items,
                new NotificationMailText.Links(root, root + "#/profile", root + UNSUBSCRIBE_PAGE + token));
        mailer.send(account.email(), letter.withUnsubscribe(root + UNSUBSCRIBE_PATH + "?token=" + token));
    }

    /** The notifications whose subjects the account may still read and has not seen otherwise; unknown subject types are left out. */
    List<Notification> stillReadable(String accountId, List<Notification> notifications) {
        Map<String, Set<String>> idsByType = new HashMap<>();
        notifications.forEach(n -> idsByType.computeIfAbsent(String.valueOf(n.subjectType()), t -> new LinkedHashSet<>()).add(n.subjectId()));
        Set<String> worth = new HashSet<>();
        for (MailableSubjects answer : subjects) {
            Set<String> ids = idsByType.get(answer.subjectType());
            if (ids != null) {
                answer.worthMailing(accountId, ids).forEach(id -> worth.add(answer.subjectType() + ":" + id));
            }
        }
        return notifications.stream().filter(n -> worth.contains(n.subjectType() + ":" + n.subjectId())).toList();
    }
}
