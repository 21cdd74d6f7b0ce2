package org.moim.call.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.call.control.CallHistory;
import org.moim.call.entity.Call;
import org.moim.call.entity.CallParticipant;

@JsonbNillable
@Schema(name = "Call", description = "A call: running while endedAt is null, then history.")
public record CallView(
        String id,
        String channelId,
        @Schema(example = "direct") String channelKind,
        String workspaceId,
        String startedBy,
        String startedByName,
        Instant startedAt,
        @Schema(description = "Null while it runs; otherwise when the last participant left") Instant endedAt,
        @Schema(description = "From start to end; null while it runs") Long durationSeconds,
        @Schema(description = "Every stint of every participant, in the order they joined", type = SchemaType.ARRAY, implementation = ParticipantView.class) List<ParticipantView> participants) {

    @JsonbNillable
    @Schema(name = "CallParticipant", description = "One person's time in a call, from joining to leaving.")
    public record ParticipantView(String accountId, String displayName, Instant joinedAt,
                                  @Schema(description = "Null while they are in the call") Instant leftAt,
                                  @Schema(description = "Null while they are in the call") Long durationSeconds) {

        static ParticipantView from(CallParticipant p, String name) {
            return new ParticipantView(p.accountId(), name, p.joinedAt(), p.leftAt(), seconds(p.joinedAt(), p.leftAt()));
        }
    }

    static CallView from(CallHistory.Entry entry) {
        Call call = entry.call();
        return new CallView(call.id(), call.channelId(), call.channelKind(), call.workspaceId(), call.startedBy(),
                entry.names().get(call.startedBy()), call.startedAt(), call.endedAt(), seconds(call.startedAt(), call.endedAt()),
                entry.participants().stream().map(p -> ParticipantView.from(p, entry.names().get(p.accountId()))).toList());
    }

    private static Long seconds(Instant from, Instant to) {
        return to == null ? null : Duration.between(from, to).toSeconds();
    }
}
