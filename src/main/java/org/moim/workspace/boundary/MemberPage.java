package org.moim.workspace.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "MemberPage", description = "One page of members in the order they joined; pass nextCursor as ?cursor= for the next one (null on the last page).")
public record MemberPage(List<MemberView> items, String nextCursor) {

    static MemberPage of(Page<MemberView> page) {
        return new MemberPage(page.items(), page.nextCursor());
    }
}
