package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.moim.platform.realtime.Presence;
import org.moim.platform.realtime.PresenceStatus;

/** Who among some people is not online right now (away or offline), across the cluster. */
@ApplicationScoped
public class AwayFilter {

    @Inject
    Presence presence;

    public Set<String> notOnline(Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return Set.of();
        }
        Map<String, PresenceStatus> statuses = presence.of(accountIds);
        Set<String> result = new LinkedHashSet<>();
        accountIds.forEach(id -> {
            if (statuses.get(id) != PresenceStatus.ONLINE) {
                result.add(id);
            }
        });
        return result;
    }
}
