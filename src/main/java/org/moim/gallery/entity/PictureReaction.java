package org.moim.gallery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One person's reaction to a picture: a code from a small fixed palette ({@link #CODES}), each at
 * most once per person and picture. A palette rather than any emoji: the grid shows counts per
 * code, and an unknown code is a client's mistake to answer, not a new column of the summary.
 */
@Entity
@Table(name = "gallery_reaction")
@IdClass(PictureReaction.Key.class)
public class PictureReaction {

    /** The codes there are, in the order the viewer shows them. */
    public static final List<String> CODES = List.of("like", "love", "laugh", "wow", "sad", "clap");

    /** The primary key (file, account, code). */
    public static class Key implements Serializable {
        private String fileId;
        private String accountId;
        private String code;

        public Key() {
        }

        public Key(String fileId, String accountId, String code) {
            this.fileId = fileId;
            this.accountId = accountId;
            this.code = code;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(fileId, key.fileId)
                    && Objects.equals(accountId, key.accountId) && Objects.equals(code, key.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fileId, accountId, code);
        }
    }

    @Id
    @Column(name = "file_id", length = 36)
    private String fileId;

    @Id
    @Column(name = "account_id", length = 36)
    private String accountId;

    @Id
    @Column(length = 16)
    private String code;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PictureReaction() {
    }

    public PictureReaction(String fileId, String accountId, String code, Instant now) {
        if (!known(code)) {
            throw new IllegalArgumentException("unknown reaction code " + code);
        }
        this.fileId = Objects.requireNonNull(fileId);
        this.accountId = Objects.requireNonNull(accountId);
        this.code = code;
        this.createdAt = now;
    }

    public static boolean known(String code) {
        return code != null && CODES.contains(code);
    }

    public String fileId() {
        return fileId;
    }

    public String accountId() {
        return accountId;
    }

    public String code() {
        return code;
    }
}
