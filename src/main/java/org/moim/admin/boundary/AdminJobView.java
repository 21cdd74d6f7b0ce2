package org.moim.admin.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.identity.entity.Account;
import org.moim.job.entity.Job;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "AdminJob", description = "A background job as administrators see it (mails are jobs on moim.alerts).")
public record AdminJobView(String id, String type, String queue, String status, int attempts, String ownerAccountId,
                           @Schema(description = "Whose work it is (for a mail: whom it was for or who asked for it); null when the job has no owner or the account is gone.")
                           Owner owner,
                           String lastError, Instant createdAt, Instant updatedAt) {

    static AdminJobView from(Job job, Map<String, Account> owners) {
        Account owner = job.ownerAccountId() == null ? null : owners.get(job.ownerAccountId());
        return new AdminJobView(job.id(), job.type(), job.queue(), job.status().name(), job.attempts(), job.ownerAccountId(),
                owner == null ? null : new Owner(owner.id(), owner.email(), owner.displayName()),
                job.lastError(), job.createdAt(), job.updatedAt());
    }

    @Schema(name = "AdminJobOwner", description = "The account a job belongs to.")
    public record Owner(String id, String email, String displayName) {
    }

    @JsonbNillable
    @Schema(name = "AdminJobPage", description = "Dead jobs newest first; pass nextCursor as ?cursor= for the next page (null on the last).")
    public record PageView(@Schema(type = SchemaType.ARRAY, implementation = AdminJobView.class) List<AdminJobView> items, String nextCursor) {
        /** The page's owners come from {@code owners}, looked up in one statement for the whole page. */
        static PageView from(Page<Job> page, Map<String, Account> owners) {
            return new PageView(page.items().stream().map(job -> AdminJobView.from(job, owners)).toList(), page.nextCursor());
        }
    }
}
