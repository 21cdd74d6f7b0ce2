package org.moim.search.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.board.control.BoardSearch;
import org.moim.board.entity.Board;
import org.moim.chat.control.History;
import org.moim.file.entity.StoredFile;
import org.moim.platform.persistence.Page;
import org.moim.platform.search.Snippets;
import org.moim.search.control.Search;
import org.moim.workspace.entity.Membership;

@JsonbNillable
@Schema(name = "SearchResults", description = "A page per kind asked for (null for a kind not asked for).")
public record SearchResultsView(String query, Group<MessageHit> messages, Group<CardHit> cards, Group<FileHit> files,
                                Group<PersonHit> people, Group<BoardHit> boards) {

    @JsonbNillable
    @Schema(name = "SearchGroup", description = "Hits of one kind, newest first; nextCursor (null on the last page) goes back as ?cursor= with that kind alone.")
    public record Group<T>(List<T> items, String nextCursor) {

        static <E, T> Group<T> of(Page<E> page, Function<E, T> map) {
            return page == null ? null : new Group<>(page.items().stream().map(map).toList(), page.nextCursor());
        }
    }

    @JsonbNillable
    @Schema(name = "SearchMessageHit")
    public record MessageHit(String id, String channelId,
                             @Schema(enumeration = {"DIRECT", "BOARD", "WORKSPACE"}) String channelKind,
                             @Schema(description = "The board of a board channel, else null") String boardId,
                             String boardName,
                             @Schema(description = "The name of a workspace channel, else null") String channelName, long sequence, String senderId, String senderName,
                             @Schema(description = "Part of the text around the match") String excerpt, Instant createdAt) {
    }

    @JsonbNillable
    @Schema(name = "SearchCardHit")
    public record CardHit(String id, String boardId, String boardName, String title,
                          @Schema(enumeration = {"title", "description", "comment"}) String matchedIn,
                          @Schema(description = "Part of the description or comment around the match; null for a title match") String excerpt,
                          Instant createdAt) {
    }

    @Schema(name = "SearchFileHit")
    public record FileHit(String id, String name, String contentType, long size, Instant createdAt) {
    }

    @Schema(name = "SearchPersonHit")
    public record PersonHit(String accountId, String displayName, String email, String role) {
    }

    @JsonbNillable
    @Schema(name = "SearchBoardHit")
    public record BoardHit(String id, String name, String colour, boolean archived) {
    }

    static SearchResultsView from(Search.Results results) {
        String q = results.query();
        Search.Messages messages = results.messages();
        Group<MessageHit> messageGroup = messages == null ? null : Group.of(messages.page(), (History.Item item) -> {
            var m = item.message();
            Search.Place place = messages.places().get(m.channelId());
            String excerpt = Snippets.around(m.text(), q);
            return new MessageHit(m.id(), m.channelId(), place == null ? null : place.kind().name(),
                    place == null ? null : place.boardId(), place == null ? null : place.boardName(),
                    place == null ? null : place.channelName(), m.sequence(),
                    m.senderId(), messages.senders().get(m.senderId()), excerpt == null ? m.text() : excerpt, m.createdAt());
        });
        return new SearchResultsView(q, messageGroup,
                Group.of(results.cards(), (BoardSearch.CardHit c) -> new CardHit(c.id(), c.boardId(), c.boardName(), c.title(), c.field(),
                        c.excerpt(), c.createdAt())),
                Group.of(results.files(), (StoredFile f) -> new FileHit(f.id(), f.name(), f.contentType(), f.size(), f.createdAt())),
                Group.of(results.people(), (Membership m) -> new PersonHit(m.account().id(), m.account().displayName(),
                        m.account().email(), m.role().name())),
                Group.of(results.boards(), (Board b) -> new BoardHit(b.id(), b.name(), b.colour(), b.archived())));
    }
}
