package org.moim.platform.realtime;

import java.io.Serializable;

/**
 * What a one-time WebSocket ticket stands for: the account, its sign-in session and the access
 * token it was obtained with (whose expiry the connection inherits).
 */
public record Ticket(String accountId, String sessionId, String tokenId, long tokenExpiresAt, boolean bot)
        implements Serializable {

    /** A person's ticket. */
    public Ticket(String accountId, String sessionId, String tokenId, long tokenExpiresAt) {
        this(accountId, sessionId, tokenId, tokenExpiresAt, false);
    }
}
