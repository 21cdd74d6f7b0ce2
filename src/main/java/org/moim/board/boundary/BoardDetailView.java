package org.moim.board.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.board.control.BoardAction;
import org.moim.board.control.BoardViews;
import org.moim.board.entity.Board;
import org.moim.workspace.entity.MemberRole;

@JsonbNillable
@Schema(name = "BoardDetail", description = "The board view: the board with its live lists and cards, members and labels.")
public record BoardDetailView(
        String id,
        String workspaceId,
        String name,
        String description,
        String colour,
        LocalDate startDate,
        LocalDate deadline,
        boolean archived,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The board's own version (for If-Match on PATCH of the board), also the ETag.") long version,
        @Schema(description = "The caller's role in the workspace.") MemberRole myRole,
        @Schema(description = "One more for every change on the board; live viewers compare it with board-changed frames (docs/realtime-protocol.md).") long revision,
        @Schema(type = SchemaType.ARRAY, implementation = BoardAction.class, description = "What the caller may do on this board.") List<BoardAction> myActions,
        List<BoardMemberView> members,
        List<LabelView> labels,
        List<ColumnView> lists) {

    @JsonbNillable
    @Schema(name = "BoardColumn", description = "A live list of the board with its live cards in order.")
    public record ColumnView(String id, @Schema(example = "To do") String name, boolean archived, long version, List<CardSummaryView> cards) {
    }

    static BoardDetailView from(BoardViews.Snapshot s) {
        Board b = s.board();
        return new BoardDetailView(b.id(), b.workspaceId(), b.name(), b.description(), b.colour(), b.startDate(), b.deadline(),
                b.archived(), b.createdBy(), b.createdAt(), b.updatedAt(), b.version(), s.myRole(), b.revision(), List.copyOf(s.myActions()),
                s.members().stream().map(BoardMemberView::from).toList(),
                s.labels().stream().map(LabelView::from).toList(),
                s.lists().stream().map(c -> new ColumnView(c.list().id(), c.list().name(), c.list().archived(), c.list().version(),
                        c.cards().stream().map(CardSummaryView::from).toList())).toList());
    }
}
