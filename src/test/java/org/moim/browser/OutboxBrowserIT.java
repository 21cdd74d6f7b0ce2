package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.browser.Browser.testId;
import static org.moim.browser.Browser.within;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Api.Reply;
import org.moim.it.OwnNode;
import org.openqa.selenium.WebElement;

/**
 * The local outbox (issue 14, item 8) on a node with mail off, as a trial `./moim` runs: the
 * mails the instance would have sent are kept for its administrators. Joon registers in his
 * browser with an address nobody can mail; the administrator opens Administration → Outbox in
 * hers, opens the verification mail and hands its link over; Joon opens it and confirms his
 * address. Through the API: only the newest {@code moim.mail.outbox.keep} mails are kept, newest
 * first, and only administrators read them. The node is one of its own (mail off, a small keep,
 * its own administrator) on the pass's database kind; screenshots land in
 * target/browser-screenshots/outbox-*.png.
 */
class OutboxBrowserIT {

    private static final String ADMIN_EMAIL = "outbox-admin@example.com";
    private static final int KEEP = 4;
    private static final Pattern LINK = Pattern.compile("https?://\\S+#/verify-email\\?token=[A-Za-z0-9_-]+");

    private static OwnNode node;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeAll
    static void startNodeWithMailOff() throws Exception {
        Path home = Path.of(System.getProperty("moim.war", "target/moim.war")).toAbsolutePath().getParent()
                .resolve("it-outbox").resolve(UUID.randomUUID().toString().substring(0, 8));
        node = OwnNode.launch(home, "node", OwnNode.freePort(), OwnNode.freePort(), env -> {
            env.put("MOIM_MAIL_ENABLED", "false");
            env.remove("MOIM_MAIL_OUTBOX");   // the default: log and page
            env.put("MOIM_MAIL_OUTBOX_KEEP", String.valueOf(KEEP));
            env.put("MOIM_ADMIN_EMAILS", ADMIN_EMAIL);
            OwnNode.ownDatabase(env, "outbox");
        });
        node.awaitReady(Duration.ofMinutes(6));
    }

