package org.moim.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Api.Reply;
import org.moim.it.Chat;
import org.moim.it.Deployments;
import org.moim.it.WsClient;

/**
 * Issue 16, item 4: the real-time and chat metrics an operator alerts on are at {@code /metrics},
 * they move with what happens on the node, and every metric the example alert rules
 * ({@code ops/prometheus/moim-alerts.yml}) name exists there.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    static final Path RULES = Path.of("ops", "prometheus", "moim-alerts.yml");
    /** Metric names in a rule's expression: Moim's own and the base metrics the rules use. */
    private static final Pattern NAMED = Pattern.compile("\\b((?:moim|gc|memory|thread|cpu|jvm)_[A-Za-z0-9_]+)\\b");
    /** One sample line of the Prometheus text format: name, labels, value. */
    private static final Pattern SAMPLE = Pattern.compile("^([A-Za-z_:][A-Za-z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    @Test
    void socketsSendsAndFanOutAreCountedAndEveryAlertRuleNamesARealMetric() throws Exception {
        Api api = new Api(base);
        SignedIn ann = Accounts.signUp(api, "Ann Metrics");
        SignedIn ben = Accounts.signUp(api, "Ben Metrics");
        String workspace = Chat.workspace(base, ann, ben);
        String channel = Chat.direct(base, workspace, ann, ben);

        Map<String, Double> before = scrape(api);
        WsClient anns = Chat.connect(base, ann);
        WsClient bens = Chat.connect(base, ben);
        try {
            Chat.subscribe(anns, channel, null);
            Chat.subscribe(bens, channel, null);
            for (int i = 0; i < 3; i++) {
                Chat.send(anns, channel, "metric " + i, "metrics-" + i);
            }
            Chat.messages(bens, 3);
            Chat.frame(anns, "type", "no-such-frame", "id", "bad-1");
            Chat.reply(anns, "bad-1");

            Map<String, Double> during = scrape(api);
            assertThat(value(during, "moim_realtime_sockets")).as("the two open sockets").isGreaterThanOrEqualTo(2);
            assertThat(value(during, "moim_realtime_subscriptions")).isGreaterThanOrEqualTo(2);
            assertThat(value(during, "moim_realtime_opened_total") - before(before, "moim_realtime_opened_total")).isGreaterThanOrEqualTo(2);
            assertThat(value(during, "moim_chat_store_seconds_count") - before(before, "moim_chat_store_seconds_count"))
                    .as("each send stored (in batches of at least one)").isBetween(1.0, 3.0);
            assertThat(value(during, "moim_chat_send_batch_sum") - before(before, "moim_chat_send_batch_sum"))
                    .as("three messages in the batches").isEqualTo(3);
            assertThat(value(during, "moim_realtime_fanout_batch_sum") - before(before, "moim_realtime_fanout_batch_sum"))
                    .as("each message handed to both subscribed sockets").isGreaterThanOrEqualTo(6);
            assertThat(value(during, "moim_realtime_refused_total") - before(before, "moim_realtime_refused_total"))
                    .as("the frame of no known type").isGreaterThanOrEqualTo(1);
            // Every frame (the fan-out's and the answers to one socket) left as bytes encoded once
            // (TextFrames): this fails if Payara's WebSocket changed so that the fast path is lost.
            assertThat(value(during, "moim_realtime_frames_shared_total") - before(before, "moim_realtime_frames_shared_total"))
                    .as("frames written as shared bytes: the hellos, acks, six deliveries, the error").isGreaterThanOrEqualTo(6 + 3 + 1);
            assertThat(value(during, "moim_realtime_frames_container_total") - before(before, "moim_realtime_frames_container_total"))
                    .as("frames the container had to encode per socket").isZero();
            assertThat(during).containsKeys("moim_realtime_send_queue", "moim_realtime_fanout_backlog", "moim_chat_send_queue",
                    "moim_realtime_cut_off_total", "moim_realtime_fanout_seconds_count");
        } finally {
            anns.close();
            bens.close();
        }

        Map<String, Double> metrics = scrape(api);
        Set<String> named = new TreeSet<>();
        for (String line : Files.readAllLines(RULES)) {
            if (line.strip().startsWith("expr:")) {
                Matcher names = NAMED.matcher(line);
                while (names.find()) {
                    named.add(names.group(1));
                }
            }
        }
        assertThat(named).as("the rules name metrics").hasSizeGreaterThan(8);
        assertThat(named).as("every metric the example alert rules use exists at /metrics").allSatisfy(name ->
                assertThat(metrics.keySet()).as(name).anySatisfy(present -> assertThat(present).isEqualTo(name)));
    }

    /** Every sample's name with its value (the sum over label sets, e.g. garbage collectors; quantile lines left out). */
    private static Map<String, Double> scrape(Api api) throws IOException {
        Reply reply = api.request("GET", "/metrics").header("Accept", "text/plain").send();
        assertThat(reply.status()).isEqualTo(200);
        Path saved = Path.of("target", "metrics-" + System.getenv().getOrDefault("MOIM_IT_DATABASE", "db") + ".txt");
        Files.writeString(saved, reply.body());
        Map<String, Double> values = new LinkedHashMap<>();
        for (String line : reply.body().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            String labels = sample.group(2) == null ? "" : sample.group(2);
            double value = parse(sample.group(3));
            values.merge(sample.group(1), labels.contains("quantile=") ? 0 : value, Double::sum);
        }
        return values;
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A metric's value before the test's traffic: 0 if the node has not registered it yet. */
    private static double before(Map<String, Double> metrics, String name) {
        return metrics.getOrDefault(name, 0.0);
    }

    private static double value(Map<String, Double> metrics, String name) {
        assertThat(metrics).as("%s at /metrics (saved under target/metrics-*.txt)", name).containsKey(name);
        return metrics.get(name);
    }
}
