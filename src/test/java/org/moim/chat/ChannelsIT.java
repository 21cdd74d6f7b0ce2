package org.moim.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;
import static org.moim.it.Chat.connect;
import static org.moim.it.Chat.frame;
import static org.moim.it.Chat.join;
import static org.moim.it.Chat.reply;
import static org.moim.it.Chat.send;
import static org.moim.it.Chat.subscribe;
import static org.moim.it.Chat.workspace;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
import org.moim.it.Deployments;
import org.moim.it.WsClient;

/**
 * Workspace channels against a running server: general, public and private channels, the
 * permission matrix (role × action × someone else's workspace), bad input, archive, mute and
 * {@code @channel}; messages through the same path as every channel (sockets, history, search).
 */
@ExtendWith(ArquillianExtension.class)
class ChannelsIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return new Api(base);
    }

    private SignedIn user(String name) {
        return Accounts.signUp(api(), name);
    }

    private Reply get(String path, SignedIn who) {
        return api().get(path, who.accessToken());
    }

    private Reply post(String path, JsonObject body, SignedIn who) {
        return api().post(path, body, who.accessToken());
    }

    private Reply create(String workspace, SignedIn who, String name, boolean isPrivate, SignedIn... members) {
        var ids = Json.createArrayBuilder();
        for (SignedIn member : members) {
            ids.add(member.id());
        }
        return post("/api/v1/workspaces/" + workspace + "/channels",
                Json.createObjectBuilder().add("name", name).add("isPrivate", isPrivate).add("memberIds", ids).build(), who);
    }

    private String created(String workspace, SignedIn who, String name, boolean isPrivate, SignedIn... members) {
        Reply created = create(workspace, who, name, isPrivate, members);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("id");
    }

    private List<JsonObject> channels(String workspace, SignedIn who) {
        Reply list = get("/api/v1/workspaces/" + workspace + "/channels", who);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.items().getValuesAs(JsonObject.class);
    }

    private static List<String> names(List<JsonObject> channels) {
        return channels.stream().filter(c -> "WORKSPACE".equals(c.getString("kind"))).map(c -> c.getString("name")).toList();
    }

    private Reply invite(String channel, SignedIn who, SignedIn... invited) {
        var ids = Json.createArrayBuilder();
        for (SignedIn member : invited) {
            ids.add(member.id());
        }
        return post("/api/v1/channels/" + channel + "/members", Json.createObjectBuilder().add("accountIds", ids).build(), who);
    }

    private List<String> members(String channel, SignedIn who) {
        return get("/api/v1/channels/" + channel + "/members", who).json().getJsonArray("accountIds")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private List<JsonObject> chatNotifications(SignedIn who) {
        return get("/api/v1/me/notifications", who).json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(n -> n.getString("kind").startsWith("chat.")).toList();
    }

    /** The chat notifications once one of {@code kind} is among them: @channel's are written after the post commits (a queue). */
    private List<JsonObject> chatNotificationsOnce(SignedIn who, String kind) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            List<JsonObject> found = chatNotifications(who);
            if (found.stream().anyMatch(n -> kind.equals(n.getString("kind")))) {
                return found;
            }
            assertThat(Instant.now()).as("a %s notification; now %s", kind, found).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static String fieldOf(Reply problem) {
        return problem.json().getJsonArray("errors").getJsonObject(0).getString("field");
    }

    @Test
    void everyWorkspaceHasAGeneralChannelThatEveryoneButGuestsIsIn() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        SignedIn gus = user("Gus");
        String workspace = workspace(base, ann, ben);
        join(base, ann, workspace, gus, "GUEST");

        List<JsonObject> anns = channels(workspace, ann);
        JsonObject general = anns.stream().filter(c -> c.getBoolean("general")).findFirst().orElseThrow();
        assertThat(general.getString("id")).isEqualTo(workspace);
        assertThat(general.getString("name")).isEqualTo("general");
        assertThat(general.getString("kind")).isEqualTo("WORKSPACE");
        assertThat(names(channels(workspace, ben))).containsExactly("general");
        assertThat(names(channels(workspace, gus))).as("guests are not in general").isEmpty();
        assertThat(get("/api/v1/channels/" + workspace, gus).status()).isEqualTo(404);
        assertThat(members(workspace, ann)).containsExactly(ann.id(), ben.id());

        SignedIn cid = user("Cid");
        join(base, ann, workspace, cid, "MEMBER");
        assertThat(members(workspace, ann)).as("a new member is in general at once").containsExactly(ann.id(), ben.id(), cid.id());

        WsClient bens = connect(base, ben);
        subscribe(bens, workspace, null);
        WsClient cids = connect(base, cid);
        send(cids, workspace, "hello everyone", null);
        assertThat(bens.next("message").getJsonObject("message").getString("text")).isEqualTo("hello everyone");

        Reply leave = post("/api/v1/channels/" + workspace + "/leave", json(), ben);
        assertThat(leave.status()).as(leave.toString()).isEqualTo(409);
        assertThat(leave.problemType()).isEqualTo("/problems/general-channel");
        Reply archive = post("/api/v1/channels/" + workspace + "/archive", json(), ann);
        assertThat(archive.problemType()).isEqualTo("/problems/general-channel");
    }

    /**
     * Issue 18, item 3: my channels (oldest first), the channel browser (by name) and a channel's
     * readers (by name) come a page at a time; walked one item per page they give exactly the
     * whole list, each item once; a cursor of one order is refused by a list of the other.
     */
    @Test
    void myChannelsTheBrowserAndReadersComeAPageAtATime() {
        SignedIn ann = user("Ann Pages");
        SignedIn ben = user("Ben Pages");
        SignedIn cid = user("Cid Pages");
        String workspace = workspace(base, ann, ben, cid);
        for (String name : List.of("zebra", "Alpha", "알파", "mango")) {
            created(workspace, ann, name, false, ben);
        }
        created(workspace, ann, "hidden", true);

        String mine = "/api/v1/workspaces/" + workspace + "/channels";
        List<String> allMine = ids(get(mine + "?limit=200", ann));
        assertThat(walk(mine, ann, "id")).as("my channels, one per page").containsExactlyElementsOf(allMine).hasSize(6);

        String browse = "/api/v1/workspaces/" + workspace + "/channels/browse";
        assertThat(walk(browse, ben, "name")).as("the browser by name, case folded")
                .containsExactly("Alpha", "general", "mango", "zebra", "알파");

        String readers = "/api/v1/channels/" + workspace + "/readers";
        assertThat(walk(readers, cid, "displayName")).as("the general channel's readers by name")
                .containsExactly("Ann Pages", "Ben Pages", "Cid Pages");

        String byTime = get(mine + "?limit=1", ann).json().getString("nextCursor");
        String byName = get(browse + "?limit=1", ann).json().getString("nextCursor");
        for (Reply refused : List.of(get(browse + "?cursor=" + byTime, ann), get(readers + "?cursor=" + byTime, ann),
                get(mine + "?cursor=" + byName, ann), get(mine + "?limit=0", ann), get(readers + "?limit=201", ann))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("field")).isIn("cursor", "limit");
        }
    }

    /** Every item's {@code field}, page after page of one item each. */
    private List<String> walk(String path, SignedIn who, String field) {
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            Reply reply = get(path + "?limit=1" + (cursor == null ? "" : "&cursor=" + cursor), who);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            reply.items().getValuesAs(JsonObject.class).forEach(item -> seen.add(item.getString(field)));
            if (reply.json().isNull("nextCursor")) {
                return seen;
            }
            cursor = reply.json().getString("nextCursor");
        }
        throw new AssertionError("more than 50 pages of " + path);
    }

    private static List<String> ids(Reply page) {
        return page.items().getValuesAs(JsonObject.class).stream().map(c -> c.getString("id")).toList();
    }

    @Test
    void aPublicChannelIsFoundJoinedAndUsedLikeAnyChannel() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        String workspace = workspace(base, ann, ben);
        String design = created(workspace, ann, "디자인", false);
        Reply edited = api().patch("/api/v1/channels/" + design, json("topic", "Logos and colours", "description", "All things visual"),
                ann.accessToken());
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);

        List<JsonObject> browsed = get("/api/v1/workspaces/" + workspace + "/channels/browse", ben).items().getValuesAs(JsonObject.class);
        assertThat(browsed).extracting(c -> c.getString("name")).containsExactly("general", "디자인");
        JsonObject found = browsed.get(1);
        assertThat(found.getBoolean("joined")).isFalse();
        assertThat(found.getInt("memberCount")).isEqualTo(1);
        assertThat(found.getString("topic")).isEqualTo("Logos and colours");
        assertThat(get("/api/v1/channels/" + design + "/messages", ben).status()).as("read after joining").isEqualTo(404);

        Reply joined = post("/api/v1/channels/" + design + "/join", json(), ben);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(post("/api/v1/channels/" + design + "/join", json(), ben).status()).as("joining twice is no error").isEqualTo(200);
        assertThat(names(channels(workspace, ben))).containsExactly("general", "디자인");

        WsClient anns = connect(base, ann);
        subscribe(anns, design, null);
        WsClient bens = connect(base, ben);
        send(bens, design, "첫 시안 올렸어요 @channel", "k1");
        JsonObject message = anns.next("message");
        assertThat(message.getJsonObject("message").getString("text")).isEqualTo("첫 시안 올렸어요 @channel");
        assertThat(message.getJsonNumber("sequence").longValue()).isEqualTo(1);
        assertThat(send(bens, design, "첫 시안 올렸어요 @channel", "k1").getJsonNumber("sequence").longValue())
                .as("idempotent like every channel").isEqualTo(1);
        assertThat(chatNotificationsOnce(ann, "chat.channel")).extracting(n -> n.getString("kind")).containsExactly("chat.channel");

        JsonObject listed = channels(workspace, ann).stream().filter(c -> design.equals(c.getString("id"))).findFirst().orElseThrow();
        assertThat(listed.getInt("unread")).isEqualTo(1);
        assertThat(listed.getInt("mentions")).as("@channel counts as a mention").isEqualTo(1);
        Reply search = get("/api/v1/workspaces/" + workspace + "/messages?q=" + java.net.URLEncoder.encode("시안", java.nio.charset.StandardCharsets.UTF_8), ann);
        assertThat(search.json().getJsonArray("items")).hasSize(1);

        assertThat(post("/api/v1/channels/" + design + "/leave", json(), ben).status()).isEqualTo(204);
        assertThat(get("/api/v1/channels/" + design, ben).status()).isEqualTo(404);
        assertThat(names(channels(workspace, ben))).containsExactly("general");
    }

    @Test
    void aPrivateChannelIsNotFoundByThoseNotInItEvenInSearchAndNotifications() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        SignedIn eve = user("Eve");
        String workspace = workspace(base, ann, ben, eve);
        String secret = created(workspace, ann, "Salaries", true, ben);
        assertThat(members(secret, ben)).containsExactlyInAnyOrder(ann.id(), ben.id());

        WsClient anns = connect(base, ann);
        frame(anns, "type", "send", "id", "m", "channelId", secret, "text", "the numbers for @Eve and @Ben", "mentions",
                Json.createArrayBuilder().add(eve.id()).add(ben.id()).build());
        assertThat(reply(anns, "m").getString("type")).isEqualTo("ack");

        assertThat(chatNotifications(ben)).extracting(n -> n.getString("kind"))
                .as("put in the channel by Ann, then mentioned").containsExactlyInAnyOrder("chat.channel-added", "chat.mentioned");
        assertThat(chatNotifications(eve)).as("a mention never tells a non-member").isEmpty();
        for (String path : List.of("", "/messages", "/members")) {
            Reply reply = get("/api/v1/channels/" + secret + path, eve);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.body()).doesNotContain("Salaries");
        }
        assertThat(api().patch("/api/v1/channels/" + secret, json("name", "mine"), eve.accessToken()).status()).isEqualTo(404);
        assertThat(post("/api/v1/channels/" + secret + "/archive", json(), ann).status()).isEqualTo(200);
        assertThat(post("/api/v1/channels/" + secret + "/unarchive", json(), eve).status()).isEqualTo(404);
        assertThat(post("/api/v1/channels/" + secret + "/unarchive", json(), ann).status()).isEqualTo(200);
        Reply join = post("/api/v1/channels/" + secret + "/join", json(), eve);
        assertThat(join.status()).isEqualTo(403);
        assertThat(join.problemType()).isEqualTo("/problems/channel-invite-only");
        assertThat(join.body()).doesNotContain("Salaries");
        assertThat(get("/api/v1/workspaces/" + workspace + "/channels/browse", eve).body()).doesNotContain("Salaries");
        assertThat(names(channels(workspace, eve))).containsExactly("general");
        assertThat(get("/api/v1/workspaces/" + workspace + "/messages?q=numbers", eve).json().getJsonArray("items")).isEmpty();
        assertThat(get("/api/v1/workspaces/" + workspace + "/messages?q=numbers", ben).json().getJsonArray("items")).hasSize(1);
        WsClient eves = connect(base, eve);
        JsonObject refused = subscribe(eves, secret, null);
        assertThat(refused.getString("type")).isEqualTo("error");
        assertThat(refused.toString()).contains("not-found").doesNotContain("Salaries");

        assertThat(invite(secret, ben, eve).status()).as("members invite").isEqualTo(200);
        assertThat(chatNotifications(eve)).as("told who put her in, and where").singleElement().satisfies(n -> {
            assertThat(n.getString("kind")).isEqualTo("chat.channel-added");
            assertThat(n.getString("title")).isEqualTo("Ben added you to #Salaries");
            assertThat(n.getString("link")).endsWith("/chat/" + secret);
        });
        assertThat(get("/api/v1/channels/" + secret + "/messages", eve).json().getJsonArray("items")).hasSize(1);
        Reply removed = api().delete("/api/v1/channels/" + secret + "/members/" + eve.id(), ann.accessToken());
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(get("/api/v1/channels/" + secret, eve).status()).isEqualTo(404);
    }

    @Test
    void badNamesAndBadInvitationsGetTheirOwnProblems() {
        SignedIn ann = user("Ann");
        SignedIn out = user("Out");
        String workspace = workspace(base, ann);
        workspace(base, out);
        created(workspace, ann, "Design", false);
        String hangul = Normalizer.normalize("회의실", Normalizer.Form.NFC);
        created(workspace, ann, hangul, true);

        Map<String, String> bad = Map.of(
                "design", "a name differing only by case",
                "#DESIGN", "a name differing by case and a leading #",
                Normalizer.normalize("회의실", Normalizer.Form.NFD), "a name differing only by normalization (and a private one)",
                "General", "the general channel's name",
                "   ", "an empty name",
                "x".repeat(81), "an over-long name",
                "tab\there", "a control character",
                "line\nbreak", "a line break");
        bad.forEach((name, what) -> {
            Reply refused = create(workspace, ann, name, false);
            assertThat(refused.status()).as(what + ": " + refused).isEqualTo(400);
            assertThat(refused.problemType()).as(what).isEqualTo("/problems/validation");
            assertThat(fieldOf(refused)).as(what).isEqualTo("name");
        });
        assertThat(create(workspace, ann, "가".repeat(80), false).status()).as("80 Hangul syllables fit").isEqualTo(201);
        Reply noName = post("/api/v1/workspaces/" + workspace + "/channels", json("isPrivate", false), ann);
        assertThat(noName.status()).isEqualTo(400);
        assertThat(fieldOf(noName)).isEqualTo("name");
        Reply longTopic = api().patch("/api/v1/channels/" + workspace, json("topic", "t".repeat(251)), ann.accessToken());
        assertThat(longTopic.status()).isEqualTo(400);
        assertThat(fieldOf(longTopic)).isEqualTo("topic");

        String open = created(workspace, ann, "open", false);
        Reply outsider = invite(open, ann, out);
        assertThat(outsider.status()).as(outsider.toString()).isEqualTo(422);
        assertThat(outsider.problemType()).isEqualTo("/problems/invitee-not-in-workspace");
        assertThat(create(workspace, ann, "with outsider", false, out).problemType()).isEqualTo("/problems/invitee-not-in-workspace");
        assertThat(members(open, ann)).containsExactly(ann.id());
    }

    @Test
    void anArchivedChannelIsReadOnlyAndCannotBeJoined() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        SignedIn cid = user("Cid");
        String workspace = workspace(base, ann, ben, cid);
        String old = created(workspace, ann, "old project", false, ben);
        WsClient bens = connect(base, ben);
        send(bens, old, "before", null);
        assertThat(post("/api/v1/channels/" + old + "/archive", json(), ann).status()).isEqualTo(200);

        frame(bens, "type", "send", "id", "late", "channelId", old, "text", "after");
        JsonObject refused = reply(bens, "late");
        assertThat(refused.getString("type")).isEqualTo("error");
        assertThat(refused.toString()).contains("/problems/channel-archived");
        assertThat(get("/api/v1/channels/" + old + "/messages", ben).json().getJsonArray("items")).as("still readable").hasSize(1);
        Reply join = post("/api/v1/channels/" + old + "/join", json(), cid);
        assertThat(join.status()).isEqualTo(409);
        assertThat(join.problemType()).isEqualTo("/problems/channel-archived");
        assertThat(join.body()).doesNotContain("old project");
        assertThat(invite(old, ann, cid).problemType()).isEqualTo("/problems/channel-archived");
        assertThat(api().patch("/api/v1/channels/" + old, json("name", "new"), ann.accessToken()).problemType())
                .isEqualTo("/problems/channel-archived");

        assertThat(post("/api/v1/channels/" + old + "/unarchive", json(), ann).status()).isEqualTo(200);
        assertThat(send(bens, old, "after", null).getJsonNumber("sequence").longValue()).isEqualTo(2);
    }

    @Test
    void twoManagersEditingAtOnceNeverLoseAChangeUnseen() {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        String workspace = workspace(base, ann);
        join(base, ann, workspace, ben, "MANAGER");
        String plans = created(workspace, ann, "plans", false, ben);
        Reply read = get("/api/v1/channels/" + plans, ben);
        long version = read.json().getJsonNumber("version").longValue();
        assertThat(read.header("ETag")).as("weak: the body's read state changes under it").hasValue("W/\"" + version + "\"");
        assertThat(get("/api/v1/channels/" + plans, ann).json().getJsonNumber("version").longValue()).isEqualTo(version);

        // Both read version v; Ann saves first, Ben's save with the version he read is refused, and shown Ann's.
        Reply anns = api().request("PATCH", "/api/v1/channels/" + plans).bearer(ann.accessToken())
                .header("If-Match", "\"" + version + "\"").json(json("topic", "Ann's topic")).send();
        assertThat(anns.status()).as(anns.toString()).isEqualTo(200);
        assertThat(anns.json().getJsonNumber("version").longValue()).isEqualTo(version + 1);
        assertThat(anns.header("ETag")).hasValue("W/\"" + (version + 1) + "\"");
        Reply bens = api().request("PATCH", "/api/v1/channels/" + plans).bearer(ben.accessToken())
                .header("If-Match", "\"" + version + "\"").json(json("name", "bens-plans", "topic", "Ben's topic")).send();
        assertThat(bens.status()).as(bens.toString()).isEqualTo(409);
        assertThat(bens.problemType()).isEqualTo("/problems/stale-version");
        assertThat(bens.contentType()).startsWith("application/problem+json");
        JsonObject current = bens.json().getJsonObject("current");
        assertThat(current.getString("topic")).isEqualTo("Ann's topic");
        assertThat(current.getString("name")).isEqualTo("plans");
        assertThat(current.getJsonNumber("version").longValue()).isEqualTo(version + 1);
        JsonObject after = get("/api/v1/channels/" + plans, ben).json();
        assertThat(after.getString("name")).as("nothing of Ben's stale change was saved").isEqualTo("plans");
        assertThat(after.getString("topic")).isEqualTo("Ann's topic");

        // Archiving is a change of the settings too: with a stale version it is refused, with the current one it is made.
        Reply staleArchive = api().request("POST", "/api/v1/channels/" + plans + "/archive").bearer(ben.accessToken())
                .header("If-Match", "\"" + version + "\"").send();
        assertThat(staleArchive.status()).as(staleArchive.toString()).isEqualTo(409);
        assertThat(staleArchive.problemType()).isEqualTo("/problems/stale-version");
        assertThat(get("/api/v1/channels/" + plans, ben).json().isNull("archivedAt")).isTrue();
        Reply archived = api().request("POST", "/api/v1/channels/" + plans + "/archive").bearer(ben.accessToken())
                .header("If-Match", "\"" + (version + 1) + "\"").send();
        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        assertThat(archived.json().getJsonNumber("version").longValue()).isEqualTo(version + 2);
        Reply unarchived = api().request("POST", "/api/v1/channels/" + plans + "/unarchive").bearer(ann.accessToken())
                .header("If-Match", "W/\"" + (version + 2) + "\"").send();
        assertThat(unarchived.status()).as("a weak tag names the same version").isEqualTo(200);

        // Without If-Match the change is made, as for boards and cards; a tag that is no version is a field error.
        Reply unchecked = api().patch("/api/v1/channels/" + plans, json("description", "no If-Match"), ben.accessToken());
        assertThat(unchecked.status()).as(unchecked.toString()).isEqualTo(200);
        assertThat(unchecked.json().getJsonNumber("version").longValue()).isEqualTo(version + 4);
        Reply same = api().patch("/api/v1/channels/" + plans, json("description", "no If-Match"), ben.accessToken());
        assertThat(same.json().getJsonNumber("version").longValue()).as("saving what is there already changes nothing").isEqualTo(version + 4);
        Reply bad = api().request("PATCH", "/api/v1/channels/" + plans).bearer(ben.accessToken())
                .header("If-Match", "yesterday").json(json("topic", "x")).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fieldOf(bad)).isEqualTo("If-Match");
        // Posting messages moves the channel's row but not its settings' version.
        Reply posted = post("/api/v1/channels/" + plans + "/messages", json("text", "hello"), ann);
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(get("/api/v1/channels/" + plans, ann).json().getJsonNumber("version").longValue()).isEqualTo(version + 4);
    }

    @Test
    void mutedMembersAreNotNotifiedByAtChannel() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        SignedIn cid = user("Cid");
        String workspace = workspace(base, ann, ben, cid);
        String team = created(workspace, ann, "team", false, ben, cid);
        Reply muted = api().request("PUT", "/api/v1/channels/" + team + "/mute").bearer(cid.accessToken()).json(json("muted", true)).send();
        assertThat(muted.status()).as(muted.toString()).isEqualTo(200);
        assertThat(muted.json().getBoolean("muted")).isTrue();

        WsClient anns = connect(base, ann);
        send(anns, team, "standup in 5 @channel", null);
        send(anns, team, "not a mention: mail@channel.example", null);
        // Ben's and Cid's notices are written in one transaction: once Ben has his, Cid's absence is final.
        assertThat(chatNotificationsOnce(ben, "chat.channel")).extracting(n -> n.getString("kind"))
                .containsExactlyInAnyOrder("chat.channel-added", "chat.channel");
        assertThat(chatNotifications(cid)).extracting(n -> n.getString("kind")).as("muted: told of being added, not of @channel")
                .containsExactly("chat.channel-added");
        assertThat(chatNotifications(ann)).as("never the sender").isEmpty();
        JsonObject cids = channels(workspace, cid).stream().filter(c -> team.equals(c.getString("id"))).findFirst().orElseThrow();
        assertThat(cids.getBoolean("muted")).isTrue();
        assertThat(cids.getInt("unread")).isEqualTo(2);
        assertThat(cids.getInt("mentions")).isZero();
    }

    @Test
    void atChannelCostsThePosterTheSameStatementsInAChannelOfTwoAndOfTen() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        SignedIn[] many = new SignedIn[8];   // FREE allows 10 members
        for (int i = 0; i < many.length; i++) {
            many[i] = user("Many " + i);
        }
        SignedIn[] everyone = Stream.concat(Stream.of(ben), Arrays.stream(many)).toArray(SignedIn[]::new);
        String workspace = workspace(base, ann, everyone);
        String small = created(workspace, ann, "small", false, ben);
        String large = created(workspace, ann, "large", false, everyone);
        for (String channel : List.of(small, large)) {
            assertThat(post("/api/v1/channels/" + channel + "/messages", json("text", "warming up"), ann).status()).isEqualTo(201);
        }

        Reply toTwo = post("/api/v1/channels/" + small + "/messages", json("text", "@channel lunch?"), ann);
        Reply toTen = post("/api/v1/channels/" + large + "/messages", json("text", "@channel lunch?"), ann);
        assertThat(toTwo.status()).as(toTwo.toString()).isEqualTo(201);
        assertThat(toTen.status()).as(toTen.toString()).isEqualTo(201);
        assertThat(statements(toTen)).as("the post queues the notices; it does not write one per reader")
                .isEqualTo(statements(toTwo));
        for (SignedIn reader : many) {
            assertThat(chatNotificationsOnce(reader, "chat.channel")).filteredOn(n -> "chat.channel".equals(n.getString("kind"))).hasSize(1);
        }
        assertThat(chatNotificationsOnce(ben, "chat.channel")).filteredOn(n -> "chat.channel".equals(n.getString("kind"))).hasSize(2);
        assertThat(chatNotifications(ann)).filteredOn(n -> "chat.channel".equals(n.getString("kind"))).as("never the sender").isEmpty();
    }

    /**
     * Role × action: OWNER, MANAGER, MEMBER, GUEST (invited into the channel) and someone of
     * another workspace, on create, browse, edit, invite, remove, archive.
     */
    @Test
    void whoMayDoWhatIsTheMatrix() {
        SignedIn owner = user("Owner");
        SignedIn manager = user("Manager");
        SignedIn member = user("Member");
        SignedIn guest = user("Guest");
        SignedIn other = user("Other");
        SignedIn victim = user("Victim");
        String workspace = workspace(base, owner, member, victim);
        join(base, owner, workspace, manager, "MANAGER");
        join(base, owner, workspace, guest, "GUEST");
        workspace(base, other);
        String channel = created(workspace, owner, "matrix", false, manager, member, guest);

        Map<SignedIn, String> roles = new java.util.LinkedHashMap<>();
        roles.put(owner, "OWNER");
        roles.put(manager, "MANAGER");
        roles.put(member, "MEMBER");
        roles.put(guest, "GUEST");
        roles.put(other, "other workspace");
        Map<String, List<Integer>> expected = new java.util.LinkedHashMap<>();
        //                   OWNER MANAGER MEMBER GUEST other
        expected.put("create", List.of(201, 201, 201, 403, 404));
        expected.put("browse", List.of(200, 200, 200, 403, 404));
        expected.put("edit", List.of(200, 200, 200, 403, 404));
        expected.put("invite", List.of(200, 200, 200, 403, 404));
        expected.put("remove", List.of(200, 200, 403, 403, 404));
        expected.put("archive", List.of(200, 200, 403, 403, 404));
        int i = 0;
        for (Map.Entry<SignedIn, String> entry : roles.entrySet()) {
            SignedIn who = entry.getKey();
            String as = entry.getValue();
            int column = i++;
            Reply create = create(workspace, who, "by " + as, false);
            assertThat(create.status()).as("create as " + as).isEqualTo(expected.get("create").get(column));
            assertThat(get("/api/v1/workspaces/" + workspace + "/channels/browse", who).status()).as("browse as " + as)
                    .isEqualTo(expected.get("browse").get(column));
            assertThat(api().patch("/api/v1/channels/" + channel, json("topic", "set by " + as), who.accessToken()).status())
                    .as("edit as " + as).isEqualTo(expected.get("edit").get(column));
            assertThat(invite(channel, who, victim).status()).as("invite as " + as).isEqualTo(expected.get("invite").get(column));
            invite(channel, owner, victim);
            assertThat(api().delete("/api/v1/channels/" + channel + "/members/" + victim.id(), who.accessToken()).status())
                    .as("remove as " + as).isEqualTo(expected.get("remove").get(column));
            Reply archive = post("/api/v1/channels/" + channel + "/archive", json(), who);
            assertThat(archive.status()).as("archive as " + as).isEqualTo(expected.get("archive").get(column));
            assertThat(archive.status() == 403 ? archive.problemType() : "/problems/forbidden").isEqualTo("/problems/forbidden");
            post("/api/v1/channels/" + channel + "/unarchive", json(), owner);
        }
        assertThat(post("/api/v1/channels/" + channel + "/join", json(), other).status()).as("join from another workspace")
                .isEqualTo(404);
        assertThat(post("/api/v1/channels/" + channel + "/join", json(), guest).status()).as("guests do not join, they are invited")
                .isEqualTo(403);
    }

    /** The channel list costs the same few statements for 1 channel or 6. */
    @Test
    void theChannelListTakesTheSameStatementsForAnyNumberOfChannels() {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        String workspace = workspace(base, ann, ben);
        channels(workspace, ann);
        int few = statements(get("/api/v1/workspaces/" + workspace + "/channels", ann));
        for (int n = 0; n < 5; n++) {
            created(workspace, ann, "room " + n, n % 2 == 0, ben);
        }
        Reply many = get("/api/v1/workspaces/" + workspace + "/channels", ann);
        assertThat(many.items()).hasSize(6);
        assertThat(statements(many)).isEqualTo(few);
    }

    @Test
    void theChannelEndpointsAreInOpenApi() {
        JsonObject openapi = api().request("GET", "/openapi").header("Accept", "application/json").send().json();
        assertThat(openapi.getJsonObject("paths").keySet()).contains(
                "/api/v1/workspaces/{workspaceId}/channels", "/api/v1/workspaces/{workspaceId}/channels/browse",
                "/api/v1/channels/{channelId}", "/api/v1/channels/{channelId}/join", "/api/v1/channels/{channelId}/leave",
                "/api/v1/channels/{channelId}/archive", "/api/v1/channels/{channelId}/members",
                "/api/v1/channels/{channelId}/members/{accountId}", "/api/v1/channels/{channelId}/mute");
        assertThat(openapi.getJsonObject("paths").getJsonObject("/api/v1/channels/{channelId}").keySet()).contains("get", "patch");
        assertThat(openapi.getJsonObject("components").getJsonObject("schemas").keySet())
                .contains("CreateChannelRequest", "BrowsedChannel", "ChannelMembers");
    }

    private static int statements(Reply reply) {
        return Integer.parseInt(reply.header("X-Moim-Sql-Statements").orElseThrow());
    }
}
