package org.moim.billing.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A plan as the {@code plan} table defines it. Read-only for the application: a new plan is a new
 * row (and prices), limits can be overridden by configuration ({@code control.PlanCatalog}). A null
 * limit means unlimited. Cached: a changed row is seen after a restart.
 */
@Entity
@Cacheable
@Table(name = "plan")
public class Plan {

    /** The plan of every workspace that has no subscription. */
    public static final String FREE = "FREE";

    @Id
    @Column(length = 32)
    private String code;

    @Column(nullable = false, length = 80)
    private String name;

    @Column(name = "plan_rank", nullable = false)
    private int rank;

    @Column(name = "max_members")
    private Long maxMembers;

    @Column(name = "max_boards")
    private Long maxBoards;

    @Column(name = "max_storage_bytes")
    private Long maxStorageBytes;

    @Column(name = "max_file_bytes")
    private Long maxFileBytes;

    @Column(name = "max_call_participants")
    private Long maxCallParticipants;

    @Column(name = "message_history_days")
    private Long messageHistoryDays;

    @Column(name = "max_integrations")
    private Long maxIntegrations;

    protected Plan() {
    }

    /** For tests. */
    public Plan(String code, String name, int rank) {
        this.code = code;
        this.name = name;
        this.rank = rank;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    /** Higher ranks lift more; used to name the plan that lifts a limit. */
    public int rank() {
        return rank;
    }

    /** The limit as stored (null: unlimited). */
    public Long stored(Limit limit) {
        return switch (limit) {
            case MEMBERS -> maxMembers;
            case BOARDS -> maxBoards;
            case STORAGE_BYTES -> maxStorageBytes;
            case FILE_BYTES -> maxFileBytes;
            case CALL_PARTICIPANTS -> maxCallParticipants;
            case MESSAGE_HISTORY_DAYS -> messageHistoryDays;
            case INTEGRATIONS -> maxIntegrations;
        };
    }
}
