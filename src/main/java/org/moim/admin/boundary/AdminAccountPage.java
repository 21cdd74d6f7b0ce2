package org.moim.admin.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.identity.entity.Account;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "AdminAccountPage", description = "Accounts newest first; pass nextCursor as ?cursor= for the next page (null on the last).")
public record AdminAccountPage(List<AdminAccountView> items, String nextCursor) {

    static AdminAccountPage from(Page<Account> page) {
        return new AdminAccountPage(page.items().stream().map(AdminAccountView::from).toList(), page.nextCursor());
    }
}
