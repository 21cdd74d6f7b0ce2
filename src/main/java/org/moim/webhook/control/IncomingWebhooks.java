package org.moim.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.chat.control.ChannelAction;
import org.moim.chat.control.ChatPolicy;
import org.moim.chat.control.Posting;
import org.moim.chat.control.WorkspaceChannels;
import org.moim.chat.entity.Channel;
import org.moim.identity.control.AccountStore;
import org.moim.identity.control.DisplayNames;
import org.moim.identity.control.PasswordHasher;
import org.moim.identity.entity.Account;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Keyset;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.NotFound;
import org.moim.platform.security.RateLimiter;
import org.moim.webhook.entity.IncomingWebhook;
import org.moim.workspace.entity.MemberRole;
import org.moim.workspace.entity.Membership;
import org.moim.workspace.entity.Workspace;

/**
 * A channel's incoming webhooks: made, listed, given a new secret and deleted by those the
 * channel's {@link ChannelAction#MANAGE_INCOMING_WEBHOOKS} allows (OWNERs and MANAGERs who read
 * it), and the one use case of their secret URLs, {@link #receive}: a Slack-style body posted as
 * one message through {@link Posting}, as the hook's own bot account.
 *
 * <p>A secret is {@code moim_hook_} and 43 base64url characters (256 random bits); only its
 * SHA-256 is stored and looked up (an equality on a hash of a secret that long leaks nothing a
 * timing could use). Each hook's bot account is a MEMBER of the workspace and a member of the
 * channel, so posting asks the same rule as anyone's message; deleting the hook takes it out of
 * both (its messages stay, with the name they were shown with).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IncomingWebhooks {

    static final String PREFIX = "moim_hook_";

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ChatPolicy chat;

    @Inject
    WorkspaceChannels channels;

    @Inject
    Posting posting;

    @Inject
    AccountStore accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    RateLimiter limiter;

    @Inject
    @ConfigProperty(name = "moim.incoming-webhooks.rate-limit.requests", defaultValue = "60")
    int requestsPerWindow;

    @Inject
    @ConfigProperty(name = "moim.incoming-webhooks.rate-limit.window", defaultValue = "PT1M")
    Duration window;

    @Inject
    @ConfigProperty(name = "moim.incoming-webhooks.max-per-channel", defaultValue = "20")
    int maxPerChannel;

    /** A hook and its secret: only in the answer to making it or replacing its secret. */
    public record WithSecret(IncomingWebhook hook, String secret) {
    }

    public WithSecret create(String channelId, String callerId, String name) {
        Channel channel = chat.require(channelId, callerId, ChannelAction.MANAGE_INCOMING_WEBHOOKS).channel();
        String shownName = DisplayNames.clean("name", name);
        long existing = em.createQuery("select count(h) from IncomingWebhook h where h.channelId = :channel", Long.class)
                .setParameter("channel", channel.id())
                .getSingleResult();
        if (existing >= maxPerChannel) {
            throw new InvalidField("name", "this channel has " + maxPerChannel + " incoming webhooks already; delete one first");
        }
        Instant now = clock.instant();
        byte[] password = new byte[32];
        RANDOM.nextBytes(password);
        Account account = Account.bot(shownName, hasher.hash(Base64.getEncoder().encodeToString(password)), now);
        accounts.add(account);
        em.persist(new Membership(em.getReference(Workspace.class, channel.workspaceId()), account, MemberRole.MEMBER, now));
        channels.addIntegration(channel, account.id());
        String secret = newSecret();
        IncomingWebhook hook = new IncomingWebhook(channel.workspaceId(), channel.id(), account.id(), shownName, hash(secret), hint(secret),
                callerId, now);
        em.persist(hook);
        return new WithSecret(hook, secret);
    }

    /** The channel's hooks, oldest first, one page (one statement after the policy's). */
    public Page<IncomingWebhook> list(String channelId, String callerId, int limit, String cursor) {
        Channel channel = chat.require(channelId, callerId, ChannelAction.MANAGE_INCOMING_WEBHOOKS).channel();
        Keyset keyset = Keyset.oldestFirst("h.createdAt", "h.id", limit, cursor);
        TypedQuery<IncomingWebhook> query = em.createQuery("select h from IncomingWebhook h where h.channelId = :channel"
                + keyset.and() + keyset.orderBy(), IncomingWebhook.class).setParameter("channel", channel.id());
        return keyset.page(query, h -> new Cursor(h.createdAt(), h.id()));
    }

    /** A new secret; the old one stops working at once. */
    public WithSecret replaceSecret(String channelId, String hookId, String callerId) {
        IncomingWebhook hook = find(channelId, hookId, callerId);
        String secret = newSecret();
        hook.replaceSecret(hash(secret), hint(secret));
        return new WithSecret(hook, secret);
    }

    /** Deletes the hook: its URL answers 404 from now on; its messages stay. */
    public void delete(String channelId, String hookId, String callerId) {
        IncomingWebhook hook = find(channelId, hookId, callerId);
        channels.removeIntegration(hook.accountId());
        em.createQuery("delete from Membership m where m.workspace.id = :workspace and m.account.id = :account")
                .setParameter("workspace", hook.workspaceId())
                .setParameter("account", hook.accountId())
                .executeUpdate();
        em.remove(hook);
    }

    /**
     * Posts what a body says as one message of the hook's channel: an unknown secret is 404, a
     * flood 429 (per hook, {@code moim.incoming-webhooks.rate-limit.*}), a body Moim cannot read
     * 400 naming the field; nothing is stored then. A delivery repeated with the same
     * idempotency key finds the first message instead of storing another.
     */
    public Posting.Posted receive(String secret, byte[] body, String idempotencyKey) {
        IncomingWebhook hook = bySecret(secret);
        limiter.acquire(new RateLimiter.Limit("incoming-webhook", requestsPerWindow, window), hook.id());
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > Posting.MAX_KEY_LENGTH)) {
            throw new InvalidField("Idempotency-Key", "must be 1 to " + Posting.MAX_KEY_LENGTH + " characters");
        }
        SlackMessages.Converted message = SlackMessages.convert(body);
        Posting.Posted posted = posting.post(new Posting.Draft(hook.channelId(), hook.accountId(), message.text(), List.of(), null,
                idempotencyKey, List.of(), true, message.username() == null ? hook.name() : message.username()));
        hook.used(clock.instant());
        return posted;
    }

    private IncomingWebhook bySecret(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            throw new NotFound("The incoming webhook");
        }
        return em.createQuery("select h from IncomingWebhook h where h.secretHash = :hash", IncomingWebhook.class)
                .setParameter("hash", hash(secret))
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFound("The incoming webhook"));
    }

    /** The channel's hook, if the caller may manage the channel's hooks; another channel's (or an unknown id) is 404. */
    private IncomingWebhook find(String channelId, String hookId, String callerId) {
        Channel channel = chat.require(channelId, callerId, ChannelAction.MANAGE_INCOMING_WEBHOOKS).channel();
        IncomingWebhook hook = hookId == null || hookId.length() > 36 ? null : em.find(IncomingWebhook.class, hookId);
        if (hook == null || !hook.channelId().equals(channel.id())) {
            throw new NotFound("The incoming webhook");
        }
        return hook;
    }

    private static String newSecret() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String hint(String secret) {
        return secret.substring(secret.length() - 4);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
