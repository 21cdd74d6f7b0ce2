package org.moim.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small HTTP client for the tests: JSON in, {@link Reply} out. Each instance is one client
 * with its own address (sent as X-Forwarded-For, which the test server trusts), so rate limits
 * of one test never touch another.
 */
public final class Api {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String address;

    public Api(URL base) {
        this.base = URI.create(base.toString());
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    public String address() {
        return address;
    }

    public Request request(String method, String path) {
        return new Request(method, path);
    }

    public Reply get(String path, String token) {
        return request("GET", path).bearer(token).send();
    }

    public Reply post(String path, JsonObject body, String token) {
        return request("POST", path).bearer(token).json(body).send();
    }

    public Reply post(String path, JsonObject body) {
        return post(path, body, null);
    }

    public Reply patch(String path, JsonObject body, String token) {
        return request("PATCH", path).bearer(token).json(body).send();
    }

    public Reply delete(String path, String token) {
        return request("DELETE", path).bearer(token).send();
    }

    public static JsonObject json(Object... namesAndValues) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            String name = (String) namesAndValues[i];
            if (value == null) {
                builder.addNull(name);
            } else if (value instanceof Number number) {
                builder.add(name, number.longValue());
            } else if (value instanceof Boolean bool) {
                builder.add(name, bool);
            } else {
                builder.add(name, value.toString());
            }
        }
        return builder.build();
    }

    /** A unique email for a test-made account. */
    public static String newEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    public final class Request {
        private final HttpRequest.Builder builder;
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        private final String method;

        Request(String method, String path) {
            this.method = method;
            this.builder = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                    .timeout(Duration.ofSeconds(30))
                    .header("X-Forwarded-For", address);
        }

        public Request bearer(String token) {
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            return this;
        }

        /** A longer wait than the default 30 s, for what a busy machine computes slowly (the /openapi document). */
        public Request timeout(Duration timeout) {
            builder.timeout(timeout);
            return this;
        }

        public Request header(String name, String value) {
            builder.header(name, value);
            return this;
        }

        public Request json(JsonObject json) {
            return body("application/json", json.toString());
        }

        public Request body(String contentType, String content) {
            builder.header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofString(content);
            return this;
        }

        public Request body(String contentType, byte[] content) {
            builder.header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofByteArray(content);
            return this;
        }

        public Reply send() {
            try {
                HttpResponse<String> response = http.send(builder.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A response: status, headers, body, and the body read as JSON. */
    public record Reply(int status, HttpHeaders headers, String body) {

        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        /** The items of a page ({@code {"items": [...], "nextCursor": …}}). */
        public JsonArray items() {
            return json().getJsonArray("items");
        }

        public JsonArray array() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        /** The problem's {@code type} member. */
        public String problemType() {
            return json().getString("type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
