package org.moim.webhook.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes one attempt: the signed POST to the webhook's URL, with the address checked just before
 * (see {@link WebhookAddresses}). Never follows redirects. Any 2xx answer is a success; the
 * receiver's answer body is only read for the first few hundred bytes of a failure's error.
 */
@ApplicationScoped
public class WebhookPoster {

    public static final String USER_AGENT = "Moim-Webhooks/1";
    private static final int ERROR_BODY_BYTES = 200;

    @Inject
    WebhookAddresses addresses;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "moim.webhooks.timeout", defaultValue = "PT10S")
    Duration timeout;

    private HttpClient http;

    @PostConstruct
    void start() {
        http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * How an attempt went. {@code httpStatus} is null when no answer came; {@code permanent}
     * failures are not retried (an address Moim may not call).
     */
    public record Outcome(Integer httpStatus, long durationMillis, String error, boolean permanent) {
        public boolean succeeded() {
            return error == null;
        }
    }

    public Outcome post(WebhookDeliveries.Attempt attempt) {
        long started = System.nanoTime();
        URI uri;
        try {
            uri = addresses.parse(attempt.url());
            addresses.resolve(uri);
        } catch (WebhookAddressRefused e) {
            return new Outcome(null, millisSince(started), e.getMessage(), true);
        } catch (org.moim.platform.problem.InvalidField e) {
            return new Outcome(null, millisSince(started), "The webhook URL is not valid", true);
        } catch (UnknownHostException e) {
            return new Outcome(null, millisSince(started), "Unknown host " + hostOf(attempt.url()), false);
        }
        byte[] body = attempt.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("Moim-Event", attempt.eventType())
                .header("Moim-Delivery", attempt.deliveryId())
                .header("Moim-Webhook", attempt.webhookId())
                .header("Moim-Attempt", String.valueOf(attempt.number()))
                .header(WebhookSignatures.HEADER, WebhookSignatures.header(attempt.secret(), clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            String excerpt = excerpt(response.body());
            long millis = millisSince(started);
            if (status >= 200 && status < 300) {
                return new Outcome(status, millis, null, false);
            }
            return new Outcome(status, millis, "HTTP " + status + (excerpt.isBlank() ? "" : ": " + excerpt), false);
        } catch (HttpTimeoutException e) {
            return new Outcome(null, millisSince(started), "No answer within " + timeout.toMillis() + " ms", false);
        } catch (IOException e) {
            return new Outcome(null, millisSince(started), "Cannot reach " + hostOf(attempt.url()) + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, millisSince(started), "Interrupted", false);
        }
    }

    private static String excerpt(InputStream body) throws IOException {
        try (body) {
            return new String(body.readNBytes(ERROR_BODY_BYTES), StandardCharsets.UTF_8);
        }
    }

    private static long millisSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    private static String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return "the webhook's host";
        }
    }
}
