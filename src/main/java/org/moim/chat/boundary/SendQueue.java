package org.moim.chat.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;
import org.moim.chat.control.Posting;
import org.moim.platform.lifecycle.NodeStopping;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/**
 * Where this node's WebSocket sends wait to be stored: a few lanes, each one thread that takes
 * whatever has queued up (at most {@code moim.chat.send-batch}) and stores it in one transaction
 * ({@link ChatCommands#sendEach}). Under load one transaction, one channel lock and one commit
 * serve many messages, and a handful of threads do the database work instead of every socket
 * thread at once; when it is quiet a batch is one message and nothing waits.
 *
 * <p>One lane is the default: on two cores it stored 1,800 messages a second with a p99 of 0.2 s
 * where two lanes (more, smaller transactions competing for the cores) let the p99 grow to 2 s
 * (docs/performance.md). More lanes help where round trips to a remote database dominate.
 *
 * <p>A channel always goes to the same lane, so its messages are stored in the order they
 * arrived (a sender's messages keep their order) and two lanes never wait for each other's
 * channel locks. A send refused by the checks the batch makes anyway (no access to the channel,
 * a bad field, too many files) is answered alone and the rest stored together
 * ({@link org.moim.chat.control.Posting#postEach}); when a batch fails later (a reply to a message
 * that is gone, a file that may not be attached, an idempotency key used before) its sends are
 * stored one by one, each with its own answer. A full lane answers
 * {@code /problems/unavailable}: the client sends again later with the same idempotency key.
 *
 * <p>When the node stops gracefully the queue takes no more sends (they are answered
 * {@code unavailable}, to be sent again once reconnected to another node) and stores and
 * acknowledges every send it had taken before the sockets close.
 */
@ApplicationScoped
public class SendQueue {

    static final ProblemType BUSY = ProblemType.UNAVAILABLE;
    private static final Logger LOG = Logger.getLogger(SendQueue.class.getName());

