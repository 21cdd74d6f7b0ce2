package org.moim.keywordbot.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** A workspace's keyword bot: the account it posts as and the people a handover asks for. */
@Entity
@Table(name = "keyword_bot")
public class KeywordBot {

    public static final int MAX_RESPONDERS = 20;

    @Id
    @Column(name = "workspace_id", length = 36)
    private String workspaceId;

    @Column(name = "poster_id", nullable = false, length = 36)
    private String posterId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "keyword_bot_responder", joinColumns = @JoinColumn(name = "workspace_id"))
    @Column(name = "account_id", length = 36)
    private Set<String> responderIds = new LinkedHashSet<>();

    protected KeywordBot() {
    }

    public KeywordBot(String workspaceId, String posterId, Instant now) {
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.posterId = Objects.requireNonNull(posterId);
        this.createdAt = now;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String posterId() {
        return posterId;
    }

    public Set<String> responderIds() {
        return Set.copyOf(responderIds);
    }

    public void chooseResponders(Collection<String> accountIds) {
        responderIds.clear();
        responderIds.addAll(accountIds);
    }
}
