package org.moim.identity.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.identity.entity.Account;

@Schema(name = "Account", description = "The signed-in person's account.")
public record AccountView(
        String id,
        String email,
        @Schema(description = "Whether the owner opened a verification link sent to this address; until then "
                + "invitations to it can be neither seen nor accepted.") boolean emailVerified,
        String displayName,
        @Schema(enumeration = {"en", "ko"}) String locale,
        @Schema(example = "Asia/Seoul") String timeZone,
        Instant createdAt,
        @Schema(description = "A system administrator of this Moim (the browser then shows Administration).") boolean systemAdmin) {

    static AccountView from(Account account) {
        return new AccountView(account.id(), account.email(), account.emailVerified(), account.displayName(), account.language().tag(),
                account.timeZone().getId(), account.createdAt(), account.isSystemAdmin());
    }
}
