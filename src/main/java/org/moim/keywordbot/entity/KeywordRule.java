package org.moim.keywordbot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One rule of a workspace's keyword bot: the words and phrases it answers (lower case), its reply,
 * whether it is a handover to a person, and the channels it is limited to (none: every workspace
 * channel).
 */
@Entity
@Table(name = "keyword_rule")
public class KeywordRule {

    public static final int MAX_TERMS = 20;
    public static final int MAX_TERM = 100;
    public static final int MAX_REPLY = 2000;
    public static final int MAX_CHANNELS = 20;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "workspace_id", nullable = false, length = 36)
    private String workspaceId;

    /** One per line. */
    @Column(nullable = false, length = 2200)
    private String keywords;

    /** One per line. */
    @Column(nullable = false, length = 2200)
    private String phrases;

    @Column(nullable = false, length = MAX_REPLY)
    private String reply;

    @Column(nullable = false)
    private boolean handover;

    /** Space separated; empty for every workspace channel. */
    @Column(name = "channel_ids", nullable = false, length = 800)
    private String channelIds;

    @Column(name = "created_by", length = 36)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected KeywordRule() {
    }

    public KeywordRule(String workspaceId, List<String> keywords, List<String> phrases, String reply, boolean handover,
                       List<String> channelIds, String createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.createdBy = createdBy;
        this.createdAt = now;
        change(keywords, phrases, reply, handover, channelIds, now);
    }

    public void change(List<String> keywords, List<String> phrases, String reply, boolean handover, List<String> channelIds, Instant now) {
        this.keywords = String.join("\n", keywords);
        this.phrases = String.join("\n", phrases);
        this.reply = Objects.requireNonNull(reply);
        this.handover = handover;
        this.channelIds = String.join(" ", channelIds);
        this.updatedAt = now;
    }

    private static List<String> split(String joined, String separator) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(separator));
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public List<String> keywords() {
        return split(keywords, "\n");
    }

    public List<String> phrases() {
        return split(phrases, "\n");
    }

    public String reply() {
        return reply;
    }

    public boolean handover() {
        return handover;
    }

    public List<String> channelIds() {
        return split(channelIds, " ");
    }

    /** Whether the rule answers in this channel. */
    public boolean appliesIn(String channelId) {
        return channelIds.isEmpty() || channelIds().contains(channelId);
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
