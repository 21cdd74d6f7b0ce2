package org.moim.keywordbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
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

/**
 * The keyword bot end to end: rules made through the API, people posting, the bot answering in
 * the thread after commit (so the test waits for it), handovers, and the authorization matrix.
 */
@ExtendWith(ArquillianExtension.class)
class KeywordBotIT {

    /** How long the bot may take to answer in the background. */
    private static final Duration ANSWER = Duration.ofSeconds(15);
    /** How long the test waits to be sure the bot stays silent. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return new Api(base);
    }

    private static String bot(String workspace) {
        return "/api/v1/workspaces/" + workspace + "/keyword-bot";
    }

    private static JsonArrayBuilder strings(String... values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }

    private static JsonObject rule(List<String> keywords, List<String> phrases, String reply, boolean handover, List<String> channels) {
        return Json.createObjectBuilder().add("keywords", strings(keywords.toArray(String[]::new)))
                .add("phrases", strings(phrases.toArray(String[]::new))).add("reply", reply).add("handover", handover)
                .add("channelIds", strings(channels.toArray(String[]::new))).build();
    }

    private static JsonObject rule(String reply, String... keywords) {
        return rule(List.of(keywords), List.of(), reply, false, List.of());
    }

    private JsonObject create(SignedIn by, String workspace, JsonObject rule) {
        Reply created = api().post(bot(workspace) + "/rules", rule, by.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.problemType()).as(reply.toString()).isEqualTo(type);
    }

    private String general(SignedIn owner, String workspace) {
        Reply channels = api().get("/api/v1/workspaces/" + workspace + "/channels", owner.accessToken());
        assertThat(channels.status()).as(channels.toString()).isEqualTo(200);
        return workspace;
    }

    private JsonObject post(SignedIn by, String channel, String text) {
        return post(by.accessToken(), channel, text, null);
    }

    private JsonObject post(String token, String channel, String text, String parentId) {
        JsonObject body = parentId == null ? json("text", text) : json("text", text, "parentId", parentId);
        Reply posted = api().post("/api/v1/channels/" + channel + "/messages", body, token);
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        return posted.json();
    }

    private List<JsonObject> thread(SignedIn reader, String channel, String threadId) {
        Reply page = api().get("/api/v1/channels/" + channel + "/messages?limit=200&thread=" + threadId, reader.accessToken());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.items().stream().map(JsonObject.class::cast).filter(m -> !m.getString("id").equals(threadId)).toList();
    }

    /** The bot's replies in the thread once they number {@code count} (failing after ANSWER). */
    private List<JsonObject> botReplies(SignedIn reader, String channel, String threadId, String botId, int count) throws InterruptedException {
        Instant until = Instant.now().plus(ANSWER);
        Predicate<JsonObject> byBot = m -> botId.equals(m.getString("senderId"));
        while (true) {
            List<JsonObject> replies = thread(reader, channel, threadId).stream().filter(byBot).toList();
            if (replies.size() >= count || Instant.now().isAfter(until)) {
                assertThat(replies).as("the bot's replies in thread %s", threadId).hasSize(count);
                return replies;
            }
            Thread.sleep(100);
        }
    }

    /** Waits QUIET, then checks the bot still said only {@code count} things in the thread. */
    private void staysSilent(SignedIn reader, String channel, String threadId, String botId, int count) throws InterruptedException {
        Thread.sleep(QUIET.toMillis());
        assertThat(thread(reader, channel, threadId).stream().filter(m -> botId.equals(m.getString("senderId"))).toList())
                .as("the bot's replies in thread %s", threadId).hasSize(count);
    }

    @Test
    void rulesAreManagedByOwnersAndManagersWithProblemsForBadInput() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Kb Owner");
        SignedIn manager = Accounts.signUp(api, "Kb Manager");
        SignedIn member = Accounts.signUp(api, "Kb Member");
        SignedIn guest = Accounts.signUp(api, "Kb Guest");
        SignedIn outsider = Accounts.signUp(api, "Kb Outsider");
        String ws = Chat.workspace(base, owner);
        Chat.join(base, owner, ws, manager, "MANAGER");
        Chat.join(base, owner, ws, member, "MEMBER");
        Chat.join(base, owner, ws, guest, "GUEST");
        String foreign = Chat.workspace(base, outsider);
        String general = general(owner, ws);

        Reply none = api.get(bot(ws), owner.accessToken());
        assertThat(none.status()).as(none.toString()).isEqualTo(200);
        assertThat(none.json().isNull("posterId")).isTrue();

