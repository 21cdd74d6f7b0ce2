package org.moim.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports for the processes the tests start (second nodes, own nodes, Keycloak), taken
 * below the kernel's ephemeral range (32768–60999 on Linux).
 *
 * <p>A port asked of the kernel ({@code new ServerSocket(0)}) comes from the ephemeral range, and
 * so do the ports every other port-0 listener on the machine receives: H2's AUTO_SERVER, the
 * other fork's ChromeDriver and Chromium, Keycloak. Between the moment the test closes its probe
 * socket and the moment the started process binds the port, seconds pass; another listener given
 * the same port in that gap makes the started process answer nothing (or the other process answer
 * in its place). Ports from 20000 to 32000, never handed out by the kernel, leave only a collision
 * with another test fork's pick, which the bind check below and the random start make negligible.
 */
public final class Ports {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;
    private static final Set<Integer> GIVEN = new HashSet<>();

    private Ports() {
    }

    /** A port no listener holds now, never returned before in this JVM. */
    public static synchronized int free() {
        int span = LAST - FIRST;
        int start = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int port = FIRST + (start + i) % span;
            if (!GIVEN.contains(port) && bindable(port)) {
                GIVEN.add(port);
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("No free port between " + FIRST + " and " + LAST));
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
