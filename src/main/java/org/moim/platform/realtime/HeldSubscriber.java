package org.moim.platform.realtime;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A subscriber whose first frames (an ack, a snapshot) must reach the client before anything
 * published meanwhile: frames delivered before {@link #release} are held, then sent after those
 * first frames, in order. After {@link #close} nothing more is sent.
 */
public abstract class HeldSubscriber implements Subscriber {

    private boolean holding = true;
    private boolean closed;
    private final List<OutgoingText> held = new ArrayList<>();

    @Override
    public synchronized void deliver(Connection connection, String topic, JsonObject frame, OutgoingText text) {
        if (closed) {
            return;
        }
        if (holding) {
            held.add(text);
        } else {
            connection.send(text);
        }
    }

    /** Sends {@code first}, then what was held; from now on frames go out as they come. */
    protected synchronized void release(Connection connection, JsonObject... first) {
        if (closed) {
            return;
        }
        for (JsonObject frame : first) {
            connection.send(frame);
        }
        holding = false;
        held.forEach(connection::send);
        held.clear();
    }

    public synchronized void close() {
        closed = true;
        held.clear();
    }
}
