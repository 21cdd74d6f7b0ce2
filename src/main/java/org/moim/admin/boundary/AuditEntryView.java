package org.moim.admin.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.audit.entity.AuditEntry;

@JsonbNillable
@Schema(name = "AuditEntry", description = "One security event: who did what to whom, when, from which address.")
public record AuditEntryView(
        String id,
        Instant occurredAt,
        String action,
        @Schema(description = "The acting account; null when unknown (a failed sign-in).") String actorId,
        @Schema(description = "The acting account's email, or the email a sign-in attempt gave.") String actorEmail,
        @Schema(description = "What it was done to: usually an account id.") String subjectId,
        String address,
        String detail) {

    static AuditEntryView from(AuditEntry entry) {
        return new AuditEntryView(entry.id(), entry.occurredAt(), entry.action().name(), entry.actorId(), entry.actorEmail(),
                entry.subjectId(), entry.address(), entry.detail());
    }
}
