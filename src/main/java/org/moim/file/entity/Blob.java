package org.moim.file.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * Content kept in storage, once per SHA-256 however many files share it. Its row is the lock
 * that keeps an upload reusing the content and the sweep deleting it from crossing.
 */
@Entity
@Table(name = "file_blob")
public class Blob {

    @Id
    @Column(length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Blob() {
    }

    public Blob(String sha256, long size, Instant now) {
        this.sha256 = Objects.requireNonNull(sha256);
        this.size = size;
        this.createdAt = now;
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
