package org.moim.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

/** What every request meets: problem details for bad input, health, OpenAPI, metrics, headers. */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return new Api(base);
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.getString("type")).isEqualTo(type);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        assertThat(problem.getString("instance")).startsWith("urn:uuid:");
        assertThat(reply.body()).doesNotContain("Exception", "at org.", "at java.", "SELECT", "jakarta.");
    }

    @Test
    void unknownApiRoutesAnswer404Problems() {
        assertProblem(api().get("/api/v1/no-such-thing", null), 404, "/problems/not-found");
        assertProblem(api().get("/api/v2/auth/login", null), 404, "/problems/not-found");
    }

    @Test
    void unknownPagesAnswer404ProblemsOrAPageForBrowsers() {
        assertProblem(api().get("/no-such-page", null), 404, "/problems/not-found");
        Reply page = api().request("GET", "/no-such-page").header("Accept", "text/html").send();
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("404").doesNotContain("Exception");
    }

    @Test
    void wrongMethodsAnswer405WithAllow() {
        Reply reply = api().request("DELETE", "/api/v1/auth/login").send();
        assertProblem(reply, 405, "/problems/method-not-allowed");
        assertThat(reply.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    }

    @Test
    void wrongContentTypesAnswer415() {
        assertProblem(api().request("POST", "/api/v1/auth/login").body("text/plain", "email=a&password=b").send(),
                415, "/problems/unsupported-media-type");
        assertProblem(api().request("POST", "/api/v1/auth/login").body("application/x-www-form-urlencoded", "email=a").send(),
                415, "/problems/unsupported-media-type");
    }

    @Test
    void malformedJsonAnswers400() {
        for (String body : List.of("{\"email\":", "not json", "[1,2]", "\"text\"", "{\"email\": 12, \"password\": {}}")) {
            Reply reply = api().request("POST", "/api/v1/auth/login").body("application/json", body).send();
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.contentType()).as(body).startsWith("application/problem+json");
            assertThat(reply.body()).as(body).doesNotContain("Exception");
        }
        assertProblem(api().request("POST", "/api/v1/auth/login").body("application/json", "").send(), 400, "/problems/validation");
    }

    @Test
    void jsonOfTheWrongTypesIsRefusedWithTheFieldNamed() {
        // Strings are never coerced from numbers or booleans; an array never stands in for an object.
        assertField(login("{\"email\": 12, \"password\": \"x\"}"), "email", "must be a string");
        assertField(login("{\"email\": true, \"password\": \"x\"}"), "email", "must be a string");
        assertField(login("{\"email\": \"a@example.com\", \"password\": [\"x\"]}"), "password", "must be a string");
        assertField(login("[{\"email\": \"a@example.com\", \"password\": \"x\"}]"), "(body)", "must be an object");
        // Exactly one JSON value: nothing may follow it.
        for (String trailing : List.of("{\"email\": \"a@example.com\", \"password\": \"x\"} x",
                "{\"email\": \"a@example.com\", \"password\": \"x\"}{}", "{\"email\": \"a@example.com\", \"password\": \"x\"}]")) {
            Reply reply = login(trailing);
            assertProblem(reply, 400, "/problems/malformed-request");
        }
        // UTF-8 only: bytes that are not UTF-8 are refused, not turned into U+FFFD; another charset is 415.
        byte[] latin1 = "{\"email\": \"caf\u00e9@example.com\", \"password\": \"x\"}".getBytes(StandardCharsets.ISO_8859_1);
        Reply notUtf8 = api().request("POST", "/api/v1/auth/login").body("application/json", latin1).send();
        assertProblem(notUtf8, 400, "/problems/malformed-request");
        assertThat(notUtf8.json().getString("detail")).contains("UTF-8");
        assertProblem(api().request("POST", "/api/v1/auth/login").body("application/json; charset=ISO-8859-1", latin1).send(),
                415, "/problems/unsupported-media-type");
        assertThat(login("{\"email\": \"nobody-strict@example.com\", \"password\": \"wrong password\"}").status())
                .as("a well-typed body goes through").isEqualTo(401);
        assertThat(api().request("POST", "/api/v1/auth/login").body("application/json; charset=utf-8",
                "{\"email\": \"nobody-strict@example.com\", \"password\": \"wrong password\"}").send().status()).isEqualTo(401);

        // Whole numbers where integers are declared, true/false where booleans are.
        SignedIn owner = Accounts.signUp(api(), "Strict");
        String workspace = Chat.workspace(base, owner);
        String links = "/api/v1/workspaces/" + workspace + "/invite-links";
        assertField(api().request("POST", links).bearer(owner.accessToken()).body("application/json", "{\"expiresInDays\": \"7\"}").send(),
                "expiresInDays", "must be a whole number");
        assertField(api().request("POST", links).bearer(owner.accessToken()).body("application/json", "{\"expiresInDays\": 7.5}").send(),
                "expiresInDays", "must be a whole number");
        assertField(api().request("POST", links).bearer(owner.accessToken()).body("application/json", "{\"maxUses\": 1e12}").send(),
                "maxUses", "must be a whole number");
        assertThat(api().request("POST", links).bearer(owner.accessToken()).body("application/json", "{\"role\": \"MEMBER\", \"expiresInDays\": 7}").send().status())
                .isEqualTo(201);
    }

    @Test
    void formOperationsWithoutAFormAnswer415() {
        Reply bare = api().request("POST", "/api/v1/billing/sandbox/checkouts/test").send();
        assertProblem(bare, 415, "/problems/unsupported-media-type");
        assertProblem(api().request("POST", "/api/v1/billing/sandbox/checkouts/test").body("application/json", "{}").send(),
                415, "/problems/unsupported-media-type");
        assertProblem(api().request("POST", "/api/v1/billing/sandbox/checkouts/test")
                .body("application/x-www-form-urlencoded", "card=4242424242424242").send(), 404, "/problems/not-found");
    }

    private Reply login(String body) {
        return api().request("POST", "/api/v1/auth/login").body("application/json", body).send();
    }

    private static void assertField(Reply reply, String field, String message) {
        assertProblem(reply, 400, "/problems/malformed-request");
        assertThat(reply.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .as(reply.toString())
                .anySatisfy(error -> {
                    assertThat(error.getString("field")).isEqualTo(field);
                    assertThat(error.getString("message")).startsWith(message);
                });
    }

    @Test
    void oversizedBodiesAnswer413WithOrWithoutContentLength() throws Exception {
        String padding = "x".repeat(1_200_000);
        String body = json("email", "a@example.com", "password", padding).toString();
        assertProblem(api().request("POST", "/api/v1/auth/login").body("application/json", body).send(),
                413, "/problems/payload-too-large");

        // Chunked: no Content-Length, so the limit is enforced while reading.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(base.toString()).resolve("api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void healthReportsTheDatabaseAndTheBroker() {
        Reply live = api().get("/health/live", null);
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().getString("status")).isEqualTo("UP");

        Reply ready = api().get("/health/ready", null);
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        assertThat(ready.json().getJsonArray("checks").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("name") + "=" + c.getString("status"))
                .contains("database=UP", "broker=UP");
    }

    @Test
    void openApiDescribesTheApiWithItsBearerScheme() {
        Reply document = api().request("GET", "/openapi").header("Accept", "application/json").send();
        assertThat(document.status()).isEqualTo(200);
        JsonObject openapi = document.json();
        assertThat(openapi.getJsonObject("paths").keySet())
                .contains("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout",
                        "/api/v1/me", "/api/v1/me/password", "/api/v1/me/sessions", "/api/v1/me/sessions/{id}");
        JsonObject components = openapi.getJsonObject("components");
        assertThat(components.getJsonObject("securitySchemes").getJsonObject("bearer").getString("scheme")).isEqualTo("bearer");
        assertThat(components.getJsonObject("schemas").keySet()).contains("RegisterRequest", "TokenResponse", "Problem", "Account");

        Reply page = api().get("/api-docs/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js").doesNotContain("${");
        String bundle = page.body().replaceAll("(?s).*src=\"(/webjars/[^\"]+swagger-ui-bundle.js)\".*", "$1");
        assertThat(api().get(bundle, null).status()).isEqualTo(200);
    }

    @Test
    void metricsAreServedForPrometheus() {
        Reply metrics = api().request("GET", "/metrics").header("Accept", "text/plain").send();
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (Reply reply : List.of(api().get("/", null), api().get("/api/v1/me", null), api().get("/assets/app.js", null))) {
            assertThat(reply.header("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"));
            assertThat(reply.header("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(reply.header("X-Frame-Options")).hasValue("DENY");
            assertThat(reply.header("X-Request-Id")).isPresent();
            assertThat(reply.header("Strict-Transport-Security")).isEmpty();
        }
        Reply overTls = api().request("GET", "/").header("X-Forwarded-Proto", "https").send();
        assertThat(overTls.header("Strict-Transport-Security")).hasValueSatisfying(h -> assertThat(h).startsWith("max-age="));
    }

    @Test
    void crossOriginRequestsAreNotAllowedByDefault() {
        Reply preflight = api().request("OPTIONS", "/api/v1/me")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET").send();
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
        Reply simple = api().request("GET", "/api/v1/me").header("Origin", "https://evil.example").send();
        assertThat(simple.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theBrowserShellIsServedAtTheRoot() {
        Reply index = api().get("/", null);
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.contentType()).startsWith("text/html");
        assertThat(index.body()).contains("<script type=\"module\"");
    }
}
