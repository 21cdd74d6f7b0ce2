package org.moim.admin.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.identity.entity.Account;

@JsonbNillable
@Schema(name = "AdminAccount", description = "An account as administrators see it.")
public record AdminAccountView(
        String id,
        String email,
        String displayName,
        Instant createdAt,
        boolean systemAdmin,
        @Schema(description = "When an administrator deactivated it; null while active.") Instant deactivatedAt) {

    static AdminAccountView from(Account account) {
        return new AdminAccountView(account.id(), account.email(), account.displayName(), account.createdAt(),
                account.isSystemAdmin(), account.deactivatedAt());
    }
}