        JsonObject made = create(manager, ws, rule(List.of("Opening Hours", " 영업시간 "), List.of("When do you OPEN"), "We open at 9.", false,
                List.of(general)));
        assertThat(made.getJsonArray("keywords").getValuesAs(jakarta.json.JsonString::getString)).containsExactly("opening hours", "영업시간");
        assertThat(made.getJsonArray("phrases").getString(0)).isEqualTo("when do you open");
        assertThat(made.getJsonArray("channelIds").getString(0)).isEqualTo(general);
        String ruleId = made.getString("id");
        assertThat(api.get(bot(ws), owner.accessToken()).json().getString("posterId")).isNotBlank();

        // The matrix: members and guests 403, outsiders and foreign ids 404.
        for (SignedIn refused : List.of(member, guest)) {
            assertProblem(api.get(bot(ws) + "/rules", refused.accessToken()), 403, "/problems/forbidden");
            assertProblem(api.post(bot(ws) + "/rules", rule("Hi", "hello"), refused.accessToken()), 403, "/problems/forbidden");
            assertProblem(api.delete(bot(ws) + "/rules/" + ruleId, refused.accessToken()), 403, "/problems/forbidden");
        }
        assertProblem(api.get(bot(ws) + "/rules", outsider.accessToken()), 404, "/problems/not-found");
        assertProblem(api.get(bot(ws) + "/rules/" + ruleId, outsider.accessToken()), 404, "/problems/not-found");
        assertProblem(api.get(bot(foreign) + "/rules/" + ruleId, outsider.accessToken()), 404, "/problems/not-found");
        assertProblem(api.delete(bot(foreign) + "/rules/" + ruleId, outsider.accessToken()), 404, "/problems/not-found");
        assertProblem(api.request("PUT", bot(foreign) + "/rules/" + ruleId).bearer(outsider.accessToken()).json(rule("x", "y")).send(),
                404, "/problems/not-found");

        // Bad input.
        assertProblem(api.post(bot(ws) + "/rules", rule(List.of(), List.of(), "Hi", false, List.of()), owner.accessToken()),
                400, "/problems/validation");
        assertProblem(api.post(bot(ws) + "/rules", rule(List.of("  ", "!!"), List.of(), "Hi", false, List.of()), owner.accessToken()),
                400, "/problems/validation");
        assertProblem(api.post(bot(ws) + "/rules", rule("x".repeat(2001), "hello"), owner.accessToken()), 400, "/problems/validation");
        assertProblem(api.post(bot(ws) + "/rules", rule("", "hello"), owner.accessToken()), 400, "/problems/validation");
        assertProblem(api.post(bot(ws) + "/rules", rule(List.of("hello"), List.of(), "Hi", false, List.of(UUID.randomUUID().toString())),
                owner.accessToken()), 400, "/problems/validation");
        assertProblem(api.post(bot(ws) + "/rules", rule(List.of("hello"), List.of(), "Hi", false, List.of(foreign)), owner.accessToken()),
                400, "/problems/validation");
        String direct = Chat.direct(base, ws, owner, member);
        assertProblem(api.post(bot(ws) + "/rules", rule(List.of("hello"), List.of(), "Hi", false, List.of(direct)), owner.accessToken()),
                400, "/problems/validation");
        assertProblem(api.request("PUT", bot(ws) + "/responders").bearer(owner.accessToken())
                .json(Json.createObjectBuilder().add("responderIds", strings(outsider.id())).build()).send(), 400, "/problems/validation");
        assertProblem(api.request("PUT", bot(ws) + "/responders").bearer(owner.accessToken())
                .json(Json.createObjectBuilder().add("responderIds", strings(guest.id())).build()).send(), 400, "/problems/validation");

