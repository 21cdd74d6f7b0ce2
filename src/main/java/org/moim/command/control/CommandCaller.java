package org.moim.command.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.platform.problem.InvalidField;
import org.moim.webhook.control.WebhookAddressRefused;
import org.moim.webhook.control.WebhookAddresses;
import org.moim.webhook.control.WebhookSignatures;

/**
 * Makes a command's call: a POST of Slack's slash-command form fields, signed as outgoing webhooks
 * are ({@link WebhookSignatures}), to an address the webhooks' rule allows ({@link
 * WebhookAddresses}), and reads the answer, all within {@code moim.commands.timeout} (connecting,
 * waiting and reading the body together). Never follows redirects; reads at most
 * {@value #MAX_ANSWER_BYTES} bytes of answer.
 */
@ApplicationScoped
public class CommandCaller {

    public static final String USER_AGENT = "Moim-Commands/1";
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    @Inject
    WebhookAddresses addresses;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "moim.commands.timeout", defaultValue = "PT3S")
    Duration timeout;

    private HttpClient http;
    private ExecutorService readers;

    @PostConstruct
    void start() {
        readers = Executors.newVirtualThreadPerTaskExecutor();
        http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
        http.shutdownNow();
    }

    public Duration timeout() {
        return timeout;
    }

    /** How the call went. {@code responseType} and {@code text} are the integrator's answer when it gave a valid one. */
    public record Answer(Kind kind, String responseType, String text, String error) {
        public enum Kind { ANSWERED, ACKNOWLEDGED, TIMED_OUT, FAILED, INVALID_ANSWER }

        static Answer failed(Kind kind, String error) {
            return new Answer(kind, null, null, error);
        }
    }

    public Answer call(CommandCalls.Call call) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri;
        try {
            uri = addresses.parse(call.url());
            addresses.resolve(uri);
        } catch (WebhookAddressRefused e) {
            return Answer.failed(Answer.Kind.FAILED, e.getMessage());
        } catch (InvalidField e) {
            return Answer.failed(Answer.Kind.FAILED, "The command's URL is not valid");
        } catch (UnknownHostException e) {
            return Answer.failed(Answer.Kind.FAILED, "Unknown host " + uri(call.url()));
        }
        byte[] body = form(call).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(remaining(deadline))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("Moim-Command", call.commandId())
                .header(WebhookSignatures.HEADER, WebhookSignatures.header(call.secret(), clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        CompletableFuture<HttpResponse<InputStream>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        try {
            response = sent.get(remaining(deadline).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            return timedOut();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                return timedOut();
            }
            return Answer.failed(Answer.Kind.FAILED, "Cannot reach " + uri.getHost() + ": " + message(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failed(Answer.Kind.FAILED, "Interrupted");
        }
        InputStream in = response.body();
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (in) {
                return in.readNBytes(MAX_ANSWER_BYTES + 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, readers);
        byte[] answer;
        try {
            answer = read.get(remaining(deadline).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            close(in);
            return timedOut();
        } catch (ExecutionException e) {
            return Answer.failed(Answer.Kind.FAILED, "The answer was cut off: " + message(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(in);
            return Answer.failed(Answer.Kind.FAILED, "Interrupted");
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            return Answer.failed(Answer.Kind.FAILED, "The command's URL answered HTTP " + status);
        }
        return parse(answer);
    }

    /**
     * The integrator's answer: an empty body acknowledges (nothing is shown); otherwise a JSON
     * object with a non-blank {@code text} and an optional {@code response_type},
     * {@code "ephemeral"} (the default, as Slack's) or {@code "in_channel"}.
     */
    static Answer parse(byte[] answer) {
        if (answer.length > MAX_ANSWER_BYTES) {
            return Answer.failed(Answer.Kind.INVALID_ANSWER, "The answer is longer than " + MAX_ANSWER_BYTES + " bytes");
        }
        if (new String(answer, StandardCharsets.UTF_8).isBlank()) {
            return new Answer(Answer.Kind.ACKNOWLEDGED, null, null, null);
        }
        JsonObject json;
        // A parser rather than a reader: it tells of data after the object (a reader ignores it).
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(answer))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return Answer.failed(Answer.Kind.INVALID_ANSWER, "The answer is not a JSON object");
            }
            json = parser.getObject();
            if (parser.hasNext()) {
                return Answer.failed(Answer.Kind.INVALID_ANSWER, "The answer is not JSON: data after the object");
            }
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            return Answer.failed(Answer.Kind.INVALID_ANSWER, "The answer is not JSON");
        }
        JsonValue type = json.get("response_type");
        String responseType = type == null || type == JsonValue.NULL ? "ephemeral"
                : type instanceof JsonString s ? s.getString() : "";
        if (!responseType.equals("ephemeral") && !responseType.equals("in_channel")) {
            return Answer.failed(Answer.Kind.INVALID_ANSWER, "response_type must be \"ephemeral\" or \"in_channel\"");
        }
        JsonValue text = json.get("text");
        if (!(text instanceof JsonString s) || s.getString().isBlank()) {
            return Answer.failed(Answer.Kind.INVALID_ANSWER, "The answer has no text");
        }
        return new Answer(Answer.Kind.ANSWERED, responseType, s.getString(), null);
    }

    /** Slack's slash-command fields, form-encoded, with Moim's ids. */
    static String form(CommandCalls.Call call) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("command", "/" + call.word());
        fields.put("text", call.text());
        fields.put("command_id", call.commandId());
        fields.put("workspace_id", call.workspaceId());
        fields.put("channel_id", call.channelId());
        fields.put("channel_name", call.channelName() == null ? "" : call.channelName());
        fields.put("user_id", call.callerId());
        fields.put("user_name", call.callerName());
        fields.put("response_id", call.responseId());
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Answer timedOut() {
        return Answer.failed(Answer.Kind.TIMED_OUT, "No answer within " + timeout.toMillis() + " ms");
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(1_000_000, deadlineNanos - System.nanoTime()));
    }

    private static String message(Throwable e) {
        return e == null ? "unknown error" : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String uri(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return "the command's host";
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Closing only to stop reading.
        }
    }
}
