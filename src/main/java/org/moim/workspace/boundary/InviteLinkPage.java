package org.moim.workspace.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "InviteLinkPage", description = "One page of the workspace's invite links, newest first; pass nextCursor as ?cursor= for the next one (null on the last page).")
public record InviteLinkPage(List<InviteLinkView> items, String nextCursor) {

    static InviteLinkPage of(Page<InviteLinkView> page) {
        return new InviteLinkPage(page.items(), page.nextCursor());
    }
}
