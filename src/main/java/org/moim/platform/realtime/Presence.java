package org.moim.platform.realtime;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.multimap.MultiMap;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who is online, across the cluster and with any number of tabs: the data grid keeps one entry
 * per open connection ({@value #CONNECTIONS}: account → "node|connection|o or a") and the
 * status it adds up to ({@value #STATUS}: account → online or away; absent is offline). Every
 * change takes the account's grid lock, so two tabs closing on two nodes at once still end in
 * one "offline". When a node dies, the oldest node left removes its connections.
 */
@ApplicationScoped
public class Presence {

    static final String CONNECTIONS = "moim-presence-connections";
    static final String STATUS = "moim-presence";
    private static final Logger LOG = Logger.getLogger(Presence.class.getName());

    @Inject
    HazelcastInstance grid;

    @Inject
    Event<PresenceChanged> changed;

    @Resource
    ManagedExecutorService executor;

    private UUID membershipListener;

    void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
        membershipListener = grid.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                String gone = event.getMember().getUuid().toString();
                executor.execute(() -> forget(gone));
            }
        });
    }

    @PreDestroy
    void stopListening() {
        if (membershipListener != null) {
            try {
                grid.getCluster().removeMembershipListener(membershipListener);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "The data grid stopped first", e);
            }
        }
    }

    /** The accounts' statuses, in one call to the grid. */
    public Map<String, PresenceStatus> of(Collection<String> accountIds) {
        Map<String, PresenceStatus> statuses = new HashMap<>();
        accountIds.forEach(id -> statuses.put(id, PresenceStatus.OFFLINE));
        status().getAll(Set.copyOf(accountIds)).forEach((id, status) -> statuses.put(id, PresenceStatus.valueOf(status)));
        return statuses;
    }

    void opened(Connection connection) {
        change(connection.accountId(), entries -> entries.put(connection.accountId(), entry(connection, connection.isAway())));
    }

    void closed(Connection connection) {
        change(connection.accountId(), entries -> {
            entries.remove(connection.accountId(), entry(connection, false));
            entries.remove(connection.accountId(), entry(connection, true));
        });
    }

    void away(Connection connection, boolean away) {
        if (connection.markAway(away) == away) {
            return;
        }
        change(connection.accountId(), entries -> {
            entries.remove(connection.accountId(), entry(connection, !away));
            entries.put(connection.accountId(), entry(connection, away));
        });
    }

    /** Removes the connections of a node that left the cluster (only the oldest node does it). */
    void forget(String memberUuid) {
        Member oldest = grid.getCluster().getMembers().iterator().next();
        if (!oldest.localMember()) {
            return;
        }
        MultiMap<String, String> entries = connections();
        for (String accountId : Set.copyOf(entries.keySet())) {
            change(accountId, map -> map.get(accountId).stream()
                    .filter(entry -> entry.startsWith(memberUuid + "|"))
                    .forEach(entry -> map.remove(accountId, entry)));
        }
    }

    /**
     * Applies the mutation under the account's grid lock and, if the status changed, tells the
     * observers while still holding it: what they publish about one account goes out in the
     * order the changes happened, whichever nodes made them.
     */
    private void change(String accountId, Consumer<MultiMap<String, String>> mutation) {
        MultiMap<String, String> entries = connections();
        try {
            entries.lock(accountId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Presence of " + accountId + " could not be updated", e);
            return;
        }
        try {
            PresenceStatus before = status(entries.get(accountId));
            mutation.accept(entries);
            PresenceStatus after = status(entries.get(accountId));
            if (after == before) {
                return;
            }
            if (after == PresenceStatus.OFFLINE) {
                status().delete(accountId);
            } else {
                status().set(accountId, after.name());
            }
            changed.fire(new PresenceChanged(accountId, after));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Presence of " + accountId + " could not be updated", e);
        } finally {
            entries.unlock(accountId);
        }
    }

    private static PresenceStatus status(Collection<String> entries) {
        if (entries.isEmpty()) {
            return PresenceStatus.OFFLINE;
        }
        return entries.stream().anyMatch(entry -> entry.endsWith("|o")) ? PresenceStatus.ONLINE : PresenceStatus.AWAY;
    }

    private String entry(Connection connection, boolean away) {
        return grid.getCluster().getLocalMember().getUuid() + "|" + connection.id() + (away ? "|a" : "|o");
    }

    private MultiMap<String, String> connections() {
        return grid.getMultiMap(CONNECTIONS);
    }

    private IMap<String, String> status() {
        return grid.getMap(STATUS);
    }
}
