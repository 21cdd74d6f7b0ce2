package org.moim.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
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
import org.moim.client.api.ChatApi;
import org.moim.client.api.CommentsApi;
import org.moim.client.api.FilesApi;
import org.moim.client.api.ListsApi;
import org.moim.client.api.TokensApi;
import org.moim.client.api.WorkspacesApi;
import org.moim.client.model.CommentRequest;
import org.moim.client.model.CreateBoardRequest;
import org.moim.client.model.CreateCardRequest;
import org.moim.client.model.CreateListRequest;
import org.moim.client.model.CreateTokenRequest;
import org.moim.client.model.CreateWorkspaceRequest;
import org.moim.client.model.LoginRequest;
import org.moim.client.model.PostMessageRequest;
import org.moim.client.model.RegisterRequest;
import org.moim.it.Api;
import org.moim.it.Deployments;

/**
 * The OpenAPI document is complete enough for a client generated from it (OpenAPI Generator,
 * library {@code native}, from {@code src/test/openapi/moim.json}, which OpenApiContractIT keeps
 * equal to the live document): one scenario runs through the typed client only (issue 18, item 5):
 * sign up and in, make a personal access token and go on with it, a workspace, boards, a list,
 * cards, a comment, a message in the board's channel, an upload, and pages of boards and files.
 *
 * <p>One thing of the {@code native} library is worked around, not the document: its
 * {@code filesPut} (a binary {@code application/octet-stream} body) writes the {@code File}
 * argument through Jackson, the file's path as a JSON string, instead of its bytes. The client's
 * request interceptor, its documented hook, puts the file's bytes in as the body; the typed call,
 * its parameters and its typed answer are the generated ones.
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
    void aWholeScenarioRunsThroughTheGeneratedClient() throws ApiException, IOException {
        AtomicReference<Path> streamBody = new AtomicReference<>();
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

        // A personal access token, and everything after it with that token.
        var made = new TokensApi(client).tokensCreateMyToken(new CreateTokenRequest().name("Contract")
                .scopes(List.of("read", "admin", "boards:write", "chat:write", "files:write")).expiresInDays(1));
        String pat = made.getSecret();
        assertThat(pat).startsWith("moim_pat_");
        assertThat(made.getToken().getScopes()).contains("files:write");
        client.setRequestInterceptor(request -> {
            request.header("X-Forwarded-For", address).header("Authorization", "Bearer " + pat);
            Path body = streamBody.get();
            if (body != null) {
                try {
                    request.method("PUT", HttpRequest.BodyPublishers.ofFile(body)).setHeader("Content-Type", "text/plain");
                } catch (FileNotFoundException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });

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

        ChatApi chat = new ChatApi(client);
        String channel = chat.chatBoard(ws, board).getId();
        var posted = chat.chatPost(channel, new PostMessageRequest().text("Posted through the typed client").mentions(List.of()));
        assertThat(posted.getSequence().longValue()).isEqualTo(1);
        assertThat(chat.chatMessages(channel, null, null, null, 50).getItems())
                .extracting(m -> m.getText()).containsExactly("Posted through the typed client");

        Path upload = Files.writeString(Files.createTempFile("contract", ".txt"), "Bytes, not a JSON string\n");
        streamBody.set(upload);
        var file = new FilesApi(client).filesPut(ws, upload.toFile(), null, "contract.txt", null, null, null, null);
        streamBody.set(null);
        assertThat(file.getName()).isEqualTo("contract.txt");
        assertThat(file.getSize().longValue()).isEqualTo(Files.size(upload));
        var files = new FilesApi(client).filesList(ws, null, null, null, null, null, null, 1, null);
        assertThat(files.getItems()).extracting(f -> f.getId()).containsExactly(file.getId());

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
