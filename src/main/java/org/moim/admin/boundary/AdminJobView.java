package org.moim.admin.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.job.entity.Job;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "AdminJob", description = "A background job as administrators see it (mails are jobs on moim.alerts).")
public record AdminJobView(String id, String type, String queue, String status, int attempts, String ownerAccountId,
                           String lastError, Instant createdAt, Instant updatedAt) {

    static AdminJobView from(Job job) {
        return new AdminJobView(job.id(), job.type(), job.queue(), job.status().name(), job.attempts(), job.ownerAccountId(),
                job.lastError(), job.createdAt(), job.updatedAt());
    }

    @JsonbNillable
    @Schema(name = "AdminJobPage", description = "Dead jobs newest first; pass nextCursor as ?cursor= for the next page (null on the last).")
    public record PageView(List<AdminJobView> items, String nextCursor) {
        static PageView from(Page<Job> page) {
            return new PageView(page.items().stream().map(AdminJobView::from).toList(), page.nextCursor());
        }
    }
}
