package org.moim.platform.lifecycle;

import java.time.Instant;

/**
 * Fired once, synchronously, when the node begins to stop: observers stop taking new work, finish
 * (or answer) what they accepted, and return by {@code deadline}. Observers run in {@code @Priority}
 * order: the send lanes drain (acknowledging every send they took) before the sockets close.
 * Observers are {@code Reception.IF_EXISTS}: a bean nobody used has nothing to finish, and creating
 * it while the application stops fails.
 */
public record NodeStopping(Instant deadline) {
}
