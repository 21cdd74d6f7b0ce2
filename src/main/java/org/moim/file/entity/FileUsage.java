package org.moim.file.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A workspace's storage use: the sum of its files' sizes (shared content counts for each file)
 * and how many there are. Changed only by conditional updates in the transactions that add or
 * remove files.
 */
@Entity
@Table(name = "file_usage")
public class FileUsage {

    @Id
    @Column(name = "workspace_id", length = 36)
    private String workspaceId;

    @Column(name = "used_bytes", nullable = false)
    private long usedBytes;

    @Column(name = "file_count", nullable = false)
    private long fileCount;

    protected FileUsage() {
    }

    public FileUsage(String workspaceId) {
        this.workspaceId = workspaceId;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public long usedBytes() {
        return usedBytes;
    }

    public long fileCount() {
        return fileCount;
    }
}
