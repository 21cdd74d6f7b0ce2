package org.moim.platform.security;

import java.io.Serializable;

/** Fired when a sign-in session ends; the real-time gateway then closes its sockets on every node. */
public record AccessRevoked(String sessionId) implements Serializable {
}
