package org.moim.workspace.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "InvitationPage", description = "One page of the workspace's invitations, newest first; pass nextCursor as ?cursor= for the next one (null on the last page).")
public record InvitationPage(List<InvitationView> items, String nextCursor) {

    static InvitationPage of(Page<InvitationView> page) {
        return new InvitationPage(page.items(), page.nextCursor());
    }
}
