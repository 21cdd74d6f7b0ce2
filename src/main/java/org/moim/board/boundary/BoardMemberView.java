package org.moim.board.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.board.control.BoardMembers;
import org.moim.workspace.entity.MemberRole;

@Schema(name = "BoardMember", description = "Someone added to a board by name, with their role in the workspace.")
public record BoardMemberView(String accountId, @Schema(example = "Kim Minji") String displayName, MemberRole role, Instant addedAt) {

    static BoardMemberView from(BoardMembers.Listed member) {
        return new BoardMemberView(member.accountId(), member.displayName(), member.role(), member.addedAt());
    }
}
