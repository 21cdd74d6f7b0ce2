package org.moim.billing.control;

import org.moim.billing.entity.Limit;

/**
 * Counts what a workspace uses of one counted limit. An extension point: each feature that owns
 * the counted thing provides one as a CDI bean ({@code MemberUsage} here; boards, files and
 * integrations add theirs, see {@code docs/billing.md}), so billing never depends on them.
 * Called inside the caller's transaction; one query, please.
 */
public interface UsageMeter {

    Limit limit();

    long used(String workspaceId);
}
