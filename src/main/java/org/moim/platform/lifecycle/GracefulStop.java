package org.moim.platform.lifecycle;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Stops the node gracefully. SIGTERM (what an orchestrator, systemd or {@code docker stop} sends)
 * and SIGINT (Ctrl-C) are caught before the JVM's shutdown hooks, which stop Payara's listeners
 * and would drop every WebSocket without a close frame: readiness goes DOWN, new sockets are
 * refused, every feature finishes what it accepted ({@link NodeStopping}: the send lanes store and
 * acknowledge their sends, then the sockets close with 1012, service restart, so clients
 * reconnect to another node at once), and then the signal takes its usual course. An undeployment
 * without a signal runs the same steps. The whole stop takes at most {@code moim.shutdown.timeout}:
 * the steps get three quarters of it, and after a signal a watchdog halts the process at the end of it.
 */
@ApplicationScoped
public class GracefulStop {

    private static final Logger LOG = Logger.getLogger(GracefulStop.class.getName());
    private static final String[] SIGNALS = {"TERM", "INT"};

    @Inject
    Event<NodeStopping> stopping;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "moim.shutdown.timeout", defaultValue = "PT20S")
    Duration timeout;

    private final AtomicBoolean started = new AtomicBoolean();
    private final Map<Signal, SignalHandler> previous = new HashMap<>();
    private volatile boolean stopped;

    void install(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalStateException("moim.shutdown.timeout must be positive, not " + timeout);
        }
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                previous.put(signal, Signal.handle(signal, this::signalled));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                LOG.log(Level.WARNING, "SIG" + name + " cannot be caught here: a stop by it will not be graceful", e);
            }
        }
    }

    /** Whether the node is stopping (readiness is DOWN, new sockets are refused). */
    public boolean isStopping() {
        return started.get();
    }

    private void signalled(Signal signal) {
        // Not on the signal's own thread: the steps take time and need the application's context.
        Thread thread = threads.newThread(() -> {
            watchdog(Instant.now().plus(timeout));
            stop("SIG" + signal.getName());
            SignalHandler next = previous.get(signal);
            if (next != null && next != SignalHandler.SIG_IGN && next != SignalHandler.SIG_DFL) {
                next.handle(signal);
            } else {
                System.exit(128 + signal.getNumber());
            }
        });
        thread.setName("moim-graceful-stop");
        thread.start();
    }

    void undeploying(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        stop("undeployment");
    }

    /** Runs the stop once; later calls return at once. */
    void stop(String cause) {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Instant begin = Instant.now();
        Instant deadline = begin.plus(timeout.multipliedBy(3).dividedBy(4));
        LOG.info(() -> "Stopping gracefully (" + cause + "): readiness is DOWN, new sockets are refused;"
                + " finishing accepted work by " + deadline);
        try {
            stopping.fire(new NodeStopping(deadline));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A step of the graceful stop failed; stopping anyway", e);
        }
        stopped = true;
        LOG.info(() -> "Accepted work finished in " + Duration.between(begin, Instant.now()).toMillis() + " ms;"
                + " the server stops now");
    }

    /** Halts the process if its stop, Payara's included, takes longer than the bound. */
    private void watchdog(Instant end) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), end).toMillis()));
            } catch (InterruptedException e) {
                return;
            }
            LOG.severe(() -> "The stop took longer than moim.shutdown.timeout (" + timeout + "); halting"
                    + (stopped ? " (the application had finished; the server's own stop did not)" : ""));
            Runtime.getRuntime().halt(1);
        }, "moim-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    @PreDestroy
    void uninstall() {
        previous.forEach((signal, handler) -> {
            try {
                Signal.handle(signal, handler);
            } catch (IllegalArgumentException e) {
                LOG.log(Level.FINE, "Restoring the handler of " + signal + " failed", e);
            }
        });
    }
}
