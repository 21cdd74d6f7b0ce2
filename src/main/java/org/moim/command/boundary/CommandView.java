package org.moim.command.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.command.control.Commands;
import org.moim.command.entity.Command;

@JsonbNillable
@Schema(name = "Command", description = "A workspace's slash command. The ETag of one command is its version, for If-Match.")
public record CommandView(
        String id,
        String workspaceId,
        @Schema(description = "Without the slash.", example = "weather") String word,
        @Schema(example = "Today's weather") String description,
        @Schema(example = "[city]") String usage,
        @Schema(description = "Null for members and guests: only owners and managers see it.", example = "https://example.com/moim/weather") String url,
        @Schema(description = "The bot account its in-channel answers are posted as (named /word).") String posterId,
        @Schema(description = "Only in the answer to creating the command or replacing its secret: shown once, store it.",
                example = "whsec_6fQk…") String secret,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static CommandView from(Command command, boolean withUrl) {
        return from(command, withUrl, null);
    }

    static CommandView from(Commands.WithSecret made) {
        return from(made.command(), true, made.secret());
    }

    private static CommandView from(Command c, boolean withUrl, String secret) {
        return new CommandView(c.id(), c.workspaceId(), c.word(), c.description(), c.usage(), withUrl ? c.url() : null, c.posterId(), secret,
                withUrl ? c.createdBy() : null, c.createdAt(), c.updatedAt(), c.version());
    }
}
