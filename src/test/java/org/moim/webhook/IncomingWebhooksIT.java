package org.moim.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
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
import org.moim.it.WsClient;

/**
 * Incoming webhooks through the public API: who may make them (the role matrix, 404 for channels
 * one does not read and for hooks of another channel), Slack bodies (mrkdwn, username, blocks,
 * attachments) posted as messages with the hook's name and a bot badge, live and in history; bad
 * input (wrong secret, not JSON, nothing to show, a wrong type, too large) answered with its
 * problem and nothing stored; a retried delivery posted once; a flood refused with Retry-After
 * (failsafe allows 8 posts per hook and hour, bodies up to 8 KiB); a new secret and a deleted hook.
 */
@ExtendWith(ArquillianExtension.class)
class IncomingWebhooksIT {

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
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.problemType()).as(reply.toString()).isEqualTo(type);
    }

    private static String hooks(String channel) {
        return "/api/v1/channels/" + channel + "/incoming-webhooks";
    }

    /** Makes a hook and answers its secret (the last part of its URL). */
    private String hook(String channel, SignedIn who, String name) {
        Reply made = api().post(hooks(channel), json("name", name), who.accessToken());
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String url = made.json().getString("url");
        assertThat(url).startsWith("http").contains("/api/v1/hooks/moim_hook_");
        assertThat(made.json().getString("name")).isEqualTo(name);
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private Reply deliver(String secret, String body) {
        return deliver(secret, body, null);
    }

    private Reply deliver(String secret, String body, String key) {
        Api.Request request = api().request("POST", "/api/v1/hooks/" + secret).body("application/json", body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.send();
    }

    private List<JsonObject> messages(String channel, SignedIn reader) {
        Reply history = api().get("/api/v1/channels/" + channel + "/messages?limit=200", reader.accessToken());
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        return history.items().getValuesAs(JsonObject.class);
    }

    @Test
    void slackBodiesBecomeMessagesWithTheHooksNameAndABadgeLiveAndInHistory() throws Exception {
        Api api = api();
        SignedIn ann = Accounts.signUp(api, "Ann Hooks");
        SignedIn ben = Accounts.signUp(api, "Ben Reader");
        String ws = Chat.workspace(base, ann, ben);
        api.get("/api/v1/workspaces/" + ws + "/channels", ann.accessToken());
        String general = ws;
        String secret = hook(general, ann, "Deploy bot");

        WsClient reader = Chat.connect(base, ben);
        Chat.subscribe(reader, general, null);

        Reply posted = deliver(secret, """
                {"text": "*Deployed* _v2_ ~old~ to <https://ci.example.com/42|build 42> &amp; <!channel> cc <@U123|ann> in <#C1|ops>\\n`*kept*`"}""");
        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        assertThat(posted.json().getBoolean("ok")).isTrue();
        assertThat(posted.json().getBoolean("duplicate")).isFalse();
        assertThat(posted.json().getString("channelId")).isEqualTo(general);
        JsonObject frame = reader.next(f -> "message".equals(f.getString("type", ""))).getJsonObject("message");
        assertThat(frame.getString("text")).isEqualTo(
                "**Deployed** _v2_ ~~old~~ to [build 42](https://ci.example.com/42) & @channel cc @ann in #ops\n`*kept*`");
        assertThat(frame.getBoolean("senderBot")).isTrue();
        assertThat(frame.getString("senderName")).isEqualTo("Deploy bot");
        assertThat(frame.getString("id")).isEqualTo(posted.json().getString("messageId"));

        Reply renamed = deliver(secret, """
                {"text": "Nightly build passed", "username": "Nightly", "icon_url": "https://ci.example.com/icon.png", "channel": "#ignored"}""");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(reader.next(f -> "message".equals(f.getString("type", ""))).getJsonObject("message").getString("senderName")).isEqualTo("Nightly");

        Reply blocks = deliver(secret, """
                {"text": "fallback only", "blocks": [
                  {"type": "header", "text": {"type": "plain_text", "text": "Release 3.1"}},
                  {"type": "section", "text": {"type": "mrkdwn", "text": "*Ready* for review"},
                   "fields": [{"type": "mrkdwn", "text": "*Owner:* Ann"}]},
                  {"type": "divider"},
                  {"type": "image", "image_url": "https://example.com/x.png", "alt_text": "x"},
                  {"type": "context", "elements": [{"type": "mrkdwn", "text": "from CI"}, {"type": "plain_text", "text": "2 min"}]}]}""");
        assertThat(blocks.status()).as(blocks.toString()).isEqualTo(200);
        assertThat(reader.next(f -> "message".equals(f.getString("type", ""))).getJsonObject("message").getString("text"))
                .isEqualTo("**Release 3.1**\n\n**Ready** for review\n**Owner:** Ann\n\n---\n\nfrom CI · 2 min");

        Reply attachments = deliver(secret, """
                {"attachments": [
                  {"pretext": "New alert", "title": "CPU high", "title_link": "https://mon.example.com/1", "text": "92% on *web-1*",
                   "fields": [{"title": "Host", "value": "web-1", "short": true}, {"title": "Since", "value": "10:02"}], "color": "#f00"},
                  {"fallback": "Only a fallback"}]}""");
        assertThat(attachments.status()).as(attachments.toString()).isEqualTo(200);
        assertThat(reader.next(f -> "message".equals(f.getString("type", ""))).getJsonObject("message").getString("text")).isEqualTo(
                "New alert\n**[CPU high](https://mon.example.com/1)**\n92% on **web-1**\n**Host:** web-1\n**Since:** 10:02\n\nOnly a fallback");

        List<JsonObject> history = messages(general, ann);
        assertThat(history).hasSize(4);
        assertThat(history).allSatisfy(m -> assertThat(m.getBoolean("senderBot")).isTrue());
        assertThat(history.stream().map(m -> m.getString("senderName")).toList())
                .containsExactly("Deploy bot", "Nightly", "Deploy bot", "Deploy bot");

        // A retried delivery with the same Idempotency-Key is posted once.
        Reply first = deliver(secret, "{\"text\": \"Build 7 passed\"}", "build-7");
        Reply again = deliver(secret, "{\"text\": \"Build 7 passed\"}", "build-7");
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().getBoolean("duplicate")).isTrue();
        assertThat(again.json().getString("messageId")).isEqualTo(first.json().getString("messageId"));
        assertThat(messages(general, ann)).hasSize(5);

        // The URL is its own credential: an integration that sends its personal access token
        // along (with no admin scope) is not refused for it.
        Reply token = api().post("/api/v1/me/tokens", Json.createObjectBuilder().add("name", "CI")
                .add("scopes", Json.createArrayBuilder().add("read")).add("expiresInDays", 7).build(), ann.accessToken());
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        Reply withToken = api().request("POST", "/api/v1/hooks/" + secret).bearer(token.json().getString("secret"))
                .body("application/json", "{\"text\": \"Build 8 passed\"}").send();
        assertThat(withToken.status()).as(withToken.toString()).isEqualTo(200);
        assertThat(messages(general, ann)).hasSize(6);
        reader.close();
    }

    @Test
    void badDeliveriesGetTheirProblemAndStoreNothing() {
        Api api = api();
        SignedIn ann = Accounts.signUp(api, "Ann Bad Input");
        String ws = Chat.workspace(base, ann);
        api.get("/api/v1/workspaces/" + ws + "/channels", ann.accessToken());
        String secret = hook(ws, ann, "Alerts");

        assertProblem(deliver("moim_hook_" + "x".repeat(43), "{\"text\": \"hi\"}"), 404, "/problems/not-found");
        assertProblem(deliver("nonsense", "{\"text\": \"hi\"}"), 404, "/problems/not-found");
        Reply notJson = deliver(secret, "{\"text\": \"hi\"");
        assertProblem(notJson, 400, "/problems/malformed-request");
        assertThat(notJson.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("body");
        assertProblem(deliver(secret, "{\"text\": \"hi\"} {}"), 400, "/problems/malformed-request");
        Reply nothing = deliver(secret, "{\"username\": \"x\"}");
        assertProblem(nothing, 400, "/problems/validation");
        assertThat(nothing.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("text");
        Reply wrongType = deliver(secret, "{\"text\": 5}");
        assertProblem(wrongType, 400, "/problems/malformed-request");
        assertThat(wrongType.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("text");
        Reply badBlock = deliver(secret, "{\"blocks\": [{\"type\": \"section\", \"text\": \"plain\"}]}");
        assertProblem(badBlock, 400, "/problems/malformed-request");
        assertThat(badBlock.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("blocks[0].text");
        assertProblem(deliver(secret, "{\"text\": \"" + "a".repeat(9000) + "\"}"), 413, "/problems/payload-too-large");
        assertThat(messages(ws, ann)).isEmpty();
    }

    @Test
    void aFloodIsRefusedWithRetryAfterPerHook() {
        Api api = api();
        SignedIn ann = Accounts.signUp(api, "Ann Flood");
        String ws = Chat.workspace(base, ann);
        api.get("/api/v1/workspaces/" + ws + "/channels", ann.accessToken());
        String flooded = hook(ws, ann, "Chatty");
        String quiet = hook(ws, ann, "Quiet");
        for (int i = 1; i <= 8; i++) {
            assertThat(deliver(flooded, "{\"text\": \"tick " + i + "\"}").status()).isEqualTo(200);
        }
        Reply refused = deliver(flooded, "{\"text\": \"tick 9\"}");
        assertProblem(refused, 429, "/problems/rate-limited");
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isPositive();
        assertThat(deliver(quiet, "{\"text\": \"still heard\"}").status()).isEqualTo(200);
        assertThat(messages(ws, ann)).hasSize(9);
    }

    @Test
    void ownersAndManagersWhoReadTheChannelManageItsHooksAndEveryoneElseIsRefused() {
        Api api = api();
        SignedIn ann = Accounts.signUp(api, "Ann Owner");
        SignedIn max = Accounts.signUp(api, "Max Manager");
        SignedIn mia = Accounts.signUp(api, "Mia Member");
        SignedIn gus = Accounts.signUp(api, "Gus Guest");
        SignedIn eve = Accounts.signUp(api, "Eve Elsewhere");
        String ws = Chat.workspace(base, ann, mia);
        Chat.join(base, ann, ws, max, "MANAGER");
        Chat.join(base, ann, ws, gus, "GUEST");
        String foreign = Chat.workspace(base, eve);
        api.get("/api/v1/workspaces/" + ws + "/channels", ann.accessToken());
        api.get("/api/v1/workspaces/" + foreign + "/channels", eve.accessToken());

        assertThat(api.post(hooks(ws), json("name", "By Ann"), ann.accessToken()).status()).isEqualTo(201);
        assertThat(api.post(hooks(ws), json("name", "By Max"), max.accessToken()).status()).isEqualTo(201);
        assertProblem(api.post(hooks(ws), json("name", "By Mia"), mia.accessToken()), 403, "/problems/forbidden");
        assertProblem(api.post(hooks(ws), json("name", "By Gus"), gus.accessToken()), 404, "/problems/not-found");
        assertProblem(api.post(hooks(ws), json("name", "By Eve"), eve.accessToken()), 404, "/problems/not-found");
        assertProblem(api.get(hooks(ws), mia.accessToken()), 403, "/problems/forbidden");
        assertProblem(api.get(hooks(ws), eve.accessToken()), 404, "/problems/not-found");
        assertProblem(api.post(hooks(ws), json("name", " "), ann.accessToken()), 400, "/problems/validation");
        assertProblem(api.post(hooks(ws), json("name", "x"), null), 401, "/problems/unauthorized");

        // A private channel Max is not in is 404 to him; a direct conversation has no hooks.
        Reply secretRoom = api.post("/api/v1/workspaces/" + ws + "/channels", json("name", "secret-room", "isPrivate", true), ann.accessToken());
        assertThat(secretRoom.status()).as(secretRoom.toString()).isEqualTo(201);
        String privateChannel = secretRoom.json().getString("id");
        assertProblem(api.post(hooks(privateChannel), json("name", "Max's"), max.accessToken()), 404, "/problems/not-found");
        String direct = Chat.direct(base, ws, ann, mia);
        assertProblem(api.post(hooks(direct), json("name", "DM hook"), ann.accessToken()), 404, "/problems/not-found");

        // A private channel's hook posts into it: its bot is a member; Mia, not in it, sees nothing.
        String roomSecret = hook(privateChannel, ann, "Room feed");
        assertThat(deliver(roomSecret, "{\"text\": \"for the room\"}").status()).isEqualTo(200);
        assertThat(messages(privateChannel, ann)).extracting(m -> m.getString("text")).containsExactly("for the room");
        assertProblem(api.get("/api/v1/channels/" + privateChannel + "/messages", mia.accessToken()), 404, "/problems/not-found");

        // The list is a keyset page.
        hook(ws, ann, "Third");
        Reply page = api.get(hooks(ws) + "?limit=2", max.accessToken());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.items()).hasSize(2);
        assertThat(page.items().getJsonObject(0).isNull("url")).isTrue();
        String cursor = page.json().getString("nextCursor");
        Reply rest = api.get(hooks(ws) + "?limit=2&cursor=" + cursor, max.accessToken());
        List<String> names = new ArrayList<>();
        page.items().getValuesAs(JsonObject.class).forEach(h -> names.add(h.getString("name")));
        rest.items().getValuesAs(JsonObject.class).forEach(h -> names.add(h.getString("name")));
        assertThat(names).containsExactly("By Ann", "By Max", "Third");
        assertThat(rest.json().isNull("nextCursor")).isTrue();
        String hookId = page.items().getJsonObject(0).getString("id");

        // Another channel's or workspace's ids are 404.
        assertProblem(api.delete(hooks(privateChannel) + "/" + hookId, ann.accessToken()), 404, "/problems/not-found");
        assertProblem(api.delete(hooks(foreign) + "/" + hookId, eve.accessToken()), 404, "/problems/not-found");
        assertProblem(api.post(hooks(foreign) + "/" + hookId + "/secret", json(), eve.accessToken()), 404, "/problems/not-found");
        assertProblem(api.delete(hooks(ws) + "/" + hookId, mia.accessToken()), 403, "/problems/forbidden");

        // A new secret: the old URL is 404 at once, the new one posts.
        String oldSecret = hook(ws, ann, "Rotated");
        String rotatedId = api.get(hooks(ws), ann.accessToken()).items().getValuesAs(JsonObject.class).stream()
                .filter(h -> h.getString("name").equals("Rotated")).findFirst().orElseThrow().getString("id");
        Reply replaced = api.post(hooks(ws) + "/" + rotatedId + "/secret", json(), max.accessToken());
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        String newUrl = replaced.json().getString("url");
        String newSecret = newUrl.substring(newUrl.lastIndexOf('/') + 1);
        assertThat(newSecret).isNotEqualTo(oldSecret);
        assertProblem(deliver(oldSecret, "{\"text\": \"old\"}"), 404, "/problems/not-found");
        assertThat(deliver(newSecret, "{\"text\": \"new\"}").status()).isEqualTo(200);

        // A deleted hook's URL is 404; its messages stay, with its name.
        assertThat(api.delete(hooks(ws) + "/" + rotatedId, max.accessToken()).status()).isEqualTo(204);
        assertProblem(deliver(newSecret, "{\"text\": \"gone\"}"), 404, "/problems/not-found");
        assertThat(messages(ws, ann)).extracting(m -> m.getString("senderName")).containsExactly("Rotated");
        assertProblem(api.delete(hooks(ws) + "/" + rotatedId, ann.accessToken()), 404, "/problems/not-found");

        // An archived channel takes no post.
        String archivedSecret = hook(privateChannel, ann, "Late");
        assertThat(api.post("/api/v1/channels/" + privateChannel + "/archive", json(), ann.accessToken()).status()).isEqualTo(200);
        assertProblem(deliver(archivedSecret, "{\"text\": \"too late\"}"), 409, "/problems/channel-archived");
    }
}
