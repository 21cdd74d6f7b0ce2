package org.moim.file.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.moim.billing.control.PlanLimits;
import org.moim.billing.control.PlanTerms;
import org.moim.billing.entity.Limit;
import org.moim.file.entity.FileUsage;

/**
 * Every limit on files, in one place: the largest file ({@code moim.files.max-size}, {@link FileSizeCeiling}) and each
 * workspace's storage quota ({@code moim.files.workspace-quota}, {@link StorageCeiling}), each lowered by the workspace's
 * plan ({@code FILE_BYTES}, {@code STORAGE_BYTES}, from billing's {@link PlanLimits}). When the
 * plan's limit is the lower one, a refusal is billing's {@code /problems/plan-limit} (402, naming
 * the plan that lifts it); when this server's own limit is, it is {@code file-too-large} or
 * {@code storage-quota-exceeded} (413).
 *
 * <p>An upload is checked twice: while it streams, against the {@link Allowance} read before it
 * began (so an oversized upload stops at the first byte too many); and when it is recorded, by
 * one conditional UPDATE of the workspace's usage row, so uploads that stream at the same time
 * can never pass the quota together.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FileLimits {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    FileSizeCeiling fileSizeCeiling;

    @Inject
    StorageCeiling storageCeiling;

    @Inject
    PlanLimits plans;

    /** How much one upload to a workspace may stream, and which limit it would hit first. */
    public record Allowance(long maxFileSize, long quota, long used, RuntimeException tooLarge, RuntimeException overQuota) {

        public Allowance(long maxFileSize, long quota, long used) {
            this(maxFileSize, quota, used, new FileTooLarge(maxFileSize), new QuotaExceeded(quota, used));
        }

        public long maxBytes() {
            return Math.max(0, Math.min(maxFileSize, quota - used));
        }

        /** The problem for an upload of more than {@link #maxBytes()}. */
        public RuntimeException exceeded() {
            return maxFileSize <= quota - used ? tooLarge : overQuota;
        }
    }

    /** What the workspace uses now. */
    public record Usage(long usedBytes, long fileCount, long quota, long maxFileSize) {
    }

    private long maxFileSize() {
        return fileSizeCeiling.ceiling();
    }

    private long workspaceQuota() {
        return storageCeiling.ceiling();
    }

    public long maxFileSize(String workspaceId) {
        return lower(maxFileSize(), plans.planOf(workspaceId).max(Limit.FILE_BYTES));
    }

    public long quota(String workspaceId) {
        return lower(workspaceQuota(), plans.planOf(workspaceId).max(Limit.STORAGE_BYTES));
    }

    private static long lower(long configured, Long plan) {
        return plan == null ? configured : Math.min(configured, plan);
    }

    public Usage usage(String workspaceId) {
        return usage(workspaceId, plans.planOf(workspaceId));
    }

    private Usage usage(String workspaceId, PlanTerms plan) {
        FileUsage usage = em.find(FileUsage.class, workspaceId);
        return new Usage(usage == null ? 0 : usage.usedBytes(), usage == null ? 0 : usage.fileCount(),
                lower(workspaceQuota(), plan.max(Limit.STORAGE_BYTES)), lower(maxFileSize(), plan.max(Limit.FILE_BYTES)));
    }

    public Allowance allowance(String workspaceId) {
        PlanTerms plan = plans.planOf(workspaceId);
        Usage usage = usage(workspaceId, plan);
        RuntimeException tooLarge = planBinds(plan, Limit.FILE_BYTES, maxFileSize())
                ? plans.reached(workspaceId, Limit.FILE_BYTES, usage.maxFileSize() + 1) : new FileTooLarge(usage.maxFileSize());
        RuntimeException overQuota = planBinds(plan, Limit.STORAGE_BYTES, workspaceQuota())
                ? plans.reached(workspaceId, Limit.STORAGE_BYTES, usage.usedBytes()) : new QuotaExceeded(usage.quota(), usage.usedBytes());
        return new Allowance(usage.maxFileSize(), usage.quota(), usage.usedBytes(), tooLarge, overQuota);
    }

    /** Whether the plan's limit is lower than this server's own. */
    private static boolean planBinds(PlanTerms plan, Limit limit, long configured) {
        Long max = plan.max(limit);
        return max != null && max < configured;
    }

    /**
     * Counts a new file of {@code size} bytes against the workspace, or refuses it (413) when it
     * is too large or does not fit. Creates the usage row on the first file: two first uploads
     * at once make one of them fail with a duplicate key, which the caller retries.
     */
    public void charge(String workspaceId, long size) {
        PlanTerms plan = plans.planOf(workspaceId);
        long max = lower(maxFileSize(), plan.max(Limit.FILE_BYTES));
        if (size > max) {
            throw planBinds(plan, Limit.FILE_BYTES, maxFileSize()) ? plans.reached(workspaceId, Limit.FILE_BYTES, size) : new FileTooLarge(max);
        }
        if (em.find(FileUsage.class, workspaceId) == null) {
            em.persist(new FileUsage(workspaceId));
            em.flush();
        }
        long quota = lower(workspaceQuota(), plan.max(Limit.STORAGE_BYTES));
        int counted = em.createQuery("""
                        update FileUsage u set u.usedBytes = u.usedBytes + :size, u.fileCount = u.fileCount + 1
                        where u.workspaceId = :workspace and u.usedBytes + :size <= :quota""")
                .setParameter("size", size)
                .setParameter("workspace", workspaceId)
                .setParameter("quota", quota)
                .executeUpdate();
        if (counted == 0) {
            long used = usedNow(workspaceId);
            throw planBinds(plan, Limit.STORAGE_BYTES, workspaceQuota()) ? plans.reached(workspaceId, Limit.STORAGE_BYTES, used)
                    : new QuotaExceeded(quota, used);
        }
    }

    /** A file of {@code size} bytes is gone from the workspace. */
    public void release(String workspaceId, long size) {
        em.createQuery("""
                        update FileUsage u set u.usedBytes = u.usedBytes - :size, u.fileCount = u.fileCount - 1
                        where u.workspaceId = :workspace""")
                .setParameter("size", size)
                .setParameter("workspace", workspaceId)
                .executeUpdate();
    }

    /** Bytes the workspace stores now (billing's {@code STORAGE_BYTES} meter reads it too). */
    public long usedNow(String workspaceId) {
        return em.createQuery("select u.usedBytes from FileUsage u where u.workspaceId = :workspace", Long.class)
                .setParameter("workspace", workspaceId)
                .getResultStream().findFirst().orElse(0L);
    }
}
