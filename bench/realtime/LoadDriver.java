import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real-time load driver (bench/realtime.sh runs it; JDK only, started with `java LoadDriver.java`).
 *
 * <p>Opens N connections in channels of G members, sends messages on a fixed schedule (message i
 * is due at start + i / rate; latency counts from that due time, so a driver that falls behind
 * shows as latency, not as a lower rate), and reports end-to-end delivery latency (median, p95,
 * p99, max), deliveries per second, lost and duplicated deliveries, errors, and the server's CPU
 * and RSS from /proc. Every member of a channel receives every message of the channel (the sender
 * too), so deliveries = rate x G.
 *
 * <p>What did not arrive is told apart: <b>refused</b> sends (the server answered an error frame),
 * <b>unanswered</b> sends (neither acknowledged nor refused by the end), <b>late</b> deliveries
 * (arrived after the phase's 3 s drain, while the driver waited for the backlog to end) and
 * <b>lost</b> deliveries (a message the server acknowledged that a member of its channel never
 * received). Socket.io has no acknowledgements: every message it was sent counts as acknowledged.
 *
 * <p>It cannot hang: every failure ends it with a non-zero status and the reason (2: an error,
 * 3: a step that overran its time bound — setup {@code --setup-timeout} seconds, each phase its
 * warm-up, measurement, drain and at most 2 minutes of backlog plus one minute), and a connection
 * that does not join its channel is opened again twice before the run gives up.
 *
 * <p>Targets: {@code moim} (the /ws gateway: tickets, subscribe, send; the setup makes accounts,
 * workspaces and boards through the REST API, one board channel per group) and {@code socketio}
 * (bench/realtime/socketio-server.js over Engine.IO v4 on a plain WebSocket).
 *
 * <pre>
 * java LoadDriver.java --target moim --url http://127.0.0.1:8080 --connections 5000 --group 10 \
 *      --rates 1000,2000,4000 --seconds 20 --warmup 5 --pid 1234 [--sweep] [--typing | --kinds message,typing] [--idle 5000,10000]
 *      [--idle-wait 10] [--setup-timeout 900] [--strict]
 * </pre>
 *
 * {@code --idle-wait}: seconds the idle connections stay open before the server's RSS is read.
 * {@code --strict} (bench/realtime.sh's smoke mode): exit with 1 when a phase lost, duplicated,
 * refused, left unanswered or delivered nothing, had errors, or an idle connection failed to open.
 */
public class LoadDriver {

    // ------------------------------------------------------------------ options

    static String target = "moim";
    static String url = "http://127.0.0.1:8080";
    static int connections = 5000;
    static int group = 10;
    static int[] rates = {1000, 2000, 4000};
    static int seconds = 20;
    static int warmup = 5;
    static long pid = -1;
    static boolean sweep;
    static boolean typing;
    /** What the phases send: {@code message} (stored), {@code typing} (not stored), or both in turn on the same connections. */
    static List<String> kinds = List.of("message");
    static int[] idle = {};
    static int idleWait = 10;
    static int setupTimeout = 900;
    static boolean strict;
    /** Phases (or idle steps) that failed a --strict check. */
    static int failures;
    static double sweepP99Ms = 50;

    static final HttpClient HTTP = HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().factory()))
            .connectTimeout(Duration.ofSeconds(20)).build();

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--target" -> target = value;
                case "--url" -> url = value;
                case "--connections" -> connections = Integer.parseInt(value);
                case "--group" -> group = Integer.parseInt(value);
                case "--rates" -> rates = Arrays.stream(value.split(",")).filter(s -> !s.isBlank()).mapToInt(Integer::parseInt).toArray();
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--pid" -> pid = Long.parseLong(value);
                case "--sweep" -> { sweep = true; i--; }
                case "--typing" -> { kinds = List.of("typing"); i--; }
                case "--kinds" -> kinds = List.of(value.split(","));
                case "--idle" -> idle = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                case "--idle-wait" -> idleWait = Integer.parseInt(value);
                case "--setup-timeout" -> setupTimeout = Integer.parseInt(value);
                case "--strict" -> { strict = true; i--; }
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (connections % group != 0) {
            throw new IllegalArgumentException("--connections must be a multiple of --group");
        }
        Thread.ofPlatform().daemon().name("driver-watchdog").start(LoadDriver::watch);
        try {
            if (idle.length > 0) {
                idleMemory();
            } else {
                load();
            }
        } catch (Throwable e) {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            log("FAILED: %s", cause);
            cause.printStackTrace();
            System.out.flush();
            Runtime.getRuntime().halt(2);
        }
        if (failures > 0) {
            log("%d check(s) failed (--strict)", failures);
        }
        System.exit(failures > 0 ? 1 : 0);
    }

    // ------------------------------------------------------------------ time bounds

    static volatile long deadline = Long.MAX_VALUE;
    static volatile String bounded = "";

    /** The step now running must end within {@code seconds}, or the watchdog ends the driver. */
    static void bound(String step, long seconds) {
        bounded = step;
        deadline = System.nanoTime() + seconds * 1_000_000_000L;
    }

    static void watch() {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                log("FAILED: %s did not end within its time bound; stopping", bounded);
                System.out.flush();
                Runtime.getRuntime().halt(3);
            }
        }
    }

    // ------------------------------------------------------------------ the load run

    static Conn[] conns;
    /** Connections by the id the server names them with in typing frames (account id, socket id). */
    static final Map<String, Conn> BY_SERVER_ID = new ConcurrentHashMap<>();

    /** A typing frame from {@code sender}: latency from that sender's last due typing time. */
    static void typingFrom(String senderId, long now) {
        Phase p = phase;
        Conn sender = senderId == null ? null : BY_SERVER_ID.get(senderId);
        if (p == null || sender == null) {
            return;
        }
        if (sender.lastTypingMeasured) {
            p.typingFrames.incrementAndGet();
            p.record(now - sender.lastTypingDue);
        }
    }
    /** The phase whose latencies are recorded: from its start to the end of its 3 s drain. */
    static volatile Phase phase;
    /** The phase whose deliveries and answers are counted: until its tally. */
    static volatile Phase counting;

    static void load() throws Exception {
        long setupStart = System.nanoTime();
        bound("the setup of " + connections + " connections", setupTimeout);
        conns = target.equals("moim") ? MoimSetup.connect(connections, group) : SocketIo.connect(connections, group);
        log("%d connections in %d channels ready in %.1f s", connections, connections / group,
                (System.nanoTime() - setupStart) / 1e9);
        for (String kind : kinds) {
            typing = kind.equals("typing");
            runKind(kind);
        }
        bound("closing the connections", 60);
        for (Conn conn : conns) {
            conn.close();
        }
    }

    /** The phases (and the sweep) of one kind of frame on the connections already open. */
    static void runKind(String kind) throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add(Phase.HEADER);
        int best = 0;
        Phase bestPhase = null;
        int lowestFailing = Integer.MAX_VALUE;
        for (int rate : rates) {
            Phase result = run(kind, rate, seconds);
            rows.add(result.row());
            log(result.row());
            check(result);
            if (holds(result)) {
                if (rate > best) {
                    best = rate;
                    bestPhase = result;
                }
            } else {
                lowestFailing = Math.min(lowestFailing, rate);
            }
        }
        if (sweep) {
            // Upwards from the highest rate that held (by a quarter, below the lowest that did not), or,
            // if none held, downwards from the lowest by a fifth until one holds.
            if (best == 0) {
                int rate = rates.length > 0 ? rates[0] : 1000;
                while (rate > 10) {
                    rate = Math.max(10, Math.min(rate - 10, (int) Math.round(rate * 0.8 / 10.0) * 10));
                    Phase result = run(kind, rate, Math.max(10, seconds / 2));
                    log("sweep " + result.row());
                    rows.add(result.row() + " (sweep)");
                    if (holds(result)) {
                        best = rate;
                        bestPhase = result;
                        break;
                    }
                }
            } else {
                int rate = best;
                while (true) {
                    rate = Math.max(rate + 10, (int) Math.round(rate * 1.25 / 10.0) * 10);
                    if (rate >= lowestFailing) {
                        break;
                    }
                    Phase result = run(kind, rate, Math.max(10, seconds / 2));
                    log("sweep " + result.row());
                    rows.add(result.row() + " (sweep)");
                    if (!holds(result)) {
                        break;
                    }
                    best = rate;
                    bestPhase = result;
                }
            }
            rows.add("");
            rows.add("Highest rate with p99 < " + (int) sweepP99Ms + " ms and nothing lost: " + best + " messages/s ("
                    + best * group + " deliveries/s)" + (bestPhase == null ? "" : ", p99 " + fmt(bestPhase.p99Ms()) + " ms"));
        }
        System.out.println();
        System.out.println("target=" + target + " connections=" + connections + " group=" + group + " kind=" + kind);
        rows.forEach(System.out::println);
        settle();
    }

    /** --strict: every message arrived exactly once (or some typing frames did), no errors. */
    static void check(Phase result) {
        if (!strict) {
            return;
        }
        long delivered = result.kind.equals("typing") ? result.typingFrames.get() : result.sorted().length;
        if (delivered == 0 || result.lost > 0 || result.duplicates.get() > 0 || result.refused > 0 || result.unanswered > 0
                || result.errors.get() > 0) {
            failures++;
            log("FAILED (--strict): %s at %d/s delivered %d measured, refused %d, unanswered %d, lost %d, duplicated %d, errors %d",
                    result.kind, result.rate, delivered, result.refused, result.unanswered, result.lost, result.duplicates.get(),
                    result.errors.get());
        }
    }

    /**
     * Whether a phase held: p99 under the sweep's bound, every send acknowledged, every delivery within
     * the drain, nothing lost or twice, no errors, the driver on schedule.
     */
    static boolean holds(Phase result) {
        return result.p99Ms() < sweepP99Ms && result.refused == 0 && result.unanswered == 0 && result.late.get() == 0
                && result.lost == 0 && result.duplicates.get() == 0 && result.errors.get() == 0 && !result.behind;
    }

    /** Frames received on every connection so far (to see when a backlog has drained). */
    static final AtomicLong FRAMES = new AtomicLong();

    /**
     * Waits until no frame has arrived for 2 s (at most 2 minutes): a phase the server could not keep
     * up with leaves a backlog, which must not be counted in the next phase.
     */
    static void settle() throws InterruptedException {
        long started = System.nanoTime();
        while (true) {
            long before = FRAMES.get();
            Thread.sleep(2000);
            if (FRAMES.get() == before) {
                break;
            }
            if (System.nanoTime() - started > 120_000_000_000L) {
                log("still receiving after 2 minutes; starting the next phase anyway");
                break;
            }
        }
        long waited = (System.nanoTime() - started) / 1_000_000_000L;
        if (waited > 3) {
            log("waited %d s for the previous phase's backlog to drain", waited);
        }
    }

    /**
     * One phase: warm-up then measurement at a fixed rate, a drain of 3 s, then (messages) a wait for
     * the backlog to end, whose deliveries count as late, and the tally of what never arrived.
     */
    static Phase run(String kind, int rate, int measureSeconds) throws InterruptedException {
        settle();
        bound(kind + " at " + rate + "/s", warmup + measureSeconds + 3 + 120 + 60);
        Phase p = new Phase(kind, rate, measureSeconds, group);
        for (Conn conn : conns) {
            conn.resetReceiver();
        }
        counting = p;
        phase = p;
        long total = (long) rate * (warmup + measureSeconds);
        long measuredFrom = (long) rate * warmup;
        long start = System.nanoTime() + 200_000_000L;
        p.start = start;
        long[] sentPerConn = new long[conns.length];
        CpuSample cpuBefore = null;
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            if (i == measuredFrom) {
                cpuBefore = CpuSample.now();
                p.measureFrom = due;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -1_000_000_000L) {
                p.behind = true;
            }
            int c = (int) (i % conns.length);
            Conn conn = conns[c];
            long number = conn.nextNumber++;
            sentPerConn[c]++;
            if (i >= measuredFrom) {
                p.sentMeasured++;
            }
            conn.send(kind, number, due, i >= measuredFrom);
        }
        p.measureTo = System.nanoTime();
        CpuSample cpuAfter = CpuSample.now();
        Thread.sleep(3000);
        phase = null;
        p.cpu = cpuBefore == null ? Double.NaN : cpuAfter.cpuPercentSince(cpuBefore);
        p.rssMiB = rssMiB();
        if (!kind.equals("typing")) {
            settle();
            tally(p, sentPerConn);
        }
        counting = null;
        return p;
    }

    /**
     * What never arrived, message by message: each send refused or unanswered once, and each
     * acknowledged message missing at one member of its channel (after the backlog) once.
     */
    static void tally(Phase p, long[] sentPerConn) {
        for (int c = 0; c < conns.length; c++) {
            Conn sender = conns[c];
            for (int offset = 0; offset < sentPerConn[c]; offset++) {
                if (sender.refused.get(offset)) {
                    p.refused++;
                } else if (!sender.acked.get(offset)) {
                    p.unanswered++;
                }
            }
        }
        for (int c = 0; c < conns.length; c++) {
            int first = (c / group) * group;
            for (int s = 0; s < group; s++) {
                Conn sender = conns[first + s];
                BitSet got = conns[c].got[s];
                for (int offset = 0; offset < sentPerConn[first + s]; offset++) {
                    if (sender.acked.get(offset) && !got.get(offset)) {
                        p.lost++;
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ idle memory

    static void idleMemory() throws Exception {
        long before = rssMiB();
        log("server RSS with no connections: %d MiB", before);
        List<String> rows = new ArrayList<>();
        rows.add("| idle connections | server RSS (MiB) | RSS growth per connection (KiB) |");
        rows.add("|---:|---:|---:|");
        rows.add("| 0 | " + before + " | |");
        Conn[] open = new Conn[0];
        for (int n : idle) {
            int more = n - open.length;
            bound("opening " + more + " idle connections", setupTimeout + idleWait + 60);
            Conn[] added = target.equals("moim") ? MoimSetup.connectIdle(more) : SocketIo.connect(more, 1);
            long missing = Arrays.stream(added).filter(java.util.Objects::isNull).count();
            if (strict && missing > 0) {
                failures++;
                log("FAILED (--strict): %d of %d idle connections did not open", missing, more);
            }
            Conn[] all = Arrays.copyOf(open, n);
            System.arraycopy(added, 0, all, open.length, more);
            open = all;
            Thread.sleep(idleWait * 1000L);
            gc();
            Thread.sleep(2_000);
            long rss = rssMiB();
            rows.add("| " + n + " | " + rss + " | " + fmt((rss - before) * 1024.0 / n) + " |");
            log(rows.get(rows.size() - 1));
        }
        System.out.println();
        deadline = Long.MAX_VALUE;
        System.out.println("target=" + target + " idle connections");
        rows.forEach(System.out::println);
    }

    static void gc() {
        if (pid > 0 && target.equals("moim")) {
            try {
                new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                log("jcmd GC.run failed: %s", e);
            }
        }
    }

    // ------------------------------------------------------------------ one connection

    static final Pattern TEXT = Pattern.compile("b\\|(\\d+)\\|(\\d+)\\|(\\d+)\\|([01])");

    /** One connection: sends its own numbered messages, counts what it receives per sender of its channel. */
    abstract static class Conn implements WebSocket.Listener {
        final int index;
        final int firstOfGroup;
        WebSocket socket;
        long nextNumber;
        final StringBuilder partial = new StringBuilder();
        /** Per sender of my channel: which of the phase's messages I received, by offset from {@link #base}. */
        BitSet[] got;
        long[] base;
        /** As a sender: the phase's messages acknowledged and refused, by offset from {@link #phaseFirst}. */
        final BitSet acked = new BitSet();
        final BitSet refused = new BitSet();
        long phaseFirst;
        CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
        volatile boolean closing;
        volatile long lastTypingDue;
        volatile boolean lastTypingMeasured;

        Conn(int index, int groupSize) {
            this.index = index;
            this.firstOfGroup = (index / groupSize) * groupSize;
        }

        synchronized void resetReceiver() {
            BitSet[] fresh = new BitSet[group];
            long[] from = new long[group];
            for (int s = 0; s < group; s++) {
                fresh[s] = new BitSet();
                from[s] = conns[firstOfGroup + s].nextNumber;
            }
            base = from;
            got = fresh;
            acked.clear();
            refused.clear();
            phaseFirst = nextNumber;
        }

        /** Whether the target answers each send (Moim's ack or error frame); Socket.io does not. */
        abstract boolean acknowledges();

        synchronized void answered(long number, boolean accepted) {
            int offset = (int) (number - phaseFirst);
            if (offset >= 0) {
                (accepted ? acked : refused).set(offset);
            }
        }

        /** The payload every target carries unchanged: sender, number, due time, measured flag. */
        static String body(int sender, long number, long due, boolean measured) {
            return "b|" + sender + "|" + number + "|" + due + "|" + (measured ? 1 : 0);
        }

        abstract String frame(String kind, long number, String body);

        void send(String kind, long number, long due, boolean measured) {
            if (kind.equals("typing")) {
                lastTypingDue = due;
                lastTypingMeasured = measured;
            }
            String text = frame(kind, number, body(index, number, due, measured));
            if (!kind.equals("typing") && !acknowledges()) {
                answered(number, true);
            }
            synchronized (this) {
                tail = tail.thenCompose(x -> socket.sendText(text, true)).exceptionally(e -> {
                    Phase p = phase;
                    if (p != null) {
                        p.errors.incrementAndGet();
                    }
                    return null;
                });
            }
        }

        /** Sends after every earlier send of this connection has gone out. */
        synchronized CompletableFuture<?> sendInTurn(String text) {
            CompletableFuture<?> sent = tail.thenCompose(x -> socket.sendText(text, true));
            tail = sent.exceptionally(e -> null);
            return sent;
        }

        /** Called with each complete text frame. */
        abstract void onFrame(String text);

        void delivered(String text, long now) {
            Matcher m = TEXT.matcher(text);
            if (!m.find()) {
                return;
            }
            int sender = Integer.parseInt(m.group(1));
            long number = Long.parseLong(m.group(2));
            long due = Long.parseLong(m.group(3));
            boolean measured = m.group(4).equals("1");
            int s = sender - firstOfGroup;
            Phase counted = counting;
            Phase p = phase;
            if (counted == null || s < 0 || s >= group) {
                return;
            }
            boolean twice;
            synchronized (this) {
                int offset = (int) (number - base[s]);
                if (offset < 0) {
                    return; // an earlier phase's, after its tally
                }
                twice = got[s].get(offset);
                got[s].set(offset);
            }
            if (twice) {
                counted.duplicates.incrementAndGet();
            } else if (p == null) {
                counted.late.incrementAndGet();
            } else if (measured) {
                p.record(now - due);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean lastPart) {
            long now = System.nanoTime();
            String text;
            if (lastPart && partial.length() == 0) {
                text = data.toString();
            } else {
                partial.append(data);
                if (!lastPart) {
                    webSocket.request(1);
                    return null;
                }
                text = partial.toString();
                partial.setLength(0);
            }
            FRAMES.incrementAndGet();
            try {
                onFrame(text);
                if (text.indexOf("b|") >= 0) {
                    delivered(text, now);
                }
            } catch (RuntimeException e) {
                Phase p = phase;
                if (p != null) {
                    p.errors.incrementAndGet();
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (closing) {
                return null;
            }
            log("connection %d closed: %d %s", index, statusCode, reason);
            Phase p = phase;
            if (p != null) {
                p.errors.incrementAndGet();
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            log("connection %d failed: %s", index, error);
            Phase p = phase;
            if (p != null) {
                p.errors.incrementAndGet();
            }
        }

        void close() {
            closing = true;
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            } catch (RuntimeException ignored) {
                // already closed
            }
        }
    }

    // ------------------------------------------------------------------ Moim

    static final class MoimSetup {

        static final String PASSWORD = "bench password 1";
        static final AtomicInteger ADDRESSES = new AtomicInteger(1);

        /** Accounts, one workspace and board per group (its channel), one connection per account. */
        static Conn[] connect(int n, int groupSize) throws Exception {
            int groups = n / groupSize;
            Conn[] result = new Conn[n];
            ExecutorService pool = Executors.newFixedThreadPool(16, Thread.ofPlatform().daemon().factory());
            List<CompletableFuture<Void>> work = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                int first = g * groupSize;
                work.add(CompletableFuture.runAsync(() -> {
                    try {
                        String[] tokens = new String[groupSize];
                        String[] ids = new String[groupSize];
                        for (int m = 0; m < groupSize; m++) {
                            String[] account = account("bench-" + (first + m));
                            ids[m] = account[0];
                            tokens[m] = account[1];
                        }
                        String channel = channelFor(tokens, ids, first);
                        for (int m = 0; m < groupSize; m++) {
                            result[first + m] = MoimConn.opened(first + m, groupSize, channel, tokens[m]);
                        }
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }, pool));
            }
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
            pool.shutdown();
            for (int i = 0; i < n; i++) {
                MoimConn conn = (MoimConn) result[i];
                for (int attempt = 1; !conn.subscribed.await(attempt == 1 ? 60 : 30, TimeUnit.SECONDS); attempt++) {
                    if (attempt == 3) {
                        throw new IllegalStateException("connection " + i + " was not subscribed after 3 attempts");
                    }
                    log("connection %d was not subscribed; opening it again (attempt %d)", i, attempt + 1);
                    conn.close();
                    conn = MoimConn.opened(i, groupSize, conn.channel, conn.accessToken);
                    result[i] = conn;
                }
            }
            return result;
        }

        /** Idle connections of a handful of accounts (tabs), subscribed to nothing. */
        static Conn[] connectIdle(int n) throws Exception {
            String[][] accounts = new String[10][];
            for (int i = 0; i < accounts.length; i++) {
                accounts[i] = account("idle-" + System.nanoTime() + "-" + i);
            }
            Conn[] result = new Conn[n];
            Semaphore parallel = new Semaphore(64);
            CountDownLatch done = new CountDownLatch(n);
            for (int i = 0; i < n; i++) {
                int c = i;
                parallel.acquire();
                CompletableFuture.runAsync(() -> {
                    try {
                        MoimConn conn = new MoimConn(c, 1, null);
                        conn.open(accounts[c % accounts.length][1]);
                        result[c] = conn;
                    } catch (Exception e) {
                        log("idle connection failed: %s", e);
                    } finally {
                        parallel.release();
                        done.countDown();
                    }
                });
            }
            done.await();
            return result;
        }

        /** Registers and signs in; answers {id, accessToken}. */
        static String[] account(String name) throws Exception {
            String address = "10." + (ADDRESSES.get() >> 16 & 255) + "." + (ADDRESSES.get() >> 8 & 255) + "." + (ADDRESSES.getAndIncrement() & 255);
            String email = name + "-" + System.nanoTime() + "@bench.example";
            String registered = post("/api/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                    + "\",\"displayName\":\"" + name + "\"}", null, address, 201);
            String login = post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", null,
                    address, 200);
            return new String[] {field(registered, "id"), field(login, "accessToken")};
        }

        /** A workspace with the group as members, one board; answers the board's channel id. */
        static String channelFor(String[] tokens, String[] ids, int first) throws Exception {
            String address = "10.200." + (first >> 8 & 255) + "." + (first & 255);
            String workspace = field(post("/api/v1/workspaces", "{\"name\":\"Bench " + first + "\"}", tokens[0], address, 201), "id");
            String link = post("/api/v1/workspaces/" + workspace + "/invite-links", "{\"role\":\"MEMBER\"}", tokens[0], address, 201);
            String token = field(link, "token");
            for (int m = 1; m < tokens.length; m++) {
                post("/api/v1/invite-links/redeem", "{\"token\":\"" + token + "\"}", tokens[m], address, 200);
            }
            String board = field(post("/api/v1/workspaces/" + workspace + "/boards", "{\"name\":\"Bench board\"}", tokens[0], address,
                    201), "id");
            String channel = get("/api/v1/boards/" + board + "/channel", tokens[0], address);
            return field(channel, "id");
        }
    }

    /** An error frame answering a send (whose ids are the message numbers). */
    static final Pattern SEND_REPLY = Pattern.compile("\"replyTo\"\\s*:\\s*\"(\\d+)\"");

    static final class MoimConn extends Conn {
        final String channel;
        final CountDownLatch subscribed = new CountDownLatch(1);
        String accountId;
        String accessToken;

        MoimConn(int index, int groupSize, String channel) {
            super(index, groupSize);
            this.channel = channel;
        }

        /** A connection opened (and its subscription sent), tried three times. */
        static MoimConn opened(int index, int groupSize, String channel, String accessToken) throws Exception {
            for (int attempt = 1; ; attempt++) {
                MoimConn conn = new MoimConn(index, groupSize, channel);
                try {
                    conn.open(accessToken);
                    return conn;
                } catch (Exception e) {
                    if (attempt == 3) {
                        throw new IllegalStateException("connection " + index + " did not open after 3 attempts", e);
                    }
                    log("connection %d did not open (%s); trying again", index, e);
                }
            }
        }

        @Override
        boolean acknowledges() {
            return true;
        }

        void open(String accessToken) throws Exception {
            this.accessToken = accessToken;
            String ticket = field(post("/api/v1/realtime/tickets", "{}", accessToken, "10.250.0.1", 201), "ticket");
            URI ws = URI.create(url.replaceFirst("^http", "ws") + "/ws?ticket=" + ticket);
            socket = HTTP.newWebSocketBuilder().subprotocols("moim.v1").connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(ws, this).get(60, TimeUnit.SECONDS);
            if (channel != null) {
                socket.sendText("{\"type\":\"subscribe\",\"id\":\"s\",\"channelId\":\"" + channel + "\"}", true).join();
            } else {
                subscribed.countDown();
            }
        }

        @Override
        String frame(String kind, long number, String body) {
            if (kind.equals("typing")) {
                return "{\"type\":\"typing\",\"channelId\":\"" + channel + "\"}";
            }
            return "{\"type\":\"send\",\"id\":\"" + number + "\",\"channelId\":\"" + channel + "\",\"text\":\"" + body
                    + "\",\"idempotencyKey\":\"" + body.replace('|', '-') + "\"}";
        }

        int shown;

        @Override
        void onFrame(String text) {
            if (System.getenv("DRIVER_DEBUG") != null && index == 0 && shown++ < 12) {
                log("connection 0 got %s", text.length() > 300 ? text.substring(0, 300) : text);
            }
            if (text.contains("\"type\":\"ack\"") && text.contains("\"messageId\"")) {
                answered(Long.parseLong(field(text, "replyTo")), true);
            } else if (text.startsWith("{\"type\":\"ack\"") && text.contains("\"replyTo\":\"s\"")
                    || text.contains("\"type\":\"ack\"") && text.contains("\"s\"") && subscribed.getCount() > 0) {
                subscribed.countDown();
            } else if (text.contains("\"type\":\"error\"")) {
                Matcher sendRefused = SEND_REPLY.matcher(text);
                Phase p = counting;
                if (sendRefused.find()) {
                    answered(Long.parseLong(sendRefused.group(1)), false);
                    if (p == null) {
                        log("connection %d: %s", index, text);
                    }
                } else if (p != null) {
                    p.errors.incrementAndGet();
                } else {
                    log("connection %d: %s", index, text);
                }
            } else if (text.contains("\"type\":\"hello\"")) {
                accountId = field(text, "accountId");
                BY_SERVER_ID.put(accountId, this);
            } else if (typing && text.contains("\"type\":\"typing\"")) {
                typingFrom(field(text, "accountId"), System.nanoTime());
            }
        }
    }

    // ------------------------------------------------------------------ Socket.io (Engine.IO v4 over WebSocket)

    static final class SocketIo extends Conn {
        final String room;
        final CountDownLatch connected = new CountDownLatch(1);

        SocketIo(int index, int groupSize) {
            super(index, groupSize);
            this.room = "room-" + (index / groupSize);
        }

        static Conn[] connect(int n, int groupSize) throws Exception {
            Conn[] result = new Conn[n];
            Semaphore parallel = new Semaphore(64);
            CountDownLatch done = new CountDownLatch(n);
            for (int i = 0; i < n; i++) {
                parallel.acquire();
                SocketIo conn = new SocketIo(i, groupSize);
                result[i] = conn;
                conn.open().whenComplete((socket, failure) -> {
                    parallel.release();
                    done.countDown();
                });
            }
            done.await();
            // One that did not join (seen once at 5,000: the run then waited forever) is opened again, twice.
            for (int i = 0; i < n; i++) {
                SocketIo conn = (SocketIo) result[i];
                for (int attempt = 1; !conn.connected.await(attempt == 1 ? 60 : 30, TimeUnit.SECONDS); attempt++) {
                    if (attempt == 3) {
                        throw new IllegalStateException("socket.io connection " + i + " did not join after 3 attempts");
                    }
                    log("socket.io connection %d did not join; opening it again (attempt %d)", i, attempt + 1);
                    conn.close();
                    conn = new SocketIo(i, groupSize);
                    result[i] = conn;
                    conn.open();
                }
            }
            return result;
        }

        CompletableFuture<WebSocket> open() {
            URI ws = URI.create(url.replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket");
            return HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30)).buildAsync(ws, this)
                    .whenComplete((socket, failure) -> {
                        if (failure != null) {
                            log("socket.io connection %d failed: %s", index, failure);
                        } else {
                            this.socket = socket;
                        }
                    });
        }

        @Override
        boolean acknowledges() {
            return false;
        }

        @Override
        String frame(String kind, long number, String body) {
            return kind.equals("typing") ? "42[\"typing\",{\"room\":\"" + room + "\"}]"
                    : "42[\"send\",{\"room\":\"" + room + "\",\"text\":\"" + body + "\"}]";
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        void onFrame(String text) {
            // Every send waits for the one before it: Java's WebSocket refuses a second while the first is
            // under way, and the refused "join" (an exception swallowed here) left a connection that never
            // joined its room, which once stopped a 5,000-connection run for good.
            if (text.startsWith("0{")) {
                sendInTurn("40");
            } else if (text.startsWith("40")) {
                BY_SERVER_ID.put(field(text, "sid"), this);
                sendInTurn("42[\"join\",\"" + room + "\"]").thenRun(connected::countDown);
            } else if (text.equals("2")) {
                sendInTurn("3");
            } else if (typing && text.startsWith("42[\"typing\"")) {
                typingFrom(field(text, "from"), System.nanoTime());
            }
        }
    }

    // ------------------------------------------------------------------ results

    static final class Phase {
        static final String HEADER = "| kind | rate (msg/s) | deliveries/s | median (ms) | p95 (ms) | p99 (ms) | max (ms) | refused | unanswered | late | lost | duplicated | errors | server CPU (%) | server RSS (MiB) |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
        final String kind;
        final int rate;
        final int measureSeconds;
        final long[] samples;
        final AtomicInteger count = new AtomicInteger();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong typingFrames = new AtomicLong();
        long start;
        long measureFrom;
        long measureTo;
        long sentMeasured;
        /** Sends the server refused (error frames), and sends it neither acknowledged nor refused. */
        long refused;
        long unanswered;
        /** Deliveries after the 3 s drain; acknowledged messages a member never received; second copies. */
        final AtomicLong late = new AtomicLong();
        long lost;
        final AtomicLong duplicates = new AtomicLong();
        double cpu;
        long rssMiB;
        boolean behind;
        long[] sorted;

        Phase(String kind, int rate, int measureSeconds, int groupSize) {
            this.kind = kind;
            this.rate = rate;
            this.measureSeconds = measureSeconds;
            this.samples = new long[(int) Math.min(Integer.MAX_VALUE - 8, (long) rate * measureSeconds * groupSize * 3 / 2 + 1024)];
        }

        void record(long nanos) {
            int i = count.getAndIncrement();
            if (i < samples.length) {
                samples[i] = nanos;
            }
        }

        long[] sorted() {
            if (sorted == null) {
                sorted = Arrays.copyOf(samples, Math.min(count.get(), samples.length));
                Arrays.sort(sorted);
            }
            return sorted;
        }

        double percentileMs(double q) {
            long[] s = sorted();
            if (s.length == 0) {
                return Double.NaN;
            }
            return s[Math.min(s.length - 1, (int) Math.ceil(q * s.length) - 1)] / 1e6;
        }

        double p99Ms() {
            return percentileMs(0.99);
        }

        String row() {
            double window = (measureTo - measureFrom) / 1e9;
            long delivered = kind.equals("typing") ? typingFrames.get() : sorted().length;
            return "| " + kind + " | " + rate + " | " + fmt(delivered / Math.max(window, 1e-9)) + " | "
                    + fmt(percentileMs(0.50)) + " | " + fmt(percentileMs(0.95)) + " | " + fmt(p99Ms()) + " | "
                    + fmt(percentileMs(1.0)) + " | " + (kind.equals("typing") ? "– | – | – | – | –" : refused + " | " + unanswered + " | "
                    + late.get() + " | " + lost + " | " + duplicates.get()) + " | " + errors.get() + " | " + fmt(cpu) + " | "
                    + rssMiB + " |" + (behind ? " driver fell >1 s behind" : "");
        }
    }

    record CpuSample(long ticks, long nanos) {
        static CpuSample now() {
            return new CpuSample(cpuTicks(), System.nanoTime());
        }

        double cpuPercentSince(CpuSample before) {
            if (ticks < 0 || before.ticks < 0) {
                return Double.NaN;
            }
            return (ticks - before.ticks) / 100.0 / ((nanos - before.nanos) / 1e9) * 100;
        }
    }

    /** utime + stime of the server process (and its threads), in clock ticks (100 per second). */
    static long cpuTicks() {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long rssMiB() {
        if (pid <= 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    // ------------------------------------------------------------------ HTTP

    static String post(String path, String json, String token, String address, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String get(String path, String token, String address) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + token).header("X-Forwarded-For", address)
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static final Map<String, Pattern> FIELDS = new ConcurrentHashMap<>();

    /** A top-level-ish string field of a small JSON document (the driver has no JSON library). */
    static String field(String json, String name) {
        Matcher m = FIELDS.computeIfAbsent(name, n -> Pattern.compile("\"" + Pattern.quote(n) + "\"\\s*:\\s*\"([^\"]*)\"")).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No '" + name + "' in " + json);
        }
        return m.group(1);
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }

    static void log(String format, Object... args) {
        System.err.println("[driver] " + String.format(Locale.ROOT, format, args));
    }
}
