package org.moim.webhook.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.chat.control.Posting;
import org.moim.platform.problem.Problem;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;
import org.moim.webhook.control.IncomingWebhooks;

/**
 * Where incoming webhooks post: {@code POST /api/v1/hooks/{secret}}. No sign-in; the secret in
 * the URL is the credential. The body is read as bytes, at most
 * {@code moim.incoming-webhooks.max-body-bytes}.
 */
@Path(HooksResource.PATH + "/{secret}")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirements
@Tag(name = "Incoming webhooks")
public class HooksResource {

    static final String PATH = "hooks";

    @Inject
    IncomingWebhooks hooks;

    @Inject
    @ConfigProperty(name = "moim.incoming-webhooks.max-body-bytes", defaultValue = "65536")
    int maxBodyBytes;

    /** What the sender is told. */
    @Schema(name = "IncomingWebhookReceipt")
    public record Receipt(@Schema(description = "Always true: Slack's clients look for a 2xx.") boolean ok, String channelId,
                          String messageId, @Schema(description = "The message's number in the channel.") long sequence,
                          @Schema(description = "True when this Idempotency-Key was posted before: nothing new was stored.") boolean duplicate) {
    }

    @POST
    @Transactional
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Post through an incoming webhook", description = "Slack's incoming-webhook body (text in mrkdwn, username, "
            + "icon_url, blocks, attachments) becomes one message of the hook's channel, with a bot badge. No Authorization header: "
            + "the secret in the URL is the credential. Rate limited per hook.")
    @RequestBody(description = "Slack's incoming-webhook JSON", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "text", value = "{\"text\": \"*Deployed* <https://ci.example.com/42|build 42>\", \"username\": \"CI\"}")))
    @APIResponse(responseCode = "200", description = "Posted (or posted before under the same Idempotency-Key)",
            content = @Content(schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, not an object, a field of the wrong type, or nothing to show (errors name the field)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such hook: a wrong, replaced or deleted secret",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The channel is archived (channel-archived)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is over moim.incoming-webhooks.max-body-bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Over the hook's rate limit", headers = @Header(name = "Retry-After", description = "Seconds"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Receipt post(@PathParam("secret") @Parameter(description = "The secret part of the hook's URL") String secret,
                        @HeaderParam("Idempotency-Key") @Parameter(description = "A retried delivery with the same key is posted once (1 to 64 characters)")
                        String idempotencyKey,
                        InputStream body) throws IOException {
        Posting.Posted posted = hooks.receive(secret, read(body), idempotencyKey);
        return new Receipt(true, posted.channel().id(), posted.message().id(), posted.message().sequence(), posted.repeated());
    }

    private byte[] read(InputStream body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        byte[] bytes = body.readNBytes(maxBodyBytes + 1);
        if (bytes.length > maxBodyBytes) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "An incoming webhook's body is at most " + maxBodyBytes + " bytes.");
        }
        return bytes;
    }
}
