package org.moim.call.control;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The nodes of the cluster by their data-grid member id. A participant records the node its
 * WebSocket is open on; when that node leaves the cluster (crashed, killed), nobody hears its
 * sockets close, so {@link Calls#sweep} treats its participants as disconnected.
 */
@ApplicationScoped
public class ClusterNodes {

    @Inject
    HazelcastInstance grid;

    public String local() {
        return grid.getCluster().getLocalMember().getUuid().toString();
    }

    public Set<String> live() {
        return grid.getCluster().getMembers().stream().map(Member::getUuid).map(Object::toString).collect(Collectors.toSet());
    }
}
