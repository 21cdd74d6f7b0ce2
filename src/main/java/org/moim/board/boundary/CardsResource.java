package org.moim.board.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.platform.web.IfMatch;
import org.moim.board.control.BoardViews;
import org.moim.board.control.Cards;
import org.moim.board.control.Cards.CardFields;
import org.moim.board.entity.Card;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("workspaces/{workspaceId}/boards/{boardId}/cards")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Cards", description = "Cards: create, read, change, assign, label, archive and move.")
@APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Your role does not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such board or card that you can see", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CardsResource {

    @Inject
    Cards cards;

    @Inject
    BoardViews views;

    @Inject
    JsonWebToken jwt;

    @JsonbNillable
    @Schema(name = "CardPage", description = "One page of card summaries; nextCursor is null on the last page.")
    public record CardPage(List<CardSummaryView> items, String nextCursor) {

        static CardPage from(Page<BoardViews.CardSummary> page) {
            return new CardPage(page.items().stream().map(CardSummaryView::from).toList(), page.nextCursor());
        }
    }

    @GET
    @Transactional
    @Operation(summary = "Archived cards of the board", description = "Most recently changed first, keyset-paginated. "
            + "Only archived=true is supported: the live cards are in the board view.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = CardPage.class)))
    public CardPage archived(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                             @QueryParam("archived") @DefaultValue("true") boolean archived,
                             @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
                             @QueryParam("cursor") String cursor) {
        if (!archived) {
            throw new InvalidField("archived", "must be true: the live cards are in the board view");
        }
        return CardPage.from(views.archived(workspaceId, boardId, jwt.getSubject(), limit, cursor));
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a card", description = "At the end of the list, or right after afterCardId / before beforeCardId. "
            + "Assignees and people mentioned in the description are notified.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CardView.class)))
    @APIResponse(responseCode = "422", description = "Too many cards", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                           @Valid @NotNull CreateCardRequest body) {
        Card card = cards.create(workspaceId, boardId, jwt.getSubject(), body.listId,
                new CardFields(body.title, body.description, body.startAt, body.dueAt, null, body.assigneeIds, body.labelIds),
                body.afterCardId, body.beforeCardId);
        return Views.tagged(Response.created(URI.create("/" + MoimApi.PATH + "/workspaces/" + workspaceId + "/boards/" + boardId
                + "/cards/" + card.id())), CardView.from(cards.detail(card)), card.version());
    }

    @GET
    @Path("{cardId}")
    @Transactional
    @Operation(summary = "One card", description = "With assignees, labels, checklist and the number of comments. The ETag is its version.")
    @APIResponse(responseCode = "200", description = "The card", content = @Content(schema = @Schema(implementation = CardView.class)))
    public Response get(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                        @PathParam("cardId") String cardId) {
        CardView view = CardView.from(cards.get(workspaceId, boardId, jwt.getSubject(), cardId));
        return Views.tagged(Response.ok(), view, view.version());
    }

    @PATCH
    @Path("{cardId}")
    @Transactional
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a card", description = "Only the members present change; assigneeIds and labelIds replace the set. "
            + "With If-Match: 409 stale-version (with the current card in 'current') if it changed since you read it. "
            + "New assignees and newly mentioned people are notified.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = CardView.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                           @PathParam("cardId") String cardId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull UpdateCardRequest body) {
        Card card = cards.update(workspaceId, boardId, jwt.getSubject(), cardId, IfMatch.version(ifMatch),
                new CardFields(body.title, body.description, body.startAt, body.dueAt, body.archived, body.assigneeIds, body.labelIds),
                CardView::from);
        return Views.tagged(Response.ok(), CardView.from(cards.detail(card)), card.version());
    }

    @POST
    @Path("{cardId}/move")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a card", description = "Into listId (default: its own list), right after afterCardId, else right before "
            + "beforeCardId, else to the end. Computed under the board's lock: concurrent moves apply one after the other, no two "
            + "cards ever share a place. If-Match is optional.")
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = CardView.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response move(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                         @PathParam("cardId") String cardId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull MoveCardRequest body) {
        Card card = cards.move(workspaceId, boardId, jwt.getSubject(), cardId, IfMatch.version(ifMatch), body.listId,
                body.afterCardId, body.beforeCardId, CardView::from);
        return Views.tagged(Response.ok(), CardView.from(cards.detail(card)), card.version());
    }
}
