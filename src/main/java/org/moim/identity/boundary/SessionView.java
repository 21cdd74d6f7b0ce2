package org.moim.identity.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.identity.entity.LoginSession;

@Schema(name = "Session", description = "A device or browser signed in to the account.")
public record SessionView(String id, @Schema(description = "The session making this request.") boolean current,
                          Instant createdAt, Instant lastUsedAt, Instant expiresAt, String userAgent, String ipAddress) {

    static SessionView from(LoginSession session, String currentSessionId) {
        return new SessionView(session.id(), session.id().equals(currentSessionId), session.createdAt(),
                session.lastUsedAt(), session.expiresAt(), session.userAgent(), session.ipAddress());
    }
}
