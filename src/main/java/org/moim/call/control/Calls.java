package org.moim.call.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.call.entity.Call;
import org.moim.call.entity.CallChannel;
import org.moim.call.entity.CallEvent;
import org.moim.call.entity.CallParticipant;
import org.moim.call.entity.MediaState;
import org.moim.call.entity.Peer;
import org.moim.chat.entity.AccessLost;
import org.moim.chat.entity.Channel;
import org.moim.notification.control.Inbox;
import org.moim.notification.entity.NotificationDraft;
import org.moim.platform.problem.NotFound;
import org.moim.platform.problem.ProblemException;

/**
 * Who is in which call, and the rules of it: a call starts in a channel its starter may see and
 * rings the channel's other members; anyone who may see the channel joins while it runs, up to
 * {@link CallLimits}; a participant speaks through exactly one tab at a time; the call ends when
 * the last participant leaves, or when the last one's tab has been gone for longer than
 * {@code moim.calls.reconnect-grace}. Every change to who is in a call takes the call's row lock
 * first, so joins, leaves and the end never overlap, on one node or many.
 *
 * <p>Anything about a call someone may not see, or is not in, is 404, exactly like a call that
 * does not exist.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Calls {

    /** The link a ring's notification opens: the channel's call screen. */
    public static String link(String channelId) {
        return "#/call/" + channelId;
    }

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    CallChannels channels;

    @Inject
    CallLimits limits;

    @Inject
    Inbox inbox;

    @Inject
    Clock clock;

    @Inject
    Event<CallEvent> events;

    @Inject
    @ConfigProperty(name = "moim.calls.reconnect-grace", defaultValue = "PT30S")
    Duration grace;

    /** A tab in a call: the call, its own stint, everyone in it (itself included) and the limit. */
    public record Joined(Call call, CallParticipant self, List<CallEvent.PeerState> participants, int maxParticipants) {
    }

    /** Where a signaling frame goes: from which tab (peer) of whom, to which topic. */
    public record Route(String callId, String fromPeerId, String fromAccountId, String topic) {
    }

    /**
     * Starts a call in the channel and joins it; when one is running there already, joins that
     * one. Two starting at the same moment: the second insert violates the one-live-call key and
     * the caller retries, finding the first.
     */
    public Joined start(String channelId, Peer peer) {
        CallChannel channel = channels.require(channelId, peer.accountId());
        Optional<String> running = em.createQuery("select c.id from Call c where c.liveChannelId = :channel", String.class)
                .setParameter("channel", channel.id())
                .getResultStream().findFirst();
        if (running.isPresent()) {
            return join(running.get(), peer, false);
        }
        Instant now = clock.instant();
        Call call = new Call(channel, peer.accountId(), now);
        em.persist(call);
        em.flush();
        CallParticipant self = new CallParticipant(call, peer, now);
        em.persist(self);

        Set<String> ringing = new LinkedHashSet<>(channels.members(channel.id()));
        ringing.remove(peer.accountId());
        String name = names(List.of(peer.accountId())).get(peer.accountId());
        inbox.deliver(new NotificationDraft("call.started", peer.accountId(), channel.workspaceId(), "call", call.id(),
                Map.of("actor", name), null, link(channel.id())), ringing);
        events.fire(new CallEvent.Started(call.id(), channel.id(), channel.kind(), channel.workspaceId(), peer.accountId(),
                name, now, Set.copyOf(ringing)));
        return new Joined(call, self, List.of(state(self, name)), limits.maxParticipants(channel));
    }

    /**
     * Joins a running call (as a late joiner, or accepting its ring). Someone who is in it already
     * (reconnecting, or from another tab) continues their stint through this tab; the other tab
     * is told it moved.
     */
    public Joined join(String callId, Peer peer, boolean accepting) {
        Call call = locked(callId);
        CallChannel channel = channelOf(call.channelId(), peer.accountId());
        if (!call.isLive()) {
            throw new CallHasEnded();
        }
        List<CallParticipant> active = active(call);
        CallParticipant self = active.stream().filter(p -> p.accountId().equals(peer.accountId())).findFirst().orElse(null);
        int max = limits.maxParticipants(channel);
        String replaced = null;
        if (self != null) {
            replaced = self.peerId();
            self.connect(peer);
        } else {
            limits.requireRoom(channel, active.size());
            self = new CallParticipant(call, peer, clock.instant());
            em.persist(self);
            active.add(self);
        }
        Map<String, String> names = names(active.stream().map(CallParticipant::accountId).toList());
        CallEvent.PeerState joined = state(self, names.get(self.accountId()));
        events.fire(new CallEvent.Joined(call.id(), joined, peersExcept(active, self), replaced));
        if (accepting) {
            events.fire(new CallEvent.RingStopped(call.id(), peer.accountId(), "accepted"));
        }
        return new Joined(call, self, states(active, names), max);
    }

    /** Declines a ring: the account's tabs stop ringing, the participants are told. */
    public void decline(String callId, String accountId) {
        Call call = callId == null || callId.length() > 36 ? null : em.find(Call.class, callId);
        if (call == null) {
            throw notFound();
        }
        channelOf(call.channelId(), accountId);
        if (!call.isLive()) {
            throw new CallHasEnded();
        }
        List<CallParticipant> active = active(call);
        events.fire(new CallEvent.RingStopped(call.id(), accountId, "declined"));
        events.fire(new CallEvent.Declined(call.id(), accountId, names(List.of(accountId)).get(accountId),
                active.stream().map(CallParticipant::peerId).toList()));
    }

    /**
     * The tab leaves the call; the last one out ends it. Leaving needs no access to the channel
     * (someone who just lost it may still hang up). Answers the tab's peer id.
     */
    public String leave(String callId, String connectionId, String accountId) {
        Call call = locked(callId);
        List<CallParticipant> active = call.isLive() ? active(call) : List.of();
        CallParticipant self = speaker(active, connectionId, accountId);
        Instant now = clock.instant();
        self.leave(now);
        active.remove(self);
        events.fire(new CallEvent.Left(call.id(), self.peerId(), accountId, "left", peers(active)));
        if (active.isEmpty()) {
            end(call, now);
        }
        return self.peerId();
    }

    /** The tab's microphone, camera and screen share, told to the others. */
    public void media(String callId, String connectionId, String accountId, MediaState state) {
        List<CallParticipant> active = active(callId);
        CallParticipant self = speaker(active, connectionId, accountId);
        channelOf(self.call().channelId(), accountId);
        self.media(state);
        events.fire(new CallEvent.MediaChanged(callId, self.peerId(), accountId, state, peersExcept(active, self)));
    }

    /**
     * Checks a signaling frame (offer, answer, ICE candidate): the sender's tab is in the call and
     * may see its channel, the addressee is another tab in the same call. Reads only.
     */
    public Route route(String callId, String connectionId, String accountId, String toPeerId) {
        List<CallParticipant> found = callId == null || toPeerId == null || callId.length() > 36 || toPeerId.length() > 36
                ? List.of()
                : em.createQuery("""
                                select p from CallParticipant p join fetch p.call c
                                where c.id = :call and c.endedAt is null and p.leftAt is null
                                  and (p.connectionId = :connection or p.peerId = :to)""", CallParticipant.class)
                        .setParameter("call", callId)
                        .setParameter("connection", connectionId)
                        .setParameter("to", toPeerId)
                        .getResultList();
        CallParticipant from = speaker(found, connectionId, accountId);
        CallParticipant to = found.stream().filter(p -> p.peerId().equals(toPeerId) && p != from).findFirst()
                .orElseThrow(() -> new NotFound("The participant"));
        channelOf(from.call().channelId(), accountId);
        return new Route(callId, from.peerId(), accountId, Call.peerTopic(to.peerId()));
    }

    /**
     * A WebSocket closed: its participants are away from now on, and the others are told. Answers
     * whether it was in a call (then a {@link #sweep} after the grace period settles it).
     */
    public boolean disconnected(String connectionId) {
        List<String> callIds = em.createQuery("""
                        select distinct p.call.id from CallParticipant p
                        where p.connectionId = :connection and p.leftAt is null and p.awaySince is null""", String.class)
                .setParameter("connection", connectionId)
                .getResultList();
        Instant now = clock.instant();
        for (String callId : new TreeSet<>(callIds)) {
            Call call = locked(callId);
            List<CallParticipant> active = call.isLive() ? active(call) : List.of();
            for (CallParticipant p : active) {
                if (p.speaksThrough(connectionId) && !p.isAway()) {
                    p.away(now);
                    events.fire(new CallEvent.Away(callId, p.peerId(), p.accountId(), peersExcept(active, p)));
                }
            }
        }
        return !callIds.isEmpty();
    }

    /**
     * Settles what the grace period, the cluster and access changes decided: participants away for
     * longer than the grace period left when they went away; those whose node left the cluster are
     * away from now; those who may no longer see the channel are removed; calls without anyone
     * left end. Every node runs it (idempotent); answers how many calls it ended.
     */
    public int sweep(Set<String> liveNodes) {
        Instant now = clock.instant();
        Set<String> callIds = new TreeSet<>(em.createQuery("""
                        select distinct p.call.id from CallParticipant p
                        where p.leftAt is null and (p.awaySince <= :cutoff or (p.awaySince is null and p.nodeId not in :nodes))""",
                        String.class)
                .setParameter("cutoff", now.minus(grace))
                .setParameter("nodes", liveNodes.isEmpty() ? Set.of("") : liveNodes)
                .getResultList());
        callIds.addAll(em.createQuery("""
                        select c.id from Call c where c.liveChannelId is not null
                        and not exists (select p.id from CallParticipant p where p.call = c and p.leftAt is null)""", String.class)
                .getResultList());
        Map<String, Set<String>> outsiders = outsiders();
        callIds.addAll(outsiders.keySet());
        int ended = 0;
        for (String callId : callIds) {
            if (settle(callId, liveNodes, outsiders.getOrDefault(callId, Set.of())::contains, now, true)) {
                ended++;
            }
        }
        return ended;
    }

    /**
     * Someone (or, for a deleted board, everyone) can no longer read the channels under a topic
     * prefix (chat's AccessLost: out of a workspace, off a board, a board deleted): they are out
     * of those channels' running calls at once, in the same transaction (the others are told
     * after it commits).
     */
    void accessLost(@Observes AccessLost event) {
        TypedQuery<Object[]> query = em.createQuery("""
                        select distinct c.id, c.channelId from CallParticipant p join p.call c
                        where c.liveChannelId is not null and p.leftAt is null"""
                        + (event.accountId() == null ? "" : " and p.accountId = :account"), Object[].class);
        if (event.accountId() != null) {
            query.setParameter("account", event.accountId());
        }
        List<Object[]> rows = query.getResultList();
        Set<String> affected = new TreeSet<>();
        for (Object[] row : rows) {
            Channel channel = em.find(Channel.class, row[1]);
            if (channel == null || channel.ref().topic().startsWith(event.topicPrefix())) {
                affected.add((String) row[0]);
            }
        }
        Instant now = clock.instant();
        for (String callId : affected) {
            settle(callId, Set.of(), account -> event.accountId() == null || event.accountId().equals(account), now, false);
        }
    }

    /** Per live call, the participants who may no longer see its channel (one query per channel). */
    private Map<String, Set<String>> outsiders() {
        List<Object[]> rows = em.createQuery("""
                        select c.id, c.channelId, p.accountId from CallParticipant p join p.call c
                        where c.liveChannelId is not null and p.leftAt is null""", Object[].class)
                .getResultList();
        Map<String, Set<String>> membersByChannel = new HashMap<>();
        Map<String, Set<String>> outsiders = new HashMap<>();
        for (Object[] row : rows) {
            Set<String> members = membersByChannel.computeIfAbsent((String) row[1], channels::members);
            if (!members.contains((String) row[2])) {
                outsiders.computeIfAbsent((String) row[0], id -> new HashSet<>()).add((String) row[2]);
            }
        }
        return outsiders;
    }

    /** Applies the grace period (and with {@code checkNodes} the cluster's members) and removes outsiders, under the call's lock. */
    private boolean settle(String callId, Set<String> liveNodes, Predicate<String> outsider, Instant now, boolean checkNodes) {
        Call call = em.find(Call.class, callId, LockModeType.PESSIMISTIC_WRITE);
        if (call == null || !call.isLive()) {
            return false;
        }
        List<CallParticipant> active = active(call);
        List<CallParticipant> gone = new ArrayList<>();
        List<CallParticipant> away = new ArrayList<>();
        Map<CallParticipant, String> reasons = new HashMap<>();
        for (CallParticipant p : active) {
            if (p.awayLongerThan(grace, now)) {
                p.leave(now);
                gone.add(p);
                reasons.put(p, "disconnected");
            } else if (outsider.test(p.accountId())) {
                p.leave(now);
                gone.add(p);
                reasons.put(p, "removed");
            } else if (checkNodes && !p.isAway() && !liveNodes.contains(p.nodeId())) {
                p.away(now);
                away.add(p);
            }
        }
        active.removeAll(gone);
        for (CallParticipant p : gone) {
            events.fire(new CallEvent.Left(callId, p.peerId(), p.accountId(), reasons.get(p), peers(active)));
        }
        for (CallParticipant p : away) {
            events.fire(new CallEvent.Away(callId, p.peerId(), p.accountId(), peersExcept(active, p)));
        }
        if (active.isEmpty()) {
            end(call, gone.stream().map(CallParticipant::leftAt).max(Comparator.naturalOrder()).orElse(now));
            return true;
        }
        return false;
    }

    private void end(Call call, Instant at) {
        call.end(at);
        Set<String> recipients = new LinkedHashSet<>(channels.members(call.channelId()));
        recipients.addAll(em.createQuery("select distinct p.accountId from CallParticipant p where p.call = :call", String.class)
                .setParameter("call", call)
                .getResultList());
        events.fire(new CallEvent.Ended(call.id(), call.channelId(), call.startedAt(), call.endedAt(), Set.copyOf(recipients)));
    }

    /** The call's channel if the account may see it now; otherwise the call is not found, as if it did not exist. */
    private CallChannel channelOf(String channelId, String accountId) {
        try {
            return channels.require(channelId, accountId);
        } catch (ProblemException e) {
            if (e.type().status() == 403 || e.type().status() == 404) {
                throw notFound();
            }
            throw e;
        }
    }

    /** The call, its row locked for a change of who is in it; 404 when there is none. */
    private Call locked(String callId) {
        Call call = callId == null || callId.length() > 36 ? null : em.find(Call.class, callId, LockModeType.PESSIMISTIC_WRITE);
        if (call == null) {
            throw notFound();
        }
        return call;
    }

    private List<CallParticipant> active(Call call) {
        return new ArrayList<>(em.createQuery("""
                        select p from CallParticipant p where p.call = :call and p.leftAt is null
                        order by p.joinedAt, p.id""", CallParticipant.class)
                .setParameter("call", call)
                .getResultList());
    }

    /** The participants of a live call with the call, in one query; none for an ended or unknown call. */
    private List<CallParticipant> active(String callId) {
        if (callId == null || callId.length() > 36) {
            return List.of();
        }
        return em.createQuery("""
                        select p from CallParticipant p join fetch p.call c
                        where c.id = :call and c.endedAt is null and p.leftAt is null
                        order by p.joinedAt, p.id""", CallParticipant.class)
                .setParameter("call", callId)
                .getResultList();
    }

    /** The stint that speaks through this WebSocket, or 404: the sender is not in the call. */
    private static CallParticipant speaker(Collection<CallParticipant> active, String connectionId, String accountId) {
        return active.stream()
                .filter(p -> p.isActive() && p.speaksThrough(connectionId) && p.accountId().equals(accountId))
                .findFirst()
                .orElseThrow(Calls::notFound);
    }

    private static List<String> peers(Collection<CallParticipant> participants) {
        return participants.stream().map(CallParticipant::peerId).toList();
    }

    private static List<String> peersExcept(Collection<CallParticipant> participants, CallParticipant self) {
        return participants.stream().filter(p -> p != self).map(CallParticipant::peerId).toList();
    }

    private static List<CallEvent.PeerState> states(Collection<CallParticipant> participants, Map<String, String> names) {
        return participants.stream().map(p -> state(p, names.get(p.accountId()))).toList();
    }

    private static CallEvent.PeerState state(CallParticipant p, String name) {
        return new CallEvent.PeerState(p.peerId(), p.accountId(), name, p.media(), p.isAway(), p.joinedAt());
    }

    /** Display names by account id, in one query. */
    Map<String, String> names(Collection<String> accountIds) {
        Set<String> ids = accountIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select a.id, a.displayName from Account a where a.id in :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
    }

    static NotFound notFound() {
        return new NotFound("The call");
    }
}
