package org.moim.gallery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A comment on a picture (an image file), in Markdown with {@code @[name](accountId)} mentions. */
@Entity
@Table(name = "gallery_comment")
public class PictureComment {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "file_id", nullable = false, length = 36, updatable = false)
    private String fileId;

    /** Null once the author's account is gone. */
    @Column(name = "author_id", length = 36, updatable = false)
    private String authorId;

    @Column(nullable = false, length = 8000)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected PictureComment() {
    }

    public PictureComment(String fileId, String authorId, String body, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.fileId = Objects.requireNonNull(fileId);
        this.authorId = Objects.requireNonNull(authorId);
        this.body = Objects.requireNonNull(body);
        this.createdAt = now;
    }

    public boolean isWrittenBy(String accountId) {
        return authorId != null && authorId.equals(accountId);
    }

    public String id() {
        return id;
    }

    public String fileId() {
        return fileId;
    }

    public String authorId() {
        return authorId;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
