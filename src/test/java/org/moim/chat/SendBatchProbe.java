package org.moim.chat;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.moim.chat.boundary.ChatCommands;
import org.moim.chat.control.Posting;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.web.MoimApi;

/**
 * Test-only resource {@code SendBatchIT} adds to the WAR: stores a batch of sends as the send
 * queue's lane does ({@link ChatCommands#sendEach}), so that the test decides what one batch holds.
 */
@Path("test-probe/chat-batch")
@RequestScoped
@RolesAllowed(MoimApi.USER)
public class SendBatchProbe {

    @Inject
    ChatCommands commands;

    /** {@code {sends: [{channelId, senderId, text}]}} → {@code {outcomes: [{sequence} | {refused: problem type}]}}, in order. */
    @Operation(hidden = true)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject store(JsonObject batch) {
        JsonArray sends = batch.getJsonArray("sends");
        List<Posting.Draft> drafts = sends.getValuesAs(JsonObject.class).stream()
                .map(send -> new Posting.Draft(send.getString("channelId"), send.getString("senderId"), send.getString("text"),
                        List.of(), null, null, List.of()))
                .toList();
        JsonArrayBuilder answers = Json.createArrayBuilder();
        for (Posting.Outcome outcome : commands.sendEach(drafts)) {
            if (outcome.refused() instanceof ProblemException problem) {
                answers.add(Json.createObjectBuilder().add("refused", problem.type().uri()));
            } else if (outcome.refused() != null) {
                answers.add(Json.createObjectBuilder().add("refused", outcome.refused().getClass().getName()));
            } else {
                answers.add(Json.createObjectBuilder().add("sequence", outcome.posted().message().sequence()));
            }
        }
        return Json.createObjectBuilder().add("outcomes", answers).build();
    }
}
