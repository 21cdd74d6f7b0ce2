package org.moim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moim.it.Accounts;
import org.moim.it.Api;
import org.moim.it.Api.Reply;
import org.moim.it.Deployments;
import org.moim.it.Keycloak;
import org.moim.it.OidcItConfig;

/**
 * OpenID Connect sign-in against a real Keycloak, over plain HTTP: the code flow with PKCE from
 * Moim's start through Keycloak's login form and back, just-in-time provisioning, linking only
 * through a verified email, allowed domains, and every way a callback can be wrong.
 */
@ExtendWith(ArquillianExtension.class)
class OidcIT {

    @Deployment(testable = false)
    static WebArchive app() {
        Keycloak keycloak = Keycloak.shared();
        OidcItConfig.write(Map.of(
                "moim.oidc.issuer", keycloak.issuer(),
                "moim.oidc.client-id", Keycloak.CLIENT_ID,
                "moim.oidc.client-secret", Keycloak.CLIENT_SECRET,
                "moim.oidc.allowed-domains", "moim.test, example.test",
                "moim.oidc.button-label", "Keycloak"));
        return Deployments.moim().addClass(OidcItConfig.class).addAsServiceProvider(ConfigSourceProvider.class, OidcItConfig.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void theSignInScreenIsToldAboutTheProvider() {
        Reply methods = new Api(base).get("/api/v1/auth/methods", null);

        assertThat(methods.status()).isEqualTo(200);
        assertThat(methods.json().getBoolean("password")).isTrue();
        assertThat(methods.json().getJsonObject("provider").getString("label")).isEqualTo("Keycloak");
        assertThat(methods.json().getJsonObject("provider").getString("startUrl")).isEqualTo("/api/v1/auth/oidc/start");
    }

    @Test
    void theFirstSignInProvisionsTheAccountAndTheNextFindsIt() {
        Api api = new Api(base);
        ProviderFlow browser = new ProviderFlow(base);

        JsonObject first = collect(api, browser.signIn("newcomer"));
        JsonObject me = me(api, first);
        assertThat(me.getString("email")).isEqualTo("newcomer@moim.test");
        assertThat(me.getString("displayName")).isEqualTo("Newcomer Park");
        assertThat(me.getString("locale")).isEqualTo("ko");

        JsonObject again = collect(api, new ProviderFlow(base).signIn("newcomer"));
        assertThat(me(api, again).getString("id")).isEqualTo(me.getString("id"));
        // The same kind of tokens as password sign-in: they refresh like those.
        assertThat(api.post("/api/v1/auth/refresh", Api.json("refreshToken", again.getString("refreshToken"))).status()).isEqualTo(200);
    }

    @Test
    void firstSignInsOfOnePersonAtOnceMakeOneAccount() throws Exception {
        // Three tabs (or a double click) back from the provider at the same moment, before the
        // account exists: each is signed in, all to the one account just provisioned.
        List<ProviderFlow> tabs = List.of(new ProviderFlow(base), new ProviderFlow(base), new ProviderFlow(base));
        List<URI> callbacks = tabs.stream().map(tab -> tab.signInAtProvider(tab.start(), "twin")).toList();
        CountDownLatch ready = new CountDownLatch(tabs.size());
        ExecutorService threads = Executors.newFixedThreadPool(tabs.size());
        List<CompletableFuture<HttpResponse<String>>> backs = new ArrayList<>();
        for (int i = 0; i < tabs.size(); i++) {
            ProviderFlow tab = tabs.get(i);
            URI callback = callbacks.get(i);
            backs.add(CompletableFuture.supplyAsync(() -> {
                ready.countDown();
                try {
                    ready.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return tab.callback(callback);
            }, threads));
        }
        threads.shutdown();
        Api api = new Api(base);
        Set<String> ids = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> back : backs) {
            HttpResponse<String> response = back.get(2, TimeUnit.MINUTES);
            assertThat(response.statusCode()).as("callback: %s", response.body()).isEqualTo(303);
            ids.add(me(api, collect(api, ProviderFlow.handoff(response))).getString("id"));
        }
        assertThat(ids).as("one account for one person").hasSize(1);
    }

    @Test
    void anExistingAccountIsLinkedThroughItsVerifiedEmail() {
        Api api = new Api(base);
        Reply registered = api.post("/api/v1/auth/register",
                Api.json("email", "alice@moim.test", "password", Accounts.PASSWORD, "displayName", "Alice of Moim"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        JsonObject tokens = collect(api, new ProviderFlow(base).signIn("alice"));

        JsonObject me = me(api, tokens);
        assertThat(me.getString("id")).isEqualTo(registered.json().getString("id"));
        assertThat(me.getString("displayName")).as("a linked account keeps its name").isEqualTo("Alice of Moim");
        assertThat(api.post("/api/v1/auth/login", Api.json("email", "alice@moim.test", "password", Accounts.PASSWORD)).status())
                .as("the password still works").isEqualTo(200);
    }

    @Test
    void anUnverifiedEmailIsNeverLinkedToTheAccountThatHasIt() {
        Api api = new Api(base);
        Reply registered = api.post("/api/v1/auth/register",
                Api.json("email", "mallory@moim.test", "password", Accounts.PASSWORD, "displayName", "The real Mallory"));
        assertThat(registered.status()).isEqualTo(201);
        ProviderFlow attacker = new ProviderFlow(base);

        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> back = attacker.callback(attacker.signInAtProvider(attacker.start(), "mallory"));
            assertProblem(back, 409, "oidc-email-unverified");
        }
    }

    @Test
    void anEmailOutsideTheAllowedDomainsIsRefusedAndNothingIsProvisioned() {
        ProviderFlow outsider = new ProviderFlow(base);

        HttpResponse<String> back = outsider.callback(outsider.signInAtProvider(outsider.start(), "outsider"));

        assertProblem(back, 403, "oidc-domain-not-allowed");
        Reply register = new Api(base).post("/api/v1/auth/register",
                Api.json("email", "outsider@elsewhere.test", "password", Accounts.PASSWORD, "displayName", "Outsider"));
        assertThat(register.status()).as("no account was made for the address: %s", register).isEqualTo(201);
    }

    @Test
    void aReplayedCallbackAndAReusedHandoffAreRefused() {
        Api api = new Api(base);
        ProviderFlow browser = new ProviderFlow(base);
        URI callback = browser.signInAtProvider(browser.start(), "newcomer");
        HttpResponse<String> first = browser.callback(callback);
        assertThat(first.statusCode()).isEqualTo(303);
        String handoff = ProviderFlow.handoff(first);

        assertProblem(browser.callback(callback), 400, "oidc-state-invalid");
        assertThat(api.post("/api/v1/auth/oidc/token", Api.json("code", handoff)).status()).isEqualTo(200);
        Reply again = api.post("/api/v1/auth/oidc/token", Api.json("code", handoff));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.problemType()).isEqualTo("/problems/oidc-handoff-invalid");
    }

    @Test
    void aCallbackInAnotherBrowserIsRefusedAndSpendsTheSignIn() {
        ProviderFlow victim = new ProviderFlow(base);
        URI callback = victim.signInAtProvider(victim.start(), "newcomer");

        assertProblem(new ProviderFlow(base).callback(callback), 400, "oidc-state-invalid");
        assertProblem(victim.callback(callback), 400, "oidc-state-invalid");
    }

    @Test
    void aForgedStateIsRefusedAndABrowserIsSentToTheSignInScreen() {
        ProviderFlow browser = new ProviderFlow(base);
        URI callback = browser.signInAtProvider(browser.start(), "newcomer");
        URI forged = ProviderFlow.withParameter(callback, "state", "forged-state-that-was-never-issued");

        assertProblem(browser.callback(forged), 400, "oidc-state-invalid");
        HttpResponse<String> page = browser.get(ProviderFlow.withParameter(callback, "state", "another-forged-state"), "text/html,application/xhtml+xml");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/#/sign-in/problem/oidc-state-invalid");
        // The real callback still works: forgeries spend nothing of it.
        assertThat(browser.callback(callback).statusCode()).isEqualTo(303);
    }

    @Test
    void aCodeRedeemedOnceIsRejectedByTheProviderWithAnotherState() {
        ProviderFlow browser = new ProviderFlow(base);
        URI first = browser.signInAtProvider(browser.start(), "newcomer");
        assertThat(browser.callback(first).statusCode()).isEqualTo(303);

        URI second = browser.signInAtProvider(browser.start(), "newcomer");  // the provider's session: no form
        URI replayedCode = ProviderFlow.withParameter(second, "code", ProviderFlow.parameter(first, "code"));

        assertProblem(browser.callback(replayedCode), 400, "oidc-code-rejected");
    }

    @Test
    void theProviderSayingNoIsAClearProblem() {
        ProviderFlow browser = new ProviderFlow(base);
        URI authorization = browser.start();
        String state = ProviderFlow.parameter(authorization, "state");
        URI denied = URI.create(base.toString().replaceAll("/$", "") + "/api/v1/auth/oidc/callback?error=access_denied&state=" + state);

        assertProblem(browser.callback(denied), 403, "oidc-denied");
        assertProblem(browser.callback(URI.create(denied.toString().replace("error=access_denied&", "code=x&"))), 400, "oidc-state-invalid");
    }

    @Test
    void signingOutEndsTheMoimSession() {
        Api api = new Api(base);
        JsonObject tokens = collect(api, new ProviderFlow(base).signIn("newcomer"));

        Reply out = api.post("/api/v1/auth/logout", Api.json("refreshToken", tokens.getString("refreshToken")), tokens.getString("accessToken"));

        assertThat(out.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", tokens.getString("accessToken")).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Api.json("refreshToken", tokens.getString("refreshToken"))).status()).isEqualTo(401);
    }

    private static JsonObject collect(Api api, String handoff) {
        Reply tokens = api.post("/api/v1/auth/oidc/token", Api.json("code", handoff));
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        assertThat(tokens.json().getString("tokenType")).isEqualTo("Bearer");
        return tokens.json();
    }

    private static JsonObject me(Api api, JsonObject tokens) {
        Reply me = api.get("/api/v1/me", tokens.getString("accessToken"));
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        return me.json();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonObject problem = Json.createReader(new StringReader(response.body())).readObject();
        assertThat(problem.getString("type")).isEqualTo("/problems/" + type);
        assertThat(problem.getString("detail")).isNotBlank();
    }
}
