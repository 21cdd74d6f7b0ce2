package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.moim.chat.entity.AccessLost;
import org.moim.chat.entity.Channel;
import org.moim.chat.entity.ChannelKind;
import org.moim.chat.entity.ChannelMember;
import org.moim.chat.entity.ChannelMute;
import org.moim.chat.entity.ChannelName;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.DuplicateKeys;
import org.moim.platform.persistence.Keyset;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.control.StaleVersion;
import org.moim.workspace.entity.Membership;

/**
 * The workspace's named channels: creating, browsing and joining public ones, inviting to and
 * removing from a channel, leaving, renaming, archiving, muting; and the general channel every
 * workspace has (created on first use, with the workspace's id). Who may: {@link ChatPolicy} with
 * {@link ChannelAction}. Messages in them go the way of every channel's ({@code Posting},
 * {@code History}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WorkspaceChannels {

    /** The most people one invitation (or a new channel) adds. */
    public static final int MAX_INVITED = 50;
    public static final int MAX_TOPIC = 250;
    public static final int MAX_DESCRIPTION = 1000;
    public static final String GENERAL_NAME = "general";

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    ChatPolicy policy;

    @Inject
    Channels channels;

    @Inject
    ChatNotifications notifications;

    @Inject
    Event<AccessLost> lost;

    @Inject
    Clock clock;

    /** A public channel as the browse list shows it. */
    public record Browsed(Channel channel, long memberCount, boolean joined) {
    }

    /** What a change of a channel's name, topic or description asks for (null: unchanged). */
    public record Change(String name, String topic, String description) {
    }

    /**
     * A workspace gets its general channel when its first member joins it (if nobody listed its
     * channels before): the channel list then always finds it and costs the same statements.
     */
    void memberJoined(@jakarta.enterprise.event.Observes org.moim.workspace.entity.MemberJoined event) {
        ensureGeneral(event.workspaceId(), event.accountId());
    }

    /**
     * The general channel of the workspace, created if it is new: a read by primary key, and an
     * insert the first time. Never a write to an existing channel (its row is the lock that
     * numbers its messages).
     */
    public void ensureGeneral(String workspaceId, String createdBy) {
        if (em.find(Channel.class, workspaceId) != null) {
            return;
        }
        em.createNativeQuery("""
                        INSERT INTO chat_channel (id, workspace_id, kind, name, name_key, private_channel, last_seq, created_by, created_at)
                        VALUES (?1, ?1, 'WORKSPACE', ?2, ?2, FALSE, 0, ?3, ?4) ON DUPLICATE KEY UPDATE last_seq = last_seq""")
                .setParameter(1, workspaceId).setParameter(2, GENERAL_NAME).setParameter(3, createdBy)
                .setParameter(4, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate();
    }

    /**
     * The workspace's public channels, archived ones too, by name (as compared for uniqueness),
     * a page at a time; two statements however many.
     */
    @SuppressWarnings("unchecked")
    public Page<Browsed> browse(String workspaceId, String accountId, int limit, String cursor) {
        Membership caller = policy.requireInWorkspace(workspaceId, accountId, ChannelAction.BROWSE);
        Keyset keyset = Keyset.byName("c.nameKey", "c.id", limit, cursor);
        ensureGeneral(workspaceId, accountId);
        Query query = em.createNativeQuery("""
                        SELECT c.id,
                               (SELECT COUNT(*) FROM chat_member cm WHERE cm.channel_id = c.id),
                               (SELECT COUNT(*) FROM chat_member cm WHERE cm.channel_id = c.id AND cm.account_id = ?2),
                               (SELECT COUNT(*) FROM membership m WHERE m.workspace_id = c.workspace_id AND m.member_role <> 'GUEST')
                        FROM chat_channel c
                        WHERE c.workspace_id = ?1 AND c.kind = 'WORKSPACE' AND c.private_channel = FALSE"""
                        + keyset.andSql("c.name_key", "c.id", 3) + keyset.orderBySql("c.name_key", "c.id"))
                .setParameter(1, caller.workspace().id())
                .setParameter(2, accountId);
        List<Object[]> rows = keyset.bind(query, 3).getResultList();
        if (rows.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        var byId = new java.util.HashMap<String, Channel>();
        em.createQuery("select c from Channel c where c.id in :ids", Channel.class)
                .setParameter("ids", rows.stream().map(row -> (String) row[0]).toList())
                .getResultList().forEach(c -> byId.put(c.id(), c));
        List<Browsed> browsed = new ArrayList<>();
        for (Object[] row : rows) {
            Channel channel = byId.get((String) row[0]);
            boolean general = channel.isGeneral();
            browsed.add(new Browsed(channel, ((Number) row[general ? 3 : 1]).longValue(),
                    general || ((Number) row[2]).longValue() > 0));
        }
        return keyset.pageOf(browsed, b -> new Cursor.Named(b.channel().nameKey(), b.channel().id()).encode());
    }

    /** A new channel with the caller and {@code memberIds} (members of the workspace) in it. */
    public Channels.Listed create(String workspaceId, String accountId, String name, String topic, String description,
                                  boolean privateChannel, List<String> memberIds) {
        Membership caller = policy.requireInWorkspace(workspaceId, accountId, ChannelAction.CREATE);
        ChannelName channelName = name(name);
        checkTexts(topic, description);
        Set<String> members = new LinkedHashSet<>();
        members.add(accountId);
        members.addAll(checkedInvitees(caller.workspace().id(), memberIds == null ? List.of() : memberIds));
        ensureGeneral(caller.workspace().id(), accountId);
        requireFree(caller.workspace().id(), channelName, null);
        Instant now = clock.instant();
        Channel channel = Channel.named(caller.workspace().id(), channelName, privateChannel, accountId, now);
        channel.describe(topic, description);
        em.persist(channel);
        members.forEach(member -> em.persist(new ChannelMember(channel.id(), member, now)));
        flushNamed();
        notifications.added(channel, accountId, members);
        return channels.get(channel.id(), accountId);
    }

    /**
     * Renames it or sets its topic or description. With {@code expectedVersion} (If-Match): when
     * its settings changed since that version, {@link StaleVersion} with {@code current} of the
     * channel as it is (nothing changes); without, the change is made (as for boards and cards).
     */
    public Channels.Listed edit(String channelId, String accountId, Long expectedVersion, Change change,
                                Function<Channels.Listed, ?> current) {
        Channel channel = policy.require(channelId, accountId, ChannelAction.EDIT).channel();
        requireVersion(channel, accountId, expectedVersion, current);
        if (change.name() != null) {
            ChannelName newName = name(change.name());
            requireFree(channel.workspaceId(), newName, channel.id());
            channel.rename(newName);
        }
        checkTexts(change.topic(), change.description());
        channel.describe(change.topic() != null ? change.topic() : channel.topic(),
                change.description() != null ? change.description() : channel.description());
        flushNamed();
        return channels.get(channel.id(), accountId);
    }

    /** Archives or unarchives it; {@code expectedVersion} as for {@link #edit}. */
    public Channels.Listed archive(String channelId, String accountId, boolean archived, Long expectedVersion,
                                   Function<Channels.Listed, ?> current) {
        Channel channel = policy.require(channelId, accountId, ChannelAction.ARCHIVE).channel();
        if (channel.isGeneral()) {
            throw new GeneralChannelFixed("The general channel is never archived.");
        }
        requireVersion(channel, accountId, expectedVersion, current);
        if (archived) {
            channel.archive(clock.instant());
        } else {
            channel.unarchive();
        }
        return channels.get(channel.id(), accountId);
    }

    /**
     * Joins a public channel of a workspace the caller is in. A private channel is
     * {@link ChannelInviteOnly} and an archived one {@link ChannelArchived}, neither naming it;
     * anything else that is not a workspace channel of the caller's workspace is 404.
     */
    public Channels.Listed join(String channelId, String accountId) {
        Channel channel = channelId == null || channelId.length() > 36 ? null : em.find(Channel.class, channelId);
        if (channel == null || channel.kind() != ChannelKind.WORKSPACE) {
            throw ChatPolicy.notFound();
        }
        try {
            policy.requireInWorkspace(channel.workspaceId(), accountId, ChannelAction.BROWSE);
        } catch (NotFound e) {
            throw ChatPolicy.notFound();
        }
        if (!channel.isGeneral() && !isMember(channel.id(), accountId)) {
            if (channel.isPrivate()) {
                throw new ChannelInviteOnly();
            }
            if (channel.isArchived()) {
                throw new ChannelArchived();
            }
            em.persist(new ChannelMember(channel.id(), accountId, clock.instant()));
            em.flush();
        }
        return channels.get(channel.id(), accountId);
    }

    /**
     * Puts an integration's account (an incoming webhook's bot) in a workspace channel, asking
     * nobody: the caller checked who asked for it. The general channel needs no row.
     */
    public void addIntegration(Channel channel, String accountId) {
        if (channel.kind() == ChannelKind.WORKSPACE && !channel.isGeneral()) {
            em.persist(new ChannelMember(channel.id(), accountId, clock.instant()));
        }
    }

    /** Takes an integration's account out of every channel, asking nobody (its caller checked). */
    public void removeIntegration(String accountId) {
        em.createQuery("delete from ChannelMember cm where cm.accountId = :account").setParameter("account", accountId).executeUpdate();
    }

    /** Adds members of the workspace to a channel the caller is in; those already in stay. */
    public List<String> invite(String channelId, String accountId, List<String> accountIds) {
        Channel channel = policy.require(channelId, accountId, ChannelAction.INVITE).channel();
        if (channel.isGeneral()) {
            throw new GeneralChannelFixed("Everyone in the workspace is in the general channel already.");
        }
        if (accountIds == null || accountIds.isEmpty()) {
            throw new InvalidField("accountIds", "must name 1 to " + MAX_INVITED + " members of the workspace");
        }
        Set<String> invited = checkedInvitees(channel.workspaceId(), accountIds);
        Set<String> already = new LinkedHashSet<>(em.createQuery(
                        "select cm.accountId from ChannelMember cm where cm.channelId = :channel and cm.accountId in :ids", String.class)
                .setParameter("channel", channel.id())
                .setParameter("ids", invited)
                .getResultList());
        Instant now = clock.instant();
        List<String> added = invited.stream().filter(id -> !already.contains(id)).toList();
        added.forEach(id -> em.persist(new ChannelMember(channel.id(), id, now)));
        notifications.added(channel, accountId, added);
        return members(channelId, accountId);
    }

    /** Takes someone out of a channel (oneself: {@link #leave}); their subscriptions to it end. */
    public List<String> remove(String channelId, String accountId, String memberId) {
        if (accountId.equals(memberId)) {
            leave(channelId, accountId);
            return List.of();
        }
        Channel channel = policy.require(channelId, accountId, ChannelAction.REMOVE).channel();
        if (channel.isGeneral()) {
            throw new GeneralChannelFixed("Nobody is taken out of the general channel (remove them from the workspace instead).");
        }
        if (!delete(channel.id(), memberId)) {
            throw new NotFound("The member");
        }
        lost.fire(new AccessLost(memberId, channel.ref().topic()));
        return members(channelId, accountId);
    }

    public void leave(String channelId, String accountId) {
        Channel channel = policy.require(channelId, accountId, ChannelAction.LEAVE).channel();
        if (channel.isGeneral()) {
            throw new GeneralChannelFixed("Nobody leaves the general channel (leave the workspace instead).");
        }
        delete(channel.id(), accountId);
        lost.fire(new AccessLost(accountId, channel.ref().topic()));
    }

    /** The account ids of those who read the channel, in the order they joined. */
    public List<String> members(String channelId, String accountId) {
        Channel channel = policy.require(channelId, accountId, ChannelAction.LIST_MEMBERS).channel();
        return List.copyOf(policy.readers(channel));
    }

    public Channels.Listed mute(String channelId, String accountId, boolean muted) {
        Channel channel = policy.require(channelId, accountId, ChannelAction.MUTE).channel();
        boolean now = !em.createQuery("select 1 from ChannelMute m where m.channelId = :channel and m.accountId = :account")
                .setParameter("channel", channel.id()).setParameter("account", accountId).getResultList().isEmpty();
        if (muted && !now) {
            em.persist(new ChannelMute(channel.id(), accountId, clock.instant()));
            em.flush();
        } else if (!muted && now) {
            em.createQuery("delete from ChannelMute m where m.channelId = :channel and m.accountId = :account")
                    .setParameter("channel", channel.id()).setParameter("account", accountId).executeUpdate();
        }
        return channels.get(channel.id(), accountId);
    }

    /**
     * Locks the channel's row (read again under the lock, so two edits at once are one after the
     * other) and compares its settings' version with the one the caller read.
     */
    private void requireVersion(Channel channel, String accountId, Long expectedVersion, Function<Channels.Listed, ?> current) {
        // Locked and read again with or without If-Match: two changes at once are then made one
        // after the other, each raising the version from what the other left (never both to v+1).
        em.refresh(channel, LockModeType.PESSIMISTIC_WRITE);
        if (expectedVersion != null && channel.settingsVersion() != expectedVersion) {
            throw new StaleVersion(channel.settingsVersion(), current.apply(channels.get(channel.id(), accountId)));
        }
    }

    private boolean isMember(String channelId, String accountId) {
        return !em.createQuery("select 1 from ChannelMember cm where cm.channelId = :channel and cm.accountId = :account")
                .setParameter("channel", channelId).setParameter("account", accountId).getResultList().isEmpty();
    }

    private boolean delete(String channelId, String accountId) {
        return em.createQuery("delete from ChannelMember cm where cm.channelId = :channel and cm.accountId = :account")
                .setParameter("channel", channelId).setParameter("account", accountId).executeUpdate() > 0;
    }

    private Set<String> checkedInvitees(String workspaceId, List<String> accountIds) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : accountIds) {
            if (id == null || id.isBlank() || id.length() > 36) {
                throw new InvalidField("accountIds", "must be account ids");
            }
            ids.add(id);
        }
        if (ids.size() > MAX_INVITED) {
            throw new InvalidField("accountIds", "must name at most " + MAX_INVITED + " people");
        }
        if (ids.isEmpty()) {
            return ids;
        }
        long found = em.createQuery("select count(m) from Membership m where m.workspace.id = :workspace and m.account.id in :ids",
                        Long.class)
                .setParameter("workspace", workspaceId)
                .setParameter("ids", ids)
                .getSingleResult();
        if (found != ids.size()) {
            throw new NotInWorkspace();
        }
        return ids;
    }

    private static ChannelName name(String raw) {
        ChannelName.problem(raw).ifPresent(message -> {
            throw new InvalidField("name", message);
        });
        return ChannelName.of(raw);
    }

    private static void checkTexts(String topic, String description) {
        if (topic != null && (topic.codePointCount(0, topic.length()) > MAX_TOPIC || topic.codePoints().anyMatch(Character::isISOControl))) {
            throw new InvalidField("topic", "must be at most " + MAX_TOPIC + " characters on one line");
        }
        if (description != null && (description.codePointCount(0, description.length()) > MAX_DESCRIPTION
                || description.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t'))) {
            throw new InvalidField("description", "must be at most " + MAX_DESCRIPTION + " characters, without control characters");
        }
    }

    private void requireFree(String workspaceId, ChannelName name, String exceptId) {
        List<String> taken = em.createQuery("select c.id from Channel c where c.workspaceId = :workspace and c.nameKey = :key",
                        String.class)
                .setParameter("workspace", workspaceId)
                .setParameter("key", name.key())
                .getResultList();
        if (taken.stream().anyMatch(id -> !id.equals(exceptId))) {
            throw nameTaken();
        }
    }

    /** Two people taking the same name at once: the unique key decides, the loser hears "taken". */
    private void flushNamed() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (DuplicateKeys.in(e)) {
                throw nameTaken();
            }
            throw e;
        }
    }

    private static InvalidField nameTaken() {
        return new InvalidField("name", "is taken by another channel of this workspace (names differing only in case count as the same)");
    }

}
