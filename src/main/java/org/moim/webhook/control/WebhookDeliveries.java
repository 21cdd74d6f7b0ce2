package org.moim.webhook.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.platform.messaging.JmsSender;
import org.moim.platform.messaging.RetryDelays;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.NotFound;
import org.moim.webhook.entity.DeliveryStatus;
import org.moim.webhook.entity.Webhook;
import org.moim.webhook.entity.WebhookDelivery;

/**
 * The record of deliveries: starting and finishing attempts, queuing the next attempt when it is
 * due, and reading the record. Attempts are started in a transaction of their own (the count
 * survives whatever happens to the caller's) and finished in the caller's.
 */
@ApplicationScoped
public class WebhookDeliveries {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class.getName());
    /** How many due deliveries one poll queues again at most (the rest on the next poll). */
    static final int REQUEUE_BATCH = 200;
    /** Beyond the request timeout: how long an attempt may seem to run before it counts as lost. */
    static final Duration LEASE_MARGIN = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    JmsSender sender;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "moim.webhooks.retry-delays", defaultValue = "PT30S,PT2M,PT10M,PT1H,PT6H")
    String retryDelaysText;

    @Inject
    @ConfigProperty(name = "moim.webhooks.timeout", defaultValue = "PT10S")
    Duration timeout;

    RetryDelays retryDelays;

    @PostConstruct
    void readConfig() {
        retryDelays = RetryDelays.parse("moim.webhooks.retry-delays", retryDelaysText);
    }

    /** What one attempt needs to know, read when it starts. */
    public record Attempt(String deliveryId, String webhookId, String url, String secret, String eventType, String body, int number) {
    }

    /**
     * Starts the attempt the message stands for; empty when there is nothing to do (a stale or
     * repeated message, a finished delivery, a deleted webhook). A delivery that is not visible
     * yet in the state the message was queued with throws {@link DeliveryNotVisible}, so the broker
     * redelivers: the delivery row and the message commit in one XA transaction, but the broker's
     * branch may commit first.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Attempt> start(DeliveryMessage message) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, message.deliveryId());
        boolean webhookGone = message.webhookId() == null || em.find(Webhook.class, message.webhookId()) == null;
        if (delivery == null && !webhookGone || delivery != null && delivery.seenBefore(message.queuedAt())
                && !Objects.equals(delivery.attemptKey(), message.attemptKey())) {
            throw new DeliveryNotVisible(message.deliveryId());
        }
        if (delivery == null || !delivery.start(message.attemptKey(), clock.instant(), timeout.plus(LEASE_MARGIN))) {
            LOG.log(Level.FINE, "Webhook delivery {0}: message {1} is stale or repeated; ignored", new Object[] {message.deliveryId(), message.attemptKey()});
            return Optional.empty();
        }
        Webhook webhook = em.find(Webhook.class, delivery.webhookId());
        if (webhook == null) {
            return Optional.empty();
        }
        return Optional.of(new Attempt(delivery.id(), webhook.id(), webhook.url(), webhook.secret(), delivery.eventType(), delivery.body(),
                delivery.attempts()));
    }

    /** Records how the attempt went; a failure waits for the next attempt, or ends the delivery. */
    @Transactional(TxType.MANDATORY)
    public void finish(Attempt attempt, WebhookPoster.Outcome outcome) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, attempt.deliveryId());
        if (delivery == null) {
            return; // the webhook was deleted meanwhile, with its deliveries
        }
        Instant now = clock.instant();
        if (outcome.succeeded()) {
            delivery.succeeded(outcome.httpStatus(), outcome.durationMillis(), now);
            return;
        }
        Duration retryAfter = outcome.permanent() ? null : retryDelays.after(delivery.attempts());
        delivery.failed(outcome.httpStatus(), outcome.error(), outcome.durationMillis(), retryAfter, now);
        if (delivery.status() == DeliveryStatus.DEAD) {
            LOG.log(Level.WARNING, "Webhook delivery {0} ({1} to webhook {2}) is DEAD after {3} attempts: {4}",
                    new Object[] {delivery.id(), delivery.eventType(), delivery.webhookId(), delivery.attempts(), delivery.lastError()});
        }
    }

    /**
     * Queues the next attempt of every delivery whose wait is over, counts attempts that ran past
     * their lease (the node stopped during the call) as failed, and sends a new message for a
     * queued attempt whose message seems lost. Every node polls; two nodes
     * that pick the same delivery collide on its version, and the loser's transaction (with its
     * messages) rolls back. Answers how many attempts were queued.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int requeueDue() {
        Instant now = clock.instant();
        List<WebhookDelivery> due = em.createQuery("""
                        select d from WebhookDelivery d
                        where d.status in :statuses and d.nextAttemptAt <= :now
                        order by d.nextAttemptAt""", WebhookDelivery.class)
                .setParameter("statuses", List.of(DeliveryStatus.WAITING, DeliveryStatus.SENDING, DeliveryStatus.PENDING))
                .setParameter("now", now)
                .setMaxResults(REQUEUE_BATCH)
                .getResultList();
        int queued = 0;
        for (WebhookDelivery delivery : due) {
            if (delivery.status() == DeliveryStatus.SENDING) {
                delivery.failed(null, "The attempt was interrupted (the server stopped while it ran)", null,
                        retryDelays.after(delivery.attempts()), now);
            } else {
                if (delivery.status() == DeliveryStatus.PENDING) {
                    LOG.log(Level.WARNING, "Webhook delivery {0}: its message did not arrive within {1}; sending another",
                            new Object[] {delivery.id(), WebhookDelivery.MESSAGE_LOST_AFTER});
                }
                delivery.requeue(UUID.randomUUID().toString(), now);
                sender.send(WebhookEvents.QUEUE, DeliveryMessage.envelope(delivery));
                queued++;
            }
        }
        return queued;
    }

    /** The message's delivery, in the state it was queued with, cannot be seen yet: redelivered. */
    public static final class DeliveryNotVisible extends RuntimeException {
        DeliveryNotVisible(String deliveryId) {
            super("Webhook delivery " + deliveryId + " is not visible yet in the state its message was queued with");
        }
    }

    /** Someone asks for a dead delivery to be tried again: a new round of attempts. */
    @Transactional(TxType.MANDATORY)
    public WebhookDelivery retry(Webhook webhook, String deliveryId) {
        WebhookDelivery delivery = of(webhook, deliveryId);
        if (!delivery.revive(UUID.randomUUID().toString(), clock.instant())) {
            throw new DeliveryNotDead(delivery.status().name());
        }
        sender.send(WebhookEvents.QUEUE, DeliveryMessage.envelope(delivery));
        return delivery;
    }

    @Transactional(TxType.MANDATORY)
    public WebhookDelivery of(Webhook webhook, String deliveryId) {
        WebhookDelivery delivery = deliveryId == null ? null : em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null || !delivery.webhookId().equals(webhook.id())) {
            throw new NotFound("The delivery");
        }
        return delivery;
    }

    /** Dead deliveries of every webhook, newest first (for system administrators). */
    @Transactional(TxType.MANDATORY)
    public Page<WebhookDelivery> dead(String cursorText, int limit) {
        if (limit < 1 || limit > 100) {
            throw new InvalidField("limit", "must be between 1 and 100");
        }
        Cursor after = Cursor.decode("cursor", cursorText);
        TypedQuery<WebhookDelivery> query = em.createQuery("select d from WebhookDelivery d where d.status = :dead"
                        + (after == null ? "" : " and (d.createdAt < :createdAt or (d.createdAt = :createdAt and d.id < :id))")
                        + " order by d.createdAt desc, d.id desc", WebhookDelivery.class)
                .setParameter("dead", org.moim.webhook.entity.DeliveryStatus.DEAD)
                .setMaxResults(limit + 1);
        if (after != null) {
            query.setParameter("createdAt", after.createdAt()).setParameter("id", after.id());
        }
        List<WebhookDelivery> found = query.getResultList();
        if (found.size() <= limit) {
            return new Page<>(found, null);
        }
        WebhookDelivery last = found.get(limit - 1);
        return new Page<>(found.subList(0, limit), new Cursor(last.createdAt(), last.id()).encode());
    }

    /** A system administrator retries any dead delivery, whatever its workspace. */
    @Transactional(TxType.MANDATORY)
    public WebhookDelivery retryAny(String deliveryId) {
        WebhookDelivery delivery = deliveryId == null ? null : em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null) {
            throw new NotFound("The delivery");
        }
        if (!delivery.revive(UUID.randomUUID().toString(), clock.instant())) {
            throw new DeliveryNotDead(delivery.status().name());
        }
        sender.send(WebhookEvents.QUEUE, DeliveryMessage.envelope(delivery));
        return delivery;
    }

    /** The webhook's deliveries, newest first. */
    @Transactional(TxType.MANDATORY)
    public Page<WebhookDelivery> page(Webhook webhook, String cursorText, int limit) {
        if (limit < 1 || limit > 100) {
            throw new InvalidField("limit", "must be between 1 and 100");
        }
        Cursor after = Cursor.decode("cursor", cursorText);
        TypedQuery<WebhookDelivery> query = em.createQuery("select d from WebhookDelivery d where d.webhookId = :webhook"
                        + (after == null ? "" : " and (d.createdAt < :createdAt or (d.createdAt = :createdAt and d.id < :id))")
                        + " order by d.createdAt desc, d.id desc", WebhookDelivery.class)
                .setParameter("webhook", webhook.id())
                .setMaxResults(limit + 1);
        if (after != null) {
            query.setParameter("createdAt", after.createdAt()).setParameter("id", after.id());
        }
        List<WebhookDelivery> found = query.getResultList();
        if (found.size() <= limit) {
            return new Page<>(found, null);
        }
        WebhookDelivery last = found.get(limit - 1);
        return new Page<>(found.subList(0, limit), new Cursor(last.createdAt(), last.id()).encode());
    }

    public RetryDelays retryDelays() {
        return retryDelays;
    }
}
