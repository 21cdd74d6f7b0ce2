package org.moim.platform.realtime;

import jakarta.websocket.CloseReason;

/** The gateway's close codes (docs/realtime-protocol.md). */
public enum CloseCodes implements CloseReason.CloseCode {
    /** No ticket, or an unknown, expired or already used one. */
    UNAUTHENTICATED(4401),
    /** The access token or sign-in session behind the connection was revoked. */
    REVOKED(4403),
    /** The access token expired and no fresh ticket came in time. */
    AUTHENTICATION_EXPIRED(4408),
    /** Nothing came from the client, not even a pong, for {@code moim.realtime.idle-timeout}. */
    SILENT(4410),
    /** The client did not read its frames fast enough; reconnect and resume. */
    TOO_SLOW(4429);

    private final int code;

    CloseCodes(int code) {
        this.code = code;
    }

    @Override
    public int getCode() {
        return code;
    }
}
