package org.moim.platform.security;

import java.io.Serializable;

/** Fired (and published to every node by the real-time gateway) when an access token ({@code tokenId}) or a whole sign-in session ends. */
public record AccessRevoked(String tokenId, String sessionId) implements Serializable {
}
