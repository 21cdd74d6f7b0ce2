package org.moim.billing.control;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.moim.billing.entity.Limit;

/**
 * A plan as it applies: the {@code plan} row with configuration overrides. A null maximum means
 * unlimited.
 */
public record PlanTerms(String code, String name, int rank, Map<Limit, Long> limits) {

    public PlanTerms {
        EnumMap<Limit, Long> copy = new EnumMap<>(Limit.class);
        copy.putAll(limits);
        limits = Collections.unmodifiableMap(copy);
    }

    /** The maximum, or null for unlimited. */
    public Long max(Limit limit) {
        return limits.get(limit);
    }

    /** Whether {@code amount} fits under the limit. */
    public boolean allows(Limit limit, long amount) {
        Long max = max(limit);
        return max == null || amount <= max;
    }
}
