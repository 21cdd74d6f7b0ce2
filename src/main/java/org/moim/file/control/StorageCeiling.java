package org.moim.file.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.billing.control.LimitCeiling;
import org.moim.billing.entity.Limit;

/**
 * The operator's storage ceiling per workspace ({@code moim.files.workspace-quota}): billing lowers
 * every plan's {@code STORAGE_BYTES} to it, so the plan page, the Files page and every upload read
 * one figure, the plan's, which is never more than this server stores.
 */
@ApplicationScoped
public class StorageCeiling implements LimitCeiling {

    @Inject
    @ConfigProperty(name = "moim.files.workspace-quota", defaultValue = "107374182400")
    long workspaceQuota;

    @Override
    public Limit limit() {
        return Limit.STORAGE_BYTES;
    }

    @Override
    public long ceiling() {
        return Math.max(0, workspaceQuota);
    }
}
