package org.moim.admin.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.notification.entity.OutboxMail;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "AdminOutboxMail", description = "An account mail the instance did not send (mail is off), as the administrators' outbox page shows it: its plain-text part, links included.")
public record AdminOutboxView(String id, String to, String subject, String text, Instant createdAt) {

    static AdminOutboxView from(OutboxMail mail) {
        return new AdminOutboxView(mail.id(), mail.recipient(), mail.subject(), mail.body(), mail.createdAt());
    }

    @JsonbNillable
    @Schema(name = "AdminOutboxPage", description = "Kept mails newest first; pass nextCursor as ?cursor= for the next page (null on the last). "
            + "keeping says whether new mails come here: mail is off (moim.mail.enabled=false) and moim.mail.outbox has page.")
    public record PageView(List<AdminOutboxView> items, String nextCursor, boolean keeping) {
        static PageView from(Page<OutboxMail> page, boolean keeping) {
            return new PageView(page.items().stream().map(AdminOutboxView::from).toList(), page.nextCursor(), keeping);
        }
    }
}
