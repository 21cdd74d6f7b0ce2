package org.moim.billing.entity;

/**
 * What a plan limits. {@link #key()} is the name in configuration
 * ({@code moim.billing.plans.<plan>.<key>}) and in {@code docs/billing.md}.
 */
public enum Limit {
    /** People in the workspace (every role). */
    MEMBERS("members", Kind.COUNTED),
    /** Boards in the workspace (archived ones count too). */
    BOARDS("boards", Kind.COUNTED),
    /** Bytes of all files of the workspace together. */
    STORAGE_BYTES("storage-bytes", Kind.COUNTED),
    /** Bytes of the largest single file. */
    FILE_BYTES("file-bytes", Kind.PER_ITEM),
    /** People in one call at once. */
    CALL_PARTICIPANTS("call-participants", Kind.PER_ITEM),
    /** Days of chat history shown (older messages are kept, only hidden). */
    MESSAGE_HISTORY_DAYS("message-history-days", Kind.WINDOW),
    /** Integrations and outgoing webhooks of the workspace. */
    INTEGRATIONS("integrations", Kind.COUNTED);

    /** How a limit is checked. */
    public enum Kind {
        /** A total that grows: members, boards, bytes stored; checked as "room for n more". */
        COUNTED,
        /** A bound on one thing: one file's size, one call's participants. */
        PER_ITEM,
        /** A time window: how far back history is visible. */
        WINDOW
    }

    private final String key;
    private final Kind kind;

    Limit(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }
}