    @Inject
    ChatCommands commands;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "moim.chat.send-lanes", defaultValue = "1")
    int laneCount;

    @Inject
    @ConfigProperty(name = "moim.chat.send-batch", defaultValue = "100")
    int batchSize;

    @Inject
    @ConfigProperty(name = "moim.chat.send-queue", defaultValue = "10000")
    int queueSize;

    @Inject
    MetricRegistry metrics;

    private Timer storeTime;
    private Histogram batches;
    private Lane[] lanes;
    private volatile boolean running;
    private volatile boolean accepting = true;
    /** Sends taken and not yet answered (their futures completed, acknowledgements queued). */
    private final AtomicInteger unanswered = new AtomicInteger();

    /** One send waiting for its lane. */
    private record Pending(Posting.Draft draft, CompletableFuture<Posting.Posted> result) {
    }

    @PostConstruct
    void start() {
        if (laneCount < 1 || batchSize < 1 || queueSize < 1) {
            throw new IllegalStateException("moim.chat.send-lanes, send-batch and send-queue must be at least 1");
        }
        storeTime = metrics.timer(Metadata.builder().withName("moim.chat.store.seconds")
                .withDescription("Time to store one batch of sent messages, commit included (the acknowledgements wait for it)").build());
        batches = metrics.histogram(Metadata.builder().withName("moim.chat.send.batch")
                .withDescription("Messages stored per transaction (a batch is what queued while the previous one was stored)").build());
        metrics.gauge(Metadata.builder().withName("moim.chat.send.queue")
                .withDescription("Sends taken from sockets on this node and not yet answered").build(), unanswered, AtomicInteger::get);
        running = true;
        lanes = new Lane[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes[i] = new Lane(Math.max(1, queueSize / laneCount));
            Thread thread = threads.newThread(lanes[i]);
            thread.setName("moim-chat-send-" + i);
            thread.start();
            lanes[i].thread = thread;
        }
    }

    /** Created with the application, not at the first send: its metrics are at /metrics from the start. */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing creates the bean (start() above runs).
    }

    @PreDestroy
    void stop() {
        running = false;
        for (Lane lane : lanes) {
            lane.thread.interrupt();
        }
        for (Lane lane : lanes) {
            try {
                lane.thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The node is stopping: take no more sends, and return once every send taken is stored and
     * answered (its acknowledgement queued on its socket), or at the deadline.
     */
    void drain(@Observes(notifyObserver = Reception.IF_EXISTS) @Priority(100) NodeStopping stopping) {
        accepting = false;
        try {
            while (unanswered.get() > 0 && Instant.now().isBefore(stopping.deadline())) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = unanswered.get();
        if (left > 0) {
            LOG.warning(() -> left + " sends were still waiting to be stored when the graceful stop's time ran out;"
                    + " their senders get no acknowledgement and send them again once reconnected");
        }
    }

    /**
     * Queues the send; the future completes once it is stored (or refused). The checks that need
     * no database fail here, at once.
     */
    public CompletableFuture<Posting.Posted> submit(Posting.Draft draft) {
        draft.requireValid();
        if (!accepting) {
            throw new ProblemException(BUSY, "The server is stopping; send it again (with the same idempotencyKey)"
                    + " once reconnected.");
        }
        Pending pending = new Pending(draft, new CompletableFuture<>());
        unanswered.incrementAndGet();
        if (!running || !lanes[Math.floorMod(draft.channelId().hashCode(), lanes.length)].queue.offer(pending)) {
            unanswered.decrementAndGet();
            throw new ProblemException(BUSY, "Too many messages are waiting to be stored; send it again in a moment"
                    + " (with the same idempotencyKey).");
        }
        return pending.result();
    }

    private final class Lane implements Runnable {

        final BlockingQueue<Pending> queue;
        Thread thread;

        Lane(int capacity) {
            queue = new ArrayBlockingQueue<>(capacity);
        }

        @Override
        public void run() {
            List<Pending> batch = new ArrayList<>(batchSize);
            while (running) {
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    break;
                }
                queue.drainTo(batch, batchSize - 1);
                try {
                    store(batch);
                } catch (Error e) {
                    // The lane goes on: a send left without an answer would wait for ever.
                    LOG.log(Level.SEVERE, "Storing a batch of sends failed", e);
                    batch.forEach(pending -> pending.result().completeExceptionally(e));
                }
                unanswered.addAndGet(-batch.size());
                batch.clear();
            }
            // Stopping: what still waits is answered, never dropped without a word.
            queue.drainTo(batch);
            ProblemException stopping = new ProblemException(BUSY, "The server is stopping; send it again (with the same"
                    + " idempotencyKey) once reconnected.");
            batch.forEach(pending -> pending.result().completeExceptionally(stopping));
            unanswered.addAndGet(-batch.size());
        }

        private void store(List<Pending> batch) {
            long started = System.nanoTime();
            batches.update(batch.size());
            try {
                storeBatch(batch);
            } finally {
                storeTime.update(java.time.Duration.ofNanos(System.nanoTime() - started));
            }
        }

        private void storeBatch(List<Pending> batch) {
            if (batch.size() > 1) {
                try {
                    List<Posting.Outcome> outcomes = commands.sendEach(batch.stream().map(Pending::draft).toList());
                    for (int i = 0; i < batch.size(); i++) {
                        Posting.Outcome outcome = outcomes.get(i);
                        if (outcome.refused() != null) {
                            batch.get(i).result().completeExceptionally(outcome.refused());
                        } else {
                            batch.get(i).result().complete(outcome.posted());
                        }
                    }
                    return;
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "A batch of " + batch.size() + " sends failed; storing them one by one", e);
                }
            }
            for (Pending pending : batch) {
                try {
                    pending.result().complete(commands.send(pending.draft()));
                } catch (RuntimeException e) {
                    pending.result().completeExceptionally(e);
                }
            }
        }
    }
}
