package org.moim.file.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.file.control.FileLimits;

@Schema(name = "StorageUsage", description = "A workspace's files against its limits. Content shared by several files counts for each.")
public record StorageUsageView(
        String workspaceId,
        @Schema(description = "Bytes of all files.") long usedBytes,
        long fileCount,
        @Schema(description = "The workspace's quota in bytes.") long quotaBytes,
        @Schema(description = "quotaBytes - usedBytes, at least 0.") long availableBytes,
        @Schema(description = "The largest file one upload may be, in bytes.") long maxFileSize) {

    static StorageUsageView from(String workspaceId, FileLimits.Usage usage) {
        return new StorageUsageView(workspaceId, usage.usedBytes(), usage.fileCount(), usage.quota(),
                Math.max(0, usage.quota() - usage.usedBytes()), usage.maxFileSize());
    }
}
