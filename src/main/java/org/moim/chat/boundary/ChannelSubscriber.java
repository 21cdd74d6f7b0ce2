package org.moim.chat.boundary;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moim.chat.control.History;
import org.moim.chat.entity.ChannelRef;
import org.moim.platform.realtime.Connection;
import org.moim.platform.realtime.OutgoingText;
import org.moim.platform.realtime.Subscriber;

/**
 * One connection's subscription to one channel: it hands the client every message exactly once
 * and in sequence order, whatever order the frames arrive in.
 *
 * <p>Posts commit in sequence order (the channel row lock), but each is published after its own
 * commit, so two concurrent posts may be published 6 before 5. Messages are therefore sent only
 * when they are the next number; a later one waits, and if the gap has not closed after
 * {@code gapFillDelay} (the publishing node died between commit and publish) the missing
 * numbers are read from the database: a committed number means every smaller one is committed.
 * While the subscription catches up (replay after a reconnect) live frames are held and merged
 * by number. Frames about messages (edits, reactions) pass at once; typing frames too, except
 * the subscriber's own.
 */
final class ChannelSubscriber implements Subscriber {

    private static final Logger LOG = Logger.getLogger(ChannelSubscriber.class.getName());

    private final ChannelRef channel;
    private final String accountId;
    private final ChatCommands commands;
    private final ScheduledExecutorService scheduler;
    private final Duration gapFillDelay;
    private final int fillLimit;

    private long delivered;
    private boolean catchingUp = true;
    private boolean closed;
    private final TreeMap<Long, OutgoingText> waiting = new TreeMap<>();
    private final List<OutgoingText> held = new ArrayList<>();
    private Future<?> fill;
    private long lastTyping;

    ChannelSubscriber(ChannelRef channel, String accountId, ChatCommands commands, ScheduledExecutorService scheduler,
                      Duration gapFillDelay, int fillLimit) {
        this.channel = channel;
        this.accountId = accountId;
        this.commands = commands;
        this.scheduler = scheduler;
        this.gapFillDelay = gapFillDelay;
        this.fillLimit = fillLimit;
    }

    ChannelRef channel() {
        return channel;
    }

    @Override
    public synchronized void deliver(Connection connection, String topic, JsonObject frame, OutgoingText text) {
        if (closed) {
            return;
        }
        String type = frame.getString("type", "");
        if (type.equals("typing")) {
            if (!accountId.equals(frame.getString("accountId", null))) {
                connection.send(text);
            }
            return;
        }
        if (!type.equals("message")) {
            if (catchingUp) {
                held.add(text);
            } else {
                connection.send(text);
            }
            return;
        }
        long sequence = frame.getJsonNumber("sequence").longValue();
        if (sequence <= delivered) {
            return;
        }
        waiting.put(sequence, text);
        if (!catchingUp) {
            drain(connection);
        }
    }

    /**
     * Ends the catch-up: the ack, the missed messages, then whatever arrived live meanwhile,
     * without a gap or a repeat. From here on the client has everything up to {@code last}.
     */
    synchronized void caughtUp(Connection connection, JsonObject ack, long last, List<History.Item> missed) {
        if (closed) {
            return;
        }
        connection.send(ack);
        // The database's answer in ascending order: a number it skips is hidden by the plan's
        // history window (deleted messages stay as tombstones), so it is not waited for.
        for (History.Item item : missed) {
            long sequence = item.message().sequence();
            if (sequence > delivered) {
                connection.send(ChatJson.message(item));
                delivered = sequence;
            }
        }
        delivered = Math.max(delivered, last);
        catchingUp = false;
        held.forEach(connection::send);
        held.clear();
        drain(connection);
    }

    /** Where the replay starts: the client has everything up to {@code after}. */
    synchronized void startAfter(long after) {
        delivered = after;
    }

    /** Whether a typing frame may go out now (at most one per interval and subscription). */
    /**
     * The person sent a message here: the others stop showing them as typing when it arrives, so
     * the next key they type is news again, however soon (the browser resets its own throttle too).
     */
    synchronized void messageSent() {
        lastTyping = 0;
    }

    synchronized boolean mayType(long nowMillis, long intervalMillis) {
        if (lastTyping != 0 && nowMillis - lastTyping < intervalMillis) {
            return false;
        }
        lastTyping = nowMillis;
        return true;
    }

    synchronized void close() {
        closed = true;
        if (fill != null) {
            fill.cancel(false);
        }
        waiting.clear();
        held.clear();
    }

    @Override
    public void ended(Connection connection, String topic) {
        close();
        connection.send(ChatJson.unsubscribed("channelId", channel.id(), "access-revoked"));
    }

    /** Sends the waiting messages that are next in line; a gap waits for the fill. */
    private void drain(Connection connection) {
        while (!waiting.isEmpty()) {
            Map.Entry<Long, OutgoingText> first = waiting.firstEntry();
            if (first.getKey() <= delivered) {
                waiting.pollFirstEntry();
            } else if (first.getKey() == delivered + 1) {
                waiting.pollFirstEntry();
                connection.send(first.getValue());
                delivered = first.getKey();
            } else {
                // Done already: a scheduler may run a fill due at once in place (gap-fill-delay PT0S).
                if (fill == null || fill.isDone()) {
                    fill = scheduler.schedule(() -> fillGap(connection), gapFillDelay.toMillis(), TimeUnit.MILLISECONDS);
                }
                return;
            }
        }
    }

    private void fillGap(Connection connection) {
        long from;
        long upTo;
        synchronized (this) {
            fill = null;
            if (closed || !connection.isOpen() || waiting.isEmpty() || waiting.firstKey() == delivered + 1) {
                if (!closed) {
                    drain(connection);
                }
                return;
            }
            from = delivered;
            upTo = waiting.firstKey();
        }
        List<History.Item> missing;
        int limit = (int) Math.min(fillLimit, upTo - from - 1);
        boolean complete;
        try {
            missing = commands.replay(channel.id(), from, limit);
            complete = missing.size() < limit;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Filling a gap in " + channel.id() + " failed; trying again", e);
            missing = List.of();
            complete = false;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            for (History.Item item : missing) {
                long sequence = item.message().sequence();
                if (sequence > delivered && sequence < upTo) {
                    connection.send(ChatJson.message(item));
                    delivered = sequence;
                }
            }
            if (complete) {
                // Every number below upTo is committed; one the database did not return is hidden by the plan.
                delivered = Math.max(delivered, upTo - 1);
            }
            drain(connection);
        }
    }
}