    @AfterAll
    static void stopNode() throws InterruptedException {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void anAdministratorHandsOverTheVerificationLinkTheOutboxKeptAndTheNewcomerConfirmsHisAddress() throws Exception {
        SignedIn admin = administrator();
        String joonEmail = "joon-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        Browser joons = browser("joon");
        joons.click("show-register");
        joons.type("register-name", "Joon Newcomer");
        joons.type("register-email", joonEmail);
        joons.type("register-password", Accounts.PASSWORD);
        joons.click("register-submit");
        joons.awaitState("signed-in");
        joons.visible("verify-banner-text");

        Browser admins = browser("admin");
        admins.type("login-email", admin.email());
        admins.type("login-password", Accounts.PASSWORD);
        admins.click("login-submit");
        admins.awaitState("signed-in");
        admins.click("nav-admin");
        admins.visible("admin-outbox");
        assertThat(admins.textOf("admin-outbox-description")).contains("moim.mail.enabled=false");
        // The mail is written by a job: refresh until it is there.
        WebElement mail = admins.await("Joon's verification mail in the outbox", d -> {
            WebElement found = outboxMailTo(admins, joonEmail);
            if (found == null) {
                admins.click("admin-outbox-reload");
            }
            return found;
        });
        within(mail, "admin-outbox-summary").click();
        WebElement link = admins.await("the link in the opened mail", d -> {
            List<WebElement> links = outboxMailTo(admins, joonEmail).findElements(testId("admin-outbox-link"));
            return links.stream().filter(WebElement::isDisplayed).filter(a -> a.getText().contains("#/verify-email?token=")).findFirst().orElse(null);
        });
        String handedOver = link.getAttribute("href");
        assertThat(link.getAttribute("target")).isEqualTo("_blank");
        assertThat(link.getAttribute("rel")).contains("noopener");
        shots(admins, "outbox");

        // Joon opens the link he was handed, in the browser he is signed in with.
        joons.open(handedOver);
        joons.click("verify-confirm");
        joons.visible("verify-done");
        joons.click("verify-continue");
        joons.awaitState("signed-in");
        joons.await("the unverified-address banner gone", d -> joons.all("verify-banner-text").stream().noneMatch(WebElement::isDisplayed));

        Api api = new Api(node.base());
        SignedIn joon = Accounts.signIn(api, joonEmail, Accounts.PASSWORD, null);
        assertThat(api.get("/api/v1/me", joon.accessToken()).json().getBoolean("emailVerified")).isTrue();
    }

    /** Issue 14, item 1: with mail off an invitation by email would reach nobody and is refused; an invite link still lets people in. */
    @Test
    void withMailOffAnInvitationByEmailIsRefusedAndAnInviteLinkWorks() {
        Api api = new Api(node.base());
        SignedIn owner = Accounts.signUp(api, "Mailless Owner");
        SignedIn joiner = Accounts.signUp(api, "Link Joiner");
        String workspace = api.post("/api/v1/workspaces", Api.json("name", "No mail here"), owner.accessToken()).json().getString("id");

        Reply byEmail = api.post("/api/v1/workspaces/" + workspace + "/invitations",
                Api.json("email", joiner.email(), "role", "MEMBER"), owner.accessToken());
        assertThat(byEmail.status()).as(byEmail.toString()).isEqualTo(409);
        assertThat(byEmail.problemType()).isEqualTo("/problems/mail-disabled");
        assertThat(api.get("/api/v1/me/invitations", joiner.accessToken()).items()).as("nothing waits for the joiner").isEmpty();

        Reply link = api.post("/api/v1/workspaces/" + workspace + "/invite-links", Api.json("role", "MEMBER"), owner.accessToken());
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        Reply joined = api.post("/api/v1/invite-links/redeem", Api.json("token", link.json().getString("token")), joiner.accessToken());
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(joined.json().getString("id")).isEqualTo(workspace);
    }

    @Test
    void onlyTheNewestMailsAreKeptNewestFirstAndOnlyAdministratorsReadThem() throws Exception {
        SignedIn admin = administrator();
        Api api = new Api(node.base());
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < KEEP + 2; i++) {
            String email = "keep" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            Reply registered = new Api(node.base()).post("/api/v1/auth/register",
                    Api.json("email", email, "password", Accounts.PASSWORD, "displayName", "Keep " + i));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            addresses.add(email);
            awaitNewest(api, admin, email);   // one at a time: the order they were kept in is the order asked for
        }

        JsonObject page = outbox(api, admin, "");
        assertThat(page.getBoolean("keeping")).isTrue();
        List<String> kept = page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(m -> m.getString("to")).toList();
        assertThat(kept).as("the newest %d, newest first", KEEP)
                .containsExactlyElementsOf(addresses.reversed().subList(0, KEEP));
        JsonObject newest = page.getJsonArray("items").getJsonObject(0);
        assertThat(newest.getString("subject")).isNotBlank();
        Matcher link = LINK.matcher(newest.getString("text"));
        assertThat(link.find()).as(newest.getString("text")).isTrue();

        // Pages of three, keyset by time and id: the second is the last (a null cursor).
        JsonObject first = outbox(api, admin, "?limit=3");
        JsonObject second = outbox(api, admin, "?limit=3&cursor=" + first.getString("nextCursor"));
        assertThat(second.isNull("nextCursor")).isTrue();
        assertThat(java.util.stream.Stream.concat(first.getJsonArray("items").getValuesAs(JsonObject.class).stream(),
                        second.getJsonArray("items").getValuesAs(JsonObject.class).stream()).map(m -> m.getString("to")))
                .containsExactlyElementsOf(kept);

        // Not an administrator: 403; bad paging: 400 on the field.
        SignedIn member = Accounts.signUp(api, "Member");
        Reply refused = api.get("/api/v1/admin/outbox", member.accessToken());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().getString("type")).isEqualTo("/problems/not-an-administrator");
        assertThat(api.get("/api/v1/admin/outbox", null).status()).isEqualTo(401);
        for (String bad : List.of("?limit=0", "?limit=201", "?cursor=not-a-cursor")) {
            Reply answer = api.get("/api/v1/admin/outbox" + bad, admin.accessToken());
            assertThat(answer.status()).as(bad + " " + answer).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    private static SignedIn administrator() {
        Api api = new Api(node.base());
        api.post("/api/v1/auth/register", Api.json("email", ADMIN_EMAIL, "password", Accounts.PASSWORD, "displayName", "Outbox Admin"));
        return Accounts.signIn(api, ADMIN_EMAIL, Accounts.PASSWORD, null);
    }

    private static JsonObject outbox(Api api, SignedIn admin, String query) {
        Reply reply = api.get("/api/v1/admin/outbox" + query, admin.accessToken());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static void awaitNewest(Api api, SignedIn admin, String email) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            var items = outbox(api, admin, "?limit=1").getJsonArray("items");
            if (!items.isEmpty() && email.equals(items.getJsonObject(0).getString("to"))) {
                return;
            }
            assertThat(Instant.now()).as("the mail to %s kept; %s", email, node.tail()).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private Browser browser(String who) throws Exception {
        Browser browser = browsers.start(who);
        browser.open(node.base().toString());
        browser.awaitState("signed-out");
        return browser;
    }

    private static WebElement outboxMailTo(Browser browser, String email) {
        return browser.all("admin-outbox-mail").stream()
                .filter(row -> row.findElements(testId("admin-outbox-to")).stream().anyMatch(to -> to.getText().contains(email)))
                .findFirst().orElse(null);
    }

    /** The screen in English and Korean, 1280 and 390 px wide; back to English at 1280 afterwards. */
    private static void shots(Browser browser, String name) throws IOException {
        browser.shots(name, Browser.Capture.PAGE, (language, width) -> { });
    }
}
