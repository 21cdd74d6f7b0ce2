package org.moim.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Api.Reply;
import org.moim.it.Deployments;

/**
 * Slash commands end to end against a real integrator in this test ({@link Integrator}). The
 * test server allows private networks (the integrator is on 127.0.0.1) and gives a command two
 * seconds (failsafe sets {@code MOIM_WEBHOOKS_ALLOW_PRIVATE_NETWORKS} and {@code MOIM_COMMANDS_TIMEOUT}).
 */
@ExtendWith(ArquillianExtension.class)
class CommandsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private final Integrator integrator = new Integrator();

    @AfterEach
    void stop() {
        integrator.close();
    }

    private Api api() {
        return new Api(base);
    }

    private static String workspace(Api api, SignedIn owner, String name) {
        Reply created = api.post("/api/v1/workspaces", json("name", name), owner.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("id");
    }

    private static String commands(String workspace) {
        return "/api/v1/workspaces/" + workspace + "/commands";
    }

    private JsonObject register(Api api, SignedIn by, String workspace, String word, String path) {
        Reply created = api.post(commands(workspace), json("word", word, "url", integrator.url(path), "description", "Echoes", "usage", "[text]"),
                by.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static Reply run(Api api, SignedIn by, String channel, String text) {
        return api.post("/api/v1/channels/" + channel + "/commands", json("text", text), by.accessToken());
    }

    private static JsonObject ran(Api api, SignedIn by, String channel, String text, String outcome) {
        Reply reply = run(api, by, channel, text);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getString("outcome")).as(reply.toString()).isEqualTo(outcome);
        return reply.json();
    }

    private static int messageCount(Api api, SignedIn by, String channel) {
        Reply page = api.get("/api/v1/channels/" + channel + "/messages?limit=100", by.accessToken());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().getJsonArray("items").size();
    }

    private static void join(Api api, SignedIn owner, String workspace, SignedIn who, String role) {
        Reply invited = api.post("/api/v1/workspaces/" + workspace + "/invitations", json("email", who.email(), "role", role), owner.accessToken());
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        Reply accepted = api.post("/api/v1/me/invitations/" + invited.json().getString("id") + "/accept", json(), who.accessToken());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    }

    /** Checks the signature the way docs/commands.md tells integrators to. */
    private static void assertSigned(Integrator.Received request, String secret) throws Exception {
        String header = request.header("Moim-Signature");
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().formatHex(mac.doFinal(request.body()))).as("v1 is HMAC-SHA256 over t.body").isEqualTo(v1);
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t))).as("t is now").isLessThan(300);
    }

    @Test
    void anInChannelAnswerIsPostedAsTheCommandsBotAndTheCallIsSigned() throws Exception {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Command Owner");
        SignedIn mina = Accounts.signUp(api, "Mina Cmd");
        String workspace = workspace(api, owner, "Commanded");
        join(api, owner, workspace, mina, "MEMBER");
        String general = workspace;
        JsonObject command = register(api, owner, workspace, "/Echo", "/in-channel");
        assertThat(command.getString("word")).isEqualTo("echo");
        assertThat(command.getString("secret")).startsWith("whsec_");
        assertThat(command.getString("url")).isEqualTo(integrator.url("/in-channel"));

        JsonObject result = ran(api, mina, general, "/echo  hello there ", "POSTED");

        Integrator.Received call = integrator.next();
        assertSigned(call, command.getString("secret"));
        assertThat(call.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(call.header("User-Agent")).startsWith("Moim-Commands/");
        assertThat(call.header("Moim-Command")).isEqualTo(command.getString("id"));
        Map<String, String> form = call.form();
        assertThat(form).containsEntry("command", "/echo").containsEntry("text", "hello there").containsEntry("user_id", mina.id())
                .containsEntry("user_name", "Mina Cmd").containsEntry("channel_id", general).containsEntry("workspace_id", workspace)
                .containsEntry("command_id", command.getString("id")).containsEntry("response_id", result.getString("responseId"));
        assertThat(result.getString("text")).isEqualTo("You said: hello there");
        Reply messages = api.get("/api/v1/channels/" + general + "/messages", owner.accessToken());
        JsonObject posted = messages.json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(m -> m.getString("id").equals(result.getString("messageId"))).findFirst().orElseThrow();
        assertThat(posted.getString("text")).isEqualTo("You said: hello there");
        assertThat(posted.getString("senderId")).isEqualTo(command.getString("posterId"));
        assertThat(posted.getBoolean("senderBot")).isTrue();
        assertThat(posted.getJsonNumber("sequence").longValue()).isEqualTo(result.getJsonNumber("sequence").longValue());
        Reply members = api.get("/api/v1/workspaces/" + workspace + "/members?limit=200", owner.accessToken());
        assertThat(members.body()).contains("\"/echo\"");
    }

    @Test
    void ephemeralAnswersFailuresAndUnknownCommandsPostNothing() throws Exception {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Quiet Owner");
        String workspace = workspace(api, owner, "Quiet");
        String general = workspace;
        register(api, owner, workspace, "whisper", "/ephemeral");
        register(api, owner, workspace, "slow", "/slow");
        register(api, owner, workspace, "broken", "/fail");
        register(api, owner, workspace, "garbled", "/garbage");
        register(api, owner, workspace, "quiet", "/empty");
        int before = messageCount(api, owner, general);

        assertThat(ran(api, owner, general, "/whisper psst", "EPHEMERAL").getString("text")).isEqualTo("Just for you: psst");
        Instant started = Instant.now();
        JsonObject slow = ran(api, owner, general, "/slow", "TIMED_OUT");
        Duration took = Duration.between(started, Instant.now());
        assertThat(took).as("answered within the timeout").isLessThan(TIMEOUT.plusMillis(1500)).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(100));
        assertThat(slow.getString("text")).contains("/slow did not answer in time");
        assertThat(ran(api, owner, general, "/broken", "FAILED").getString("text")).contains("HTTP 500");
        assertThat(ran(api, owner, general, "/garbled x", "INVALID_ANSWER").getString("text")).contains("not JSON");
        assertThat(ran(api, owner, general, "/quiet", "ACKNOWLEDGED").isNull("text")).isTrue();
        JsonObject unknown = ran(api, owner, general, "/nosuch thing", "UNKNOWN_COMMAND");
        assertThat(unknown.getString("command")).isEqualTo("/nosuch");
        assertThat(unknown.getString("text")).contains("There is no /nosuch command");
        ran(api, owner, general, "/No.Such!", "UNKNOWN_COMMAND");

        Reply escaped = run(api, owner, general, "//not a command");
        assertThat(escaped.status()).as(escaped.toString()).isEqualTo(400);
        assertThat(escaped.contentType()).startsWith("application/problem+json");
        assertThat(messageCount(api, owner, general)).as("nothing posted").isEqualTo(before);
    }

    /** The tests allow 12 calls per person per hour (pom.xml; 30 a minute by default). */
    @Test
    void onePersonCannotFloodAnIntegratorThroughACommand() throws Exception {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Flood Owner");
        SignedIn mina = Accounts.signUp(api, "Flood Mina");
        String workspace = workspace(api, owner, "Flooded");
        join(api, owner, workspace, mina, "MEMBER");
        register(api, owner, workspace, "whisper", "/ephemeral");

        for (int call = 1; call <= 12; call++) {
            ran(api, owner, workspace, "/whisper " + call, "EPHEMERAL");
            integrator.next();
        }
        Reply refused = run(api, owner, workspace, "/whisper 13");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(refused.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(ran(api, owner, workspace, "/nosuch", "UNKNOWN_COMMAND").getString("text"))
                .as("an unknown word calls nobody and is not counted").contains("/nosuch");
        // Mina is counted apart.
        ran(api, mina, workspace, "/whisper mine", "EPHEMERAL");
        assertThat(integrator.next().form()).containsEntry("text", "mine").containsEntry("user_id", mina.id());
    }

    @Test
    void urlsFollowTheWebhooksAddressRuleAndWordsAreUnique() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Rule Owner");
        String workspace = workspace(api, owner, "Ruled");
        Reply metadata = api.post(commands(workspace), json("word", "meta", "url", "http://169.254.169.254/latest"), owner.accessToken());
        assertThat(metadata.status()).as(metadata.toString()).isEqualTo(400);
        assertThat(metadata.problemType()).isEqualTo("/problems/webhook-address-refused");
        Reply badWord = api.post(commands(workspace), json("word", "two words", "url", integrator.url("/x")), owner.accessToken());
        assertThat(badWord.status()).as(badWord.toString()).isEqualTo(400);
        assertThat(badWord.body()).contains("\"word\"");
        register(api, owner, workspace, "once", "/in-channel");
        Reply again = api.post(commands(workspace), json("word", "ONCE", "url", integrator.url("/x")), owner.accessToken());
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("/problems/command-word-taken");
    }

    @Test
    void onlyOwnersAndManagersManageCommandsEveryMemberSeesThemAndForeignIdsAre404() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Matrix Owner");
        SignedIn manager = Accounts.signUp(api, "Matrix Manager");
        SignedIn member = Accounts.signUp(api, "Matrix Member");
        SignedIn guest = Accounts.signUp(api, "Matrix Guest");
        SignedIn outsider = Accounts.signUp(api, "Matrix Outsider");
        String workspace = workspace(api, owner, "Matrix");
        join(api, owner, workspace, manager, "MANAGER");
        join(api, owner, workspace, member, "MEMBER");
        join(api, owner, workspace, guest, "GUEST");
        String id = register(api, owner, workspace, "matrix", "/in-channel").getString("id");
        String other = workspace(api, outsider, "Elsewhere");
        String foreign = register(api, outsider, other, "foreign", "/in-channel").getString("id");

        // Listing: everyone in the workspace, URLs only for owners and managers.
        for (SignedIn who : new SignedIn[] {owner, manager, member, guest}) {
            Reply list = api.get(commands(workspace), who.accessToken());
            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            JsonObject item = list.json().getJsonArray("items").getJsonObject(0);
            assertThat(item.getString("word")).isEqualTo("matrix");
            assertThat(item.containsKey("secret") && !item.isNull("secret")).isFalse();
            assertThat(item.isNull("url")).as("url hidden for %s", who.email()).isEqualTo(who == member || who == guest);
        }
        assertThat(api.get(commands(workspace), outsider.accessToken()).status()).isEqualTo(404);

        // Managing: owners and managers; members and guests 403; outsiders 404.
        Reply byManager = api.post(commands(workspace), json("word", "managed", "url", integrator.url("/in-channel")), manager.accessToken());
        assertThat(byManager.status()).as(byManager.toString()).isEqualTo(201);
        for (SignedIn who : new SignedIn[] {member, guest}) {
            assertThat(api.post(commands(workspace), json("word", "nope", "url", integrator.url("/x")), who.accessToken()).status()).isEqualTo(403);
            assertThat(api.get(commands(workspace) + "/" + id, who.accessToken()).status()).isEqualTo(403);
            assertThat(api.patch(commands(workspace) + "/" + id, json("description", "x"), who.accessToken()).status()).isEqualTo(403);
            assertThat(api.delete(commands(workspace) + "/" + id, who.accessToken()).status()).isEqualTo(403);
        }
        assertThat(api.post(commands(workspace), json("word", "nope", "url", integrator.url("/x")), outsider.accessToken()).status()).isEqualTo(404);
        assertThat(api.delete(commands(workspace) + "/" + id, outsider.accessToken()).status()).isEqualTo(404);

        // Another workspace's command through this workspace: 404, for each verb.
        assertThat(api.get(commands(workspace) + "/" + foreign, owner.accessToken()).status()).isEqualTo(404);
        assertThat(api.patch(commands(workspace) + "/" + foreign, json("description", "x"), owner.accessToken()).status()).isEqualTo(404);
        assertThat(api.post(commands(workspace) + "/" + foreign + "/rotate-secret", json(), owner.accessToken()).status()).isEqualTo(404);
        assertThat(api.delete(commands(workspace) + "/" + foreign, owner.accessToken()).status()).isEqualTo(404);
        // Its word is unknown here; its channel is not ours.
        ran(api, owner, workspace, "/foreign", "UNKNOWN_COMMAND");
        assertThat(run(api, owner, other, "/foreign").status()).isEqualTo(404);
        assertThat(run(api, outsider, workspace, "/matrix").status()).isEqualTo(404);
        // A guest does not read #general: 404 there too.
        assertThat(run(api, guest, workspace, "/matrix").status()).isEqualTo(404);

        // Changing, rotating and deleting.
        Reply changed = api.patch(commands(workspace) + "/" + id, json("description", "Now documented", "usage", ""), manager.accessToken());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getString("description")).isEqualTo("Now documented");
        assertThat(changed.json().isNull("usage")).isTrue();
        Reply rotated = api.post(commands(workspace) + "/" + id + "/rotate-secret", json(), owner.accessToken());
        assertThat(rotated.json().getString("secret")).startsWith("whsec_");
        assertThat(api.delete(commands(workspace) + "/" + id, manager.accessToken()).status()).isEqualTo(204);
        assertThat(api.get(commands(workspace) + "/" + id, owner.accessToken()).status()).isEqualTo(404);
        ran(api, member, workspace, "/matrix", "UNKNOWN_COMMAND");
    }

    @Test
    void theListIsKeysetPaged() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Paging Owner");
        String workspace = workspace(api, owner, "Paged");
        for (String word : new String[] {"one", "two", "three"}) {
            register(api, owner, workspace, word, "/in-channel");
        }
        Reply first = api.get(commands(workspace) + "?limit=2", owner.accessToken());
        assertThat(first.json().getJsonArray("items")).hasSize(2);
        String cursor = first.json().getString("nextCursor");
        Reply second = api.get(commands(workspace) + "?limit=2&cursor=" + cursor, owner.accessToken());
        assertThat(second.json().getJsonArray("items")).hasSize(1);
        assertThat(second.json().getJsonArray("items").getJsonObject(0).getString("word")).isEqualTo("three");
        assertThat(second.json().isNull("nextCursor")).isTrue();
    }
}
