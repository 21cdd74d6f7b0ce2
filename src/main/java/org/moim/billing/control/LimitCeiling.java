package org.moim.billing.control;

import org.moim.billing.entity.Limit;

/**
 * The most this server allows of one limit, whatever the plan: an extension point like
 * {@link UsageMeter}, provided as a CDI bean by the feature that owns the limit (calls:
 * {@code call.control.CallLimits}, the full mesh's {@code moim.calls.max-participants}), so
 * billing never depends on it. {@link PlanCatalog} lowers every plan's limit to it, so the plan in
 * force, the plan page and every check agree: no plan promises what the server refuses.
 */
public interface LimitCeiling {

    Limit limit();

    /** The server's own maximum (a plan above it is lowered to it). */
    long ceiling();
}
