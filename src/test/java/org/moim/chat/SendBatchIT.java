package org.moim.chat;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Chat;
import org.moim.it.Deployments;

/**
 * A batch of the send queue with a send its sender may not make (issue 20: someone sending to a
 * channel they cannot read must not turn everyone else's batch into one transaction per
 * message). {@code SendBatchProbe} stores a batch as a send lane does; the statements are counted.
 */
@ExtendWith(ArquillianExtension.class)
class SendBatchIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    @Test
    void aSendToAChannelItsSenderCannotReadIsRefusedAloneAndTheOthersAreStoredInTheSameStatements() {
        Api api = new Api(base);
        SignedIn ann = Accounts.signUp(api, "Ann Batch");
        SignedIn ben = Accounts.signUp(api, "Ben Batch");
        SignedIn mallory = Accounts.signUp(api, "Mallory Batch");
        String workspace = Chat.workspace(base, ann, ben, mallory);
        String theirs = Chat.direct(base, workspace, ann, ben);       // Mallory is not in it
        String baseline = Chat.direct(base, workspace, ann, mallory);

        Api.Reply clean = batch(api, ann, send(baseline, ann, "first"), send(baseline, ann, "second"));
        Api.Reply mixed = batch(api, ann, send(theirs, ann, "one"), send(theirs, mallory, "let me in"), send(theirs, ann, "two"));

        assertThat(outcomes(clean)).containsExactly("sequence 1", "sequence 2");
        assertThat(outcomes(mixed)).as("the refused send answered alone, as it would be on its own")
                .containsExactly("sequence 1", "refused /problems/not-found", "sequence 2");
        assertThat(statements(mixed)).as("the two others stored as one batch: the statements of a clean batch of two")
                .isEqualTo(statements(clean));
        assertThat(history(api, theirs, ann)).containsExactlyInAnyOrder("one", "two");
    }

    private static JsonObject send(String channel, SignedIn sender, String text) {
        return Json.createObjectBuilder().add("channelId", channel).add("senderId", sender.id()).add("text", text).build();
    }

    private static Api.Reply batch(Api api, SignedIn caller, JsonObject... sends) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonObject send : sends) {
            array.add(send);
        }
        Api.Reply reply = api.post("/api/v1/test-probe/chat-batch", Json.createObjectBuilder().add("sends", array).build(),
                caller.accessToken());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply;
    }

    private static List<String> outcomes(Api.Reply reply) {
        return reply.json().getJsonArray("outcomes").getValuesAs(JsonObject.class).stream()
                .map(o -> o.containsKey("sequence") ? "sequence " + o.getJsonNumber("sequence").longValue() : "refused " + o.getString("refused"))
                .toList();
    }

    private static int statements(Api.Reply reply) {
        return Integer.parseInt(reply.header("X-Moim-Sql-Statements").orElseThrow());
    }

    private static List<String> history(Api api, String channel, SignedIn reader) {
        Api.Reply history = api.get("/api/v1/channels/" + channel + "/messages?limit=50", reader.accessToken());
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        return history.items().getValuesAs(JsonObject.class).stream().map(m -> m.getString("text")).toList();
    }
}
