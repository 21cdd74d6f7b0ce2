package org.moim.admin.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.audit.entity.AuditEntry;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "AuditPage", description = "Audit entries newest first; pass nextCursor as ?cursor= for the next page (null on the last).")
public record AuditPage(List<AuditEntryView> items, String nextCursor) {

    static AuditPage from(Page<AuditEntry> page) {
        return new AuditPage(page.items().stream().map(AuditEntryView::from).toList(), page.nextCursor());
    }
}
