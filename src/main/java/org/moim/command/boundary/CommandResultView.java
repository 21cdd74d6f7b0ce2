package org.moim.command.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.command.control.CommandRuns;

@JsonbNillable
@Schema(name = "CommandResult", description = "What became of a command typed in a channel. Only POSTED put anything in the channel; "
        + "the other outcomes are for the caller alone (shown as \"Only visible to you\").")
public record CommandResultView(
        @Schema(example = "/weather") String command,
        @Schema(description = "The response_id the integrator was sent.") String responseId,
        @Schema(enumeration = {"POSTED", "EPHEMERAL", "ACKNOWLEDGED", "UNKNOWN_COMMAND", "TIMED_OUT", "FAILED", "INVALID_ANSWER"},
                description = "POSTED: the answer is a message of the channel (messageId), delivered to everyone as any message; "
                        + "EPHEMERAL: the integrator's answer for the caller only (text); ACKNOWLEDGED: an empty answer, nothing to show; "
                        + "the rest: what went wrong, told in text.") String outcome,
        @Schema(description = "The answer, or what went wrong (English). Null when ACKNOWLEDGED.") String text,
        @Schema(description = "When POSTED.") String messageId,
        @Schema(description = "When POSTED: its number in the channel.") Long sequence) {

    static CommandResultView from(CommandRuns.Result r) {
        return new CommandResultView(r.command(), r.responseId(), r.outcome().name(), r.text(), r.messageId(), r.sequence());
    }
}
