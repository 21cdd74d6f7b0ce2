package org.moim.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moim.client.ApiClient;
import org.moim.client.ApiException;
import org.moim.client.api.AuthenticationApi;
import org.moim.client.api.BoardsApi;
import org.moim.client.api.CardsApi;
import org.moim.client.api.CommentsApi;
import org.moim.client.api.ListsApi;
import org.moim.client.api.WorkspacesApi;
import org.moim.client.model.CommentRequest;
import org.moim.client.model.CreateBoardRequest;
import org.moim.client.model.CreateCardRequest;
import org.moim.client.model.CreateListRequest;
import org.moim.client.model.CreateWorkspaceRequest;
import org.moim.client.model.LoginRequest;
import org.moim.client.model.RegisterRequest;
import org.moim.it.Api;
import org.moim.it.Deployments;

/**
 * The OpenAPI document is complete enough for a client generated from it (OpenAPI Generator,
 * library {@code native}, from {@code src/test/openapi/moim.json}, which OpenApiContractIT keeps
 * equal to the live document): one scenario runs through the typed client only. Chat messages
 * are sent over the WebSocket, not REST, so the scenario comments on a card instead. Uploading
 * is left out: the generated {@code filesPut} sends the {@code File} argument through Jackson
 * ({@code writeValueAsBytes(body)}, the file's path as a JSON string) instead of its bytes, and
 * the server rightly answers 400; the {@code native} library does not stream binary bodies.
 */
@ExtendWith(ArquillianExtension.class)
class GeneratedClientIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    @Test
    void aWholeScenarioRunsThroughTheGeneratedClient() throws ApiException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("X-Forwarded-For", address));

        String email = Api.newEmail("client");
        new AuthenticationApi(client).authenticationRegister(
                new RegisterRequest().email(email).password("correct horse battery").displayName("Client"));
        String token = new AuthenticationApi(client).authenticationLogin(
                new LoginRequest().email(email).password("correct horse battery")).getAccessToken();
        assertThat(token).isNotBlank();
        client.setRequestInterceptor(request -> request.header("X-Forwarded-For", address)
                .header("Authorization", "Bearer " + token));

        var workspace = new WorkspacesApi(client).workspacesCreate(new CreateWorkspaceRequest().name("Contract"));
        String ws = workspace.getId();
        BoardsApi boards = new BoardsApi(client);
        List<String> boardIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            boardIds.add(boards.boardsCreate(ws, new CreateBoardRequest().name("Board " + i)).getId());
        }
        String board = boardIds.get(0);
        var list = new ListsApi(client).listsCreate(ws, board, new CreateListRequest().name("To do"));
        CardsApi cards = new CardsApi(client);
        var first = cards.cardsCreate(ws, board, new CreateCardRequest().listId(list.getId()).title("Write the contract"));
        cards.cardsCreate(ws, board, new CreateCardRequest().listId(list.getId()).title("Generate the client"));
        assertThat(cards.cardsGet(ws, board, first.getId()).getTitle()).isEqualTo("Write the contract");

        var comment = new CommentsApi(client).commentsAdd(ws, board, first.getId(), new CommentRequest().body("Typed all the way"));
        assertThat(comment.getBody()).isEqualTo("Typed all the way");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = boards.boardsList(ws, null, 1, cursor);
            page.getItems().forEach(b -> seen.add(b.getId()));
            cursor = page.getNextCursor();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(boardIds);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }
}
