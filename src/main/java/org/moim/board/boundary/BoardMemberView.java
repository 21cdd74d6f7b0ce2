package org.moim.board.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.board.control.BoardMembers;
import org.moim.platform.persistence.Page;
import org.moim.workspace.entity.MemberRole;

@Schema(name = "BoardMember", description = "Someone added to a board by name, with their role in the workspace.")
public record BoardMemberView(String accountId, @Schema(example = "Kim Minji") String displayName, MemberRole role, Instant addedAt) {

    static BoardMemberView from(BoardMembers.Listed member) {
        return new BoardMemberView(member.accountId(), member.displayName(), member.role(), member.addedAt());
    }

    @JsonbNillable
    @Schema(name = "BoardMemberPage", description = "One page of a board's members in the order they were added; pass nextCursor as ?cursor= for the next one (null on the last page).")
    public record PageView(@Schema(type = SchemaType.ARRAY, implementation = BoardMemberView.class) List<BoardMemberView> items, String nextCursor) {
        static PageView from(Page<BoardMembers.Listed> page) {
            return new PageView(page.items().stream().map(BoardMemberView::from).toList(), page.nextCursor());
        }
    }
}
