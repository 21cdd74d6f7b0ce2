package org.moim.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.moim.billing.control.PlanLimits;
import org.moim.billing.entity.Limit;
import org.moim.identity.control.AccountStore;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Keyset;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.webhook.entity.Webhook;
import org.moim.webhook.entity.WebhookDelivery;
import org.moim.webhook.entity.WebhookFormat;
import org.moim.workspace.control.StaleVersion;
import org.moim.workspace.entity.Membership;

/** A workspace's webhooks: made, listed, changed and deleted by its owners and managers. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Webhooks {

    static final int MAX_EVENT_TYPES = 20;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    WebhookPolicy policy;

    @Inject
    WebhookAddresses addresses;

    @Inject
    WebhookEvents events;

    @Inject
    AccountStore accounts;

    @Inject
    PlanLimits limits;

    @Inject
    WebhookUsage usage;

    @Inject
    WebhookCeiling ceiling;

    @Inject
    Clock clock;

    /** A webhook and, right after it was made or its secret replaced, the secret (shown this once). */
    public record WithSecret(Webhook webhook, String secret) {
    }

    public WithSecret create(String workspaceId, String accountId, String url, Collection<String> eventTypes, WebhookFormat format,
                             String description) {
        Membership caller = policy.require(workspaceId, accountId, WebhookAction.CREATE_WEBHOOK);
        URI uri = addresses.parse(url);
        Set<String> subscribed = eventTypes(eventTypes);
        addresses.checkWhenSaved(uri);
        // The plan's integrations (402 plan-limit, locking the workspace so two creations cannot
        // both take the last place); the plan is never above the server's own cap (WebhookCeiling),
        // which is checked again in case an operator lowered it below what a workspace has.
        limits.requireRoom(workspaceId, Limit.INTEGRATIONS, 1);
        long existing = usage.used(workspaceId);
        if (existing >= ceiling.ceiling()) {
            throw new TooManyWebhooks(ceiling.ceiling());
        }
        String secret = WebhookSignatures.newSecret();
        Webhook webhook = new Webhook(workspaceId, uri.toString(), subscribed, format == null ? WebhookFormat.JSON : format,
                secret, description(description), accountId, clock.instant());
        em.persist(webhook);
        em.flush();
        return new WithSecret(webhook, secret);
    }

    /** The workspace's webhooks, oldest first (there are at most {@link WebhookCeiling#ceiling()}). */
    public Page<Webhook> list(String workspaceId, String accountId, int limit, String cursor) {
        Keyset keyset = Keyset.oldestFirst("w.createdAt", "w.id", limit, cursor);
        policy.require(workspaceId, accountId, WebhookAction.LIST_WEBHOOKS);
        return keyset.page(em.createQuery("select w from Webhook w where w.workspaceId = :workspace"
                        + keyset.and() + keyset.orderBy(), Webhook.class)
                .setParameter("workspace", workspaceId), x -> new Cursor(x.createdAt(), x.id()));
    }

    public Webhook get(String workspaceId, String webhookId, String accountId) {
        return policy.require(workspaceId, webhookId, accountId, WebhookAction.LIST_WEBHOOKS);
    }

    /** Changes what is given (null: unchanged). With {@code expectedVersion}, 409 if it changed since. */
    public Webhook update(String workspaceId, String webhookId, String accountId, Long expectedVersion, String url,
                          Collection<String> eventTypes, WebhookFormat format, String description, Boolean active) {
        Webhook webhook = policy.require(workspaceId, webhookId, accountId, WebhookAction.UPDATE_WEBHOOK);
        if (expectedVersion != null && expectedVersion != webhook.version()) {
            throw new StaleVersion(webhook.version());
        }
        Instant now = clock.instant();
        if (url != null) {
            URI uri = addresses.parse(url);
            addresses.checkWhenSaved(uri);
            webhook.changeUrl(uri.toString(), now);
        }
        if (eventTypes != null) {
            webhook.changeEvents(eventTypes(eventTypes), now);
        }
        if (format != null) {
            webhook.changeFormat(format, now);
        }
        if (description != null) {
            webhook.changeDescription(description(description), now);
        }
        if (active != null) {
            webhook.activate(active, now);
        }
        em.flush();
        return webhook;
    }

    /** Deletes the webhook with its record of deliveries; attempts already queued find nothing and stop. */
    public void delete(String workspaceId, String webhookId, String accountId) {
        Webhook webhook = policy.require(workspaceId, webhookId, accountId, WebhookAction.DELETE_WEBHOOK);
        em.createQuery("delete from WebhookDelivery d where d.webhookId = :webhook").setParameter("webhook", webhook.id()).executeUpdate();
        em.remove(webhook);
        em.flush();
    }

    /** A new secret; the old one stops signing at once. */
    public WithSecret rotateSecret(String workspaceId, String webhookId, String accountId) {
        Webhook webhook = policy.require(workspaceId, webhookId, accountId, WebhookAction.UPDATE_WEBHOOK);
        String secret = WebhookSignatures.newSecret();
        webhook.replaceSecret(secret, clock.instant());
        em.flush();
        return new WithSecret(webhook, secret);
    }

    /** Queues a {@code webhook.test} event to this webhook (even an inactive one). */
    public WebhookDelivery sendTest(String workspaceId, String webhookId, String accountId) {
        Webhook webhook = policy.require(workspaceId, webhookId, accountId, WebhookAction.SEND_TEST_EVENT);
        WebhookDelivery delivery = events.test(webhook, accounts.byId(accountId).displayName());
        em.flush();
        return delivery;
    }

    static Set<String> eventTypes(Collection<String> given) {
        if (given == null || given.isEmpty()) {
            throw new InvalidField("events", "must name at least one event type, or \"*\" for all");
        }
        if (given.size() > MAX_EVENT_TYPES) {
            throw new InvalidField("events", "must name at most " + MAX_EVENT_TYPES + " event types");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : given) {
            if (type == null || !(type.equals(Webhook.ALL_EVENTS) || WebhookEvents.TYPES.contains(type))) {
                throw new InvalidField("events", "unknown event type " + (type == null ? "null" : "\"" + type + "\"")
                        + "; known: " + String.join(", ", WebhookEvents.TYPES.stream().sorted().toList()) + ", or \"*\"");
            }
            types.add(type);
        }
        return types.contains(Webhook.ALL_EVENTS) ? Set.of(Webhook.ALL_EVENTS) : types;
    }

    private static String description(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String text = description.strip();
        if (text.length() > Webhook.MAX_DESCRIPTION) {
            throw new InvalidField("description", "must be at most " + Webhook.MAX_DESCRIPTION + " characters");
        }
        return text;
    }
}
