package org.moim.file.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.moim.billing.control.UsageMeter;
import org.moim.billing.entity.Limit;

/** The plan's storage meter: the bytes of all the workspace's files, from its usage row. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StorageUsage implements UsageMeter {

    @Inject
    FileLimits limits;

    @Override
    public Limit limit() {
        return Limit.STORAGE_BYTES;
    }

    @Override
    public long used(String workspaceId) {
        return limits.usedNow(workspaceId);
    }
}
