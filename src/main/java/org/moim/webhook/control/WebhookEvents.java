package org.moim.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moim.billing.control.PlanLimits;
import org.moim.billing.entity.Limit;
import org.moim.platform.messaging.JmsSender;
import org.moim.webhook.entity.Webhook;
import org.moim.webhook.entity.WebhookDelivery;
import org.moim.webhook.entity.WebhookFormat;

/**
 * The extension point: features {@link #publish} what happened in a workspace, in the transaction
 * of the change. Each active webhook of the workspace that subscribed to the event type gets a
 * delivery row and a message on {@code moim.webhooks}, both committed with the change (or neither).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WebhookEvents {

    private static final Logger LOG = Logger.getLogger(WebhookEvents.class.getName());

    public static final String QUEUE = "moim.webhooks";

    public static final String MEMBER_JOINED = "member.joined";
    public static final String MEMBER_LEFT = "member.left";
    public static final String INVITATION_ANSWERED = "invitation.answered";
    /** Sent by "send test event" to one webhook, whatever it subscribed to; not subscribable. */
    public static final String TEST = "webhook.test";

    /**
     * The event types webhooks can subscribe to. A feature that publishes a new type adds it here
     * (and to docs/webhooks.md).
     */
    public static final Set<String> TYPES = Set.of(MEMBER_JOINED, MEMBER_LEFT, INVITATION_ANSWERED);

    /** What happened: {@code data} for programs, {@code text} (one line) for people and Slack. */
    public record Event(JsonObject data, String text) {
    }

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    JmsSender sender;

    @Inject
    PlanLimits limits;

    @Inject
    Clock clock;

    /**
     * Queues the event to every webhook of the workspace that wants it.
     *
     * @param type one of {@link #TYPES}
     * @param data the event's details (ids, names, small values; never an entity)
     * @param text one line in words, e.g. "Mina joined “Launch” as MEMBER"; the whole body of the
     *             Slack format
     */
    public void publish(String workspaceId, String type, JsonObject data, String text) {
        publish(workspaceId, type, () -> new Event(data, text));
    }

    /** The same, building the event only when some webhook wants it. */
    public void publish(String workspaceId, String type, Supplier<Event> event) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("Unknown webhook event type " + type + ": add it to WebhookEvents.TYPES");
        }
        // All of them, oldest first (at most WebhookCeiling's): a plan below the count
        // pauses the newest ones, which needs their positions.
        List<Webhook> all = em.createQuery("select w from Webhook w where w.workspaceId = :workspace order by w.createdAt, w.id",
                        Webhook.class)
                .setParameter("workspace", workspaceId)
                .getResultList();
        if (all.stream().noneMatch(webhook -> webhook.active() && webhook.wants(type))) {
            return;
        }
        Long allowed = limits.planOf(workspaceId).max(Limit.INTEGRATIONS);
        List<Webhook> subscribed = all.stream()
                .limit(allowed == null ? Long.MAX_VALUE : allowed)
                .filter(webhook -> webhook.active() && webhook.wants(type))
                .toList();
        if (subscribed.isEmpty()) {
            LOG.log(Level.FINE, "Workspace {0}: {1} goes to no webhook; the plan pauses those that want it", new Object[] {workspaceId, type});
            return;
        }
        Event what = event.get();
        String eventId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        for (Webhook webhook : subscribed) {
            queue(webhook, eventId, type, what, now);
        }
    }

    /** A "send test event" delivery to this one webhook. */
    public WebhookDelivery test(Webhook webhook, String requestedByName) {
        Event event = new Event(Json.createObjectBuilder().add("requestedBy", requestedByName).build(),
                "Test event from Moim, sent by " + requestedByName + ": this webhook works.");
        return queue(webhook, UUID.randomUUID().toString(), TEST, event, clock.instant());
    }

    private WebhookDelivery queue(Webhook webhook, String eventId, String type, Event event, Instant now) {
        WebhookDelivery delivery = new WebhookDelivery(webhook.id(), eventId, type, body(webhook, eventId, type, event, now), now);
        em.persist(delivery);
        sender.send(QUEUE, DeliveryMessage.envelope(delivery));
        return delivery;
    }

    static String body(Webhook webhook, String eventId, String type, Event event, Instant now) {
        if (webhook.format() == WebhookFormat.SLACK) {
            return Json.createObjectBuilder().add("text", event.text()).build().toString();
        }
        return Json.createObjectBuilder()
                .add("id", eventId)
                .add("type", type)
                .add("createdAt", now.toString())
                .add("workspaceId", webhook.workspaceId())
                .add("text", event.text())
                .add("data", event.data())
                .build().toString();
    }
}