        // Edit with If-Match, then a keyset page, then delete.
        Reply read = api.get(bot(ws) + "/rules/" + ruleId, owner.accessToken());
        String etag = read.headers().firstValue("ETag").orElseThrow();
        Reply edited = api.request("PUT", bot(ws) + "/rules/" + ruleId).bearer(owner.accessToken()).header("If-Match", etag)
                .json(rule("We open at 10.", "hours")).send();
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().getString("reply")).isEqualTo("We open at 10.");
        assertThat(edited.json().getJsonArray("channelIds")).isEmpty();
        assertProblem(api.request("PUT", bot(ws) + "/rules/" + ruleId).bearer(owner.accessToken()).header("If-Match", etag)
                .json(rule("Stale", "hours")).send(), 409, "/problems/stale-version");
        create(owner, ws, rule("Two", "two"));
        create(owner, ws, rule("Three", "three"));
        Reply first = api.get(bot(ws) + "/rules?limit=2", owner.accessToken());
        assertThat(first.items()).hasSize(2);
        Reply second = api.get(bot(ws) + "/rules?limit=2&cursor=" + first.json().getString("nextCursor"), manager.accessToken());
        assertThat(second.items()).hasSize(1);
        assertThat(second.json().isNull("nextCursor")).isTrue();
        assertThat(first.items().getJsonObject(0).getString("id")).isEqualTo(ruleId);
        assertThat(api.delete(bot(ws) + "/rules/" + ruleId, manager.accessToken()).status()).isEqualTo(204);
        assertProblem(api.get(bot(ws) + "/rules/" + ruleId, owner.accessToken()), 404, "/problems/not-found");
    }

    @Test
    void theBotAnswersAMatchingMessageOnceInItsThreadKoreanIncludedAndNeverABot() throws Exception {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Kb Owner2");
        SignedIn mina = Accounts.signUp(api, "Kb Mina");
        String ws = Chat.workspace(base, owner, mina);
        String general = general(owner, ws);
        Reply side = api.post("/api/v1/workspaces/" + ws + "/channels", json("name", "help-desk", "isPrivate", false), owner.accessToken());
        assertThat(side.status()).as(side.toString()).isEqualTo(201);
        String helpDesk = side.json().getString("id");
        Reply joined = api.post("/api/v1/channels/" + helpDesk + "/join", json(), mina.accessToken());
        assertThat(joined.status()).as(joined.toString()).isIn(200, 204);
        create(owner, ws, rule("We open at 9. 오전 9시에 엽니다.", "opening hours", "영업시간"));
        String refundRule = create(owner, ws, rule(List.of("refund"), List.of(), "Refunds: see the help desk.", false, List.of(helpDesk)))
                .getString("id");
        String botId = api.get(bot(ws), owner.accessToken()).json().getString("posterId");

        JsonObject asked = post(mina, general, "What are your OPENING hours?");
        JsonObject reply = botReplies(owner, general, asked.getString("id"), botId, 1).get(0);
        assertThat(reply.getString("text")).isEqualTo("We open at 9. 오전 9시에 엽니다.");
        assertThat(reply.getBoolean("senderBot")).isTrue();
        assertThat(reply.getString("parentId")).isEqualTo(asked.getString("id"));

        JsonObject korean = post(mina, general, "영업시간이 어떻게 되나요?");
        botReplies(mina, general, korean.getString("id"), botId, 1);

        // In the thread: a reply that matches is answered in the same thread, once.
        JsonObject inThread = post(mina.accessToken(), general, "and the opening hours on Sunday?", asked.getString("id"));
        botReplies(owner, general, asked.getString("id"), botId, 2);
        assertThat(inThread.getString("parentId")).isEqualTo(asked.getString("id"));

        // Not a match, not in the rule's channels: nothing.
        JsonObject nothing = post(mina, general, "the opening was great");
        JsonObject elsewhere = post(mina, general, "I want a refund");
        JsonObject there = post(mina, helpDesk, "I want a refund");
        botReplies(mina, helpDesk, there.getString("id"), botId, 1);
        staysSilent(owner, general, nothing.getString("id"), botId, 0);
        staysSilent(owner, general, elsewhere.getString("id"), botId, 0);

        // Rules answer as they are now: the bot matches against the rules the data grid keeps (for a
        // minute), which are forgotten when a rule is created, changed or deleted.
        Reply changed = api.request("PUT", bot(ws) + "/rules/" + refundRule).bearer(owner.accessToken())
                .json(rule(List.of("refund", "money back"), List.of(), "Refunds: ask Joon.", false, List.of(helpDesk))).send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonObject again = post(mina, helpDesk, "I want my money back");
        assertThat(botReplies(mina, helpDesk, again.getString("id"), botId, 1).get(0).getString("text")).isEqualTo("Refunds: ask Joon.");
        create(owner, ws, rule(List.of("exchange"), List.of(), "Exchanges within 30 days.", false, List.of(helpDesk)));
        JsonObject exchange = post(mina, helpDesk, "can I exchange it?");
        assertThat(botReplies(mina, helpDesk, exchange.getString("id"), botId, 1).get(0).getString("text"))
                .isEqualTo("Exchanges within 30 days.");
        assertThat(api.delete(bot(ws) + "/rules/" + refundRule, owner.accessToken()).status()).isEqualTo(204);
        JsonObject afterDelete = post(mina, helpDesk, "refund?");
        staysSilent(owner, helpDesk, afterDelete.getString("id"), botId, 0);

        // A bot's message is never answered (no loops): a bot account with a token says the keyword.
        Reply made = api.post("/api/v1/workspaces/" + ws + "/bots", json("name", "Echo bot"), owner.accessToken());
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        Reply minted = api.post("/api/v1/workspaces/" + ws + "/bots/" + made.json().getString("id") + "/tokens",
                Json.createObjectBuilder().add("name", "t").add("scopes", strings("read", "chat:write")).add("expiresInDays", 1).build(),
                owner.accessToken());
        assertThat(minted.status()).as(minted.toString()).isEqualTo(201);
        JsonObject byBot = post(minted.json().getString("secret"), general, "opening hours?", null);
        assertThat(byBot.getBoolean("senderBot")).isTrue();
        staysSilent(owner, general, byBot.getString("id"), botId, 0);
        // And the first question still has exactly its one answer (plus the thread's second).
        assertThat(thread(owner, general, asked.getString("id")).stream().filter(m -> botId.equals(m.getString("senderId")))).hasSize(2);
    }

    @Test
    void aHandoverNotifiesTheRespondersOnceAndTakingItSilencesTheBot() throws Exception {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Kb Owner3");
        SignedIn responder = Accounts.signUp(api, "Kb Responder");
        SignedIn other = Accounts.signUp(api, "Kb Other");
        SignedIn mina = Accounts.signUp(api, "Kb Mina3");
        String ws = Chat.workspace(base, owner, responder, other, mina);
        String general = general(owner, ws);
        create(owner, ws, rule(List.of("agent", "사람", "상담원"), List.of("talk to a person"), "A person will be with you shortly. 곧 담당자가 옵니다.",
                true, List.of()));
        create(owner, ws, rule("We open at 9.", "hours"));
        Reply chosen = api.request("PUT", bot(ws) + "/responders").bearer(owner.accessToken())
                .json(Json.createObjectBuilder().add("responderIds", strings(responder.id())).build()).send();
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        assertThat(chosen.json().getJsonArray("responderIds").getString(0)).isEqualTo(responder.id());
        String botId = chosen.json().getString("posterId");

        JsonObject asked = post(mina, general, "상담원 연결해 주세요");
        String thread = asked.getString("id");
        assertThat(botReplies(owner, general, thread, botId, 1).get(0).getString("text")).startsWith("A person will be with you shortly.");

        JsonObject notice = waitForNotice(responder);
        assertThat(notice.getString("title")).isEqualTo("Kb Mina3 asked for a person in #general");
        assertThat(notice.getString("link")).startsWith("#/w/" + ws + "/chat/" + general);
        String handover = notice.getString("subjectId");
        assertThat(api.get("/api/v1/me/notifications", other.accessToken()).items().stream().map(JsonObject.class::cast)
                .filter(n -> "keyword-bot.handover".equals(n.getString("kind")))).isEmpty();

        // Asking again in the same thread asks nobody again; other rules still answer until it is taken.
        post(mina.accessToken(), general, "agent please!", thread);
        post(mina.accessToken(), general, "what are your hours", thread);
        botReplies(owner, general, thread, botId, 2);

        String handovers = bot(ws) + "/handovers/" + handover;
        assertProblem(api.post(handovers + "/take", json(), other.accessToken()), 403, "/problems/forbidden");
        SignedIn outsider = Accounts.signUp(api, "Kb Outsider3");
        String foreign = Chat.workspace(base, outsider);
        assertProblem(api.post(bot(foreign) + "/handovers/" + handover + "/take", json(), outsider.accessToken()), 404, "/problems/not-found");
        Reply taken = api.post(handovers + "/take", json(), responder.accessToken());
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.json().getString("takenBy")).isEqualTo(responder.id());
        assertThat(api.post(handovers + "/take", json(), responder.accessToken()).status()).isEqualTo(200);
        assertProblem(api.post(handovers + "/take", json(), owner.accessToken()), 409, "/problems/handover-taken");
        assertThat(api.get(handovers, owner.accessToken()).json().getString("takenBy")).isEqualTo(responder.id());
        List<JsonObject> said = botReplies(owner, general, thread, botId, 3);
        assertThat(said.get(2).getString("text")).startsWith("Taken by Kb Responder");

        // Taken: the bot is silent in that thread, and still answers elsewhere.
        post(mina.accessToken(), general, "what are your hours", thread);
        post(mina.accessToken(), general, "agent?", thread);
        staysSilent(owner, general, thread, botId, 3);
        JsonObject fresh = post(mina, general, "hours?");
        botReplies(owner, general, fresh.getString("id"), botId, 1);
        assertThat(api.get("/api/v1/me/notifications", responder.accessToken()).items().stream().map(JsonObject.class::cast)
                .filter(n -> "keyword-bot.handover".equals(n.getString("kind")))).hasSize(1);
    }

    private JsonObject waitForNotice(SignedIn who) throws InterruptedException {
        Instant until = Instant.now().plus(ANSWER);
        while (true) {
            Reply inbox = api().get("/api/v1/me/notifications", who.accessToken());
            assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
            var found = inbox.items().stream().map(JsonObject.class::cast).filter(n -> "keyword-bot.handover".equals(n.getString("kind"))).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertThat(Instant.now()).as("a handover notification").isBefore(until);
            Thread.sleep(100);
        }
    }
}
