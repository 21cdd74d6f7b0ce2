package org.moim.call.boundary;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.call.control.IceServers;

@Schema(name = "IceServers", description = "RTCConfiguration.iceServers for a call. TURN credentials are made for the caller and expire at expiresAt (TURN REST API scheme); fetch them again for every call.")
public record IceServersView(List<Server> iceServers,
                             @Schema(description = "When the TURN credentials expire; absent without TURN") Instant expiresAt) {

    @Schema(name = "IceServer")
    public record Server(@Schema(example = "[\"turn:turn.example.com:3478?transport=udp\", \"turns:turn.example.com:5349\"]", type = SchemaType.ARRAY, implementation = String.class) List<String> urls,
                         @Schema(description = "TURN only: <expiry unix seconds>:<account id>", example = "1767225600:6f1c0c1e-…") String username,
                         @Schema(description = "TURN only: base64(HMAC-SHA1(secret, username))") String credential) {
    }

    static IceServersView from(IceServers.Configuration configuration) {
        return new IceServersView(configuration.servers().stream()
                .map(s -> new Server(s.urls(), s.username(), s.credential())).toList(), configuration.expiresAt());
    }
}
