package org.moim.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
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
import org.moim.it.Chat;
import org.moim.it.Deployments;
import org.moim.it.WsClient;

/**
 * Calls through real WebSocket clients against the real server: who may start, join and signal,
 * that signaling stays inside a call, the participant limit (the plan's, up to the full mesh's
 * ceiling), ringing on every tab, the end when the last one leaves, and the reconnect grace (the
 * test server runs with {@code MOIM_CALLS_RECONNECT_GRACE=PT3S}, see pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
class CallsIT {

    /** The TURN secret of the test server (pom.xml). */
    private static final String TURN_SECRET = "it-turn-secret-not-for-production-0123456789";

    /** With billing's test probe, to put a workspace on a plan with a bigger call size. */
    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private final List<Tab> tabs = new ArrayList<>();

    @AfterEach
    void closeTabs() {
        tabs.forEach(Tab::close);
    }

    // ---------------------------------------------------------------------------------------------
    // Ringing, accepting, declining

    @Test
    void startingRingsEveryTabOfTheOtherMembersAndAcceptingStopsTheirRinging() throws Exception {
        Api api = new Api(base);
        SignedIn mina = Accounts.signUp(api, "Mina");
        SignedIn joon = Accounts.signUp(new Api(base), "Joon");
        SignedIn sora = Accounts.signUp(new Api(base), "Sora");
        SignedIn stranger = Accounts.signUp(new Api(base), "Stranger");
        String channel = channel(api, mina, joon, sora);
        Tab minas = tab(api, mina);
        Tab joonsLaptop = tab(api, joon);
        Tab joonsPhone = tab(api, joon);
        Tab soras = tab(api, sora);
        Tab strangers = tab(api, stranger);

        JsonObject call = minas.start(channel);
        String callId = call.getString("id");
        assertThat(call.getString("channelId")).isEqualTo(channel);
        assertThat(call.getString("startedBy")).isEqualTo(mina.id());
        assertThat(call.getInt("maxParticipants")).isEqualTo(4);
        assertThat(call.getJsonArray("participants").getValuesAs(JsonObject.class))
                .extracting(p -> p.getString("accountId"), p -> p.getString("peerId"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(mina.id(), call.getString("self")));

        for (Tab tab : List.of(joonsLaptop, joonsPhone, soras)) {
            JsonObject ring = tab.await("call-ring").getJsonObject("call");
            assertThat(ring.getString("id")).isEqualTo(callId);
            assertThat(ring.getString("channelId")).isEqualTo(channel);
            assertThat(ring.getString("startedByName")).isEqualTo("Mina");
        }
        assertThat(minas.quiet()).as("the caller's own tab does not ring").noneMatch(f -> type(f).startsWith("call-"));
        assertThat(strangers.quiet()).as("someone outside the channel hears nothing").isEmpty();

        Reply inbox = api.get("/api/v1/me/notifications", joon.accessToken());
        JsonObject notification = inbox.json().getJsonArray("items").getJsonObject(0);
        assertThat(notification.getString("kind")).isEqualTo("call.started");
        assertThat(notification.getString("subjectId")).isEqualTo(callId);
        assertThat(notification.getString("link")).isEqualTo("#/call/" + channel);
        assertThat(notification.getString("title")).isEqualTo("Mina started a call");

        JsonObject joined = joonsLaptop.request(json("type", "call-accept", "callId", callId), "call-joined").getJsonObject("call");
        assertThat(joined.getString("id")).isEqualTo(callId);
        assertThat(joined.getJsonArray("participants")).hasSize(2);
        for (Tab tab : List.of(joonsLaptop, joonsPhone)) {
            JsonObject stopped = tab.await("call-ring-stopped");
            assertThat(stopped.getString("callId")).isEqualTo(callId);
            assertThat(stopped.getString("reason")).isEqualTo("accepted");
        }
        JsonObject newcomer = minas.await("call-participant-joined").getJsonObject("participant");
        assertThat(newcomer.getString("accountId")).isEqualTo(joon.id());
        assertThat(newcomer.getString("displayName")).isEqualTo("Joon");
        assertThat(newcomer.getString("peerId")).isEqualTo(joined.getString("self"));

        soras.send(json("type", "call-decline", "id", "d1", "callId", callId));
        assertThat(soras.await("call-ring-stopped").getString("reason")).isEqualTo("declined");
        for (Tab tab : List.of(minas, joonsLaptop)) {
            JsonObject declined = tab.await("call-declined");
            assertThat(declined.getString("accountId")).isEqualTo(sora.id());
            assertThat(declined.getString("displayName")).isEqualTo("Sora");
        }
        assertThat(joonsPhone.quiet()).as("a tab that is not in the call hears nothing of it")
                .noneMatch(f -> type(f).equals("call-declined"));
    }

    @Test
    void startingWhereACallRunsJoinsIt() throws Exception {
        Api api = new Api(base);
        SignedIn mina = Accounts.signUp(api, "Mina");
        SignedIn joon = Accounts.signUp(new Api(base), "Joon");
        String channel = channel(api, mina, joon);
        Tab minas = tab(api, mina);
        Tab joons = tab(api, joon);

        minas.send(json("type", "call-start", "id", "s1", "channelId", channel));
        joons.send(json("type", "call-start", "id", "s2", "channelId", channel));
        String first = minas.awaitReply("s1", "call-joined").getJsonObject("call").getString("id");
        String second = joons.awaitReply("s2", "call-joined").getJsonObject("call").getString("id");

        assertThat(second).as("two starts at once end up in one call").isEqualTo(first);
        Reply history = api.get("/api/v1/calls?channelId=" + channel, mina.accessToken());
        assertThat(history.json().getJsonArray("items")).hasSize(1);
        assertThat(history.json().getJsonArray("items").getJsonObject(0).getJsonArray("participants")).hasSize(2);
    }

    // ---------------------------------------------------------------------------------------------
    // Membership and relaying

    @Test
    void onlyMembersOfTheChannelStartJoinOrSeeACallAndTheyLearnNothingOfIt() throws Exception {
        Api api = new Api(base);
        SignedIn mina = Accounts.signUp(api, "Mina");
        SignedIn joon = Accounts.signUp(new Api(base), "Joon");
        SignedIn colleague = Accounts.signUp(new Api(base), "Colleague");
        SignedIn stranger = Accounts.signUp(new Api(base), "Stranger");
        String workspace = Chat.workspace(base, mina, joon, colleague);
        String channel = Chat.direct(base, workspace, mina, joon);
        Tab minas = tab(api, mina);
        Tab colleagues = tab(api, colleague);
        Tab strangers = tab(api, stranger);
        String callId = minas.start(channel).getString("id");

        // A member of the workspace who is not in the conversation, and someone from elsewhere.
        for (Tab outsider : List.of(colleagues, strangers)) {
            JsonObject refusedJoin = outsider.request(json("type", "call-join", "callId", callId), "error");
            JsonObject unknownJoin = outsider.request(json("type", "call-join", "callId", UUID.randomUUID().toString()), "error");
            assertThat(problem(refusedJoin)).isEqualTo("/problems/not-found");
            assertThat(refusedJoin.getJsonObject("problem").getString("detail"))
                    .as("the same answer as for a call that does not exist")
                    .isEqualTo(unknownJoin.getJsonObject("problem").getString("detail"));
            assertThat(problem(outsider.request(json("type", "call-accept", "callId", callId), "error"))).isEqualTo("/problems/not-found");
            assertThat(problem(outsider.request(json("type", "call-decline", "callId", callId), "error"))).isEqualTo("/problems/not-found");
            assertThat(problem(outsider.request(json("type", "call-start", "channelId", channel), "error"))).isEqualTo("/problems/not-found");
            assertThat(outsider.quiet()).as("no ring").noneMatch(f -> type(f).startsWith("call-"));
        }
        assertThat(problem(strangers.request(json("type", "call-join"), "error"))).isEqualTo("/problems/validation");

        for (SignedIn outsider : List.of(colleague, stranger)) {
            assertThat(api.get("/api/v1/calls/" + callId, outsider.accessToken()).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/calls?channelId=" + channel, outsider.accessToken()).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/calls/mine", outsider.accessToken()).json().getJsonArray("items")).isEmpty();
        }
        assertThat(api.get("/api/v1/calls", stranger.accessToken()).status()).as("no channel").isEqualTo(400);
        assertThat(api.get("/api/v1/calls/" + callId, joon.accessToken()).status()).isEqualTo(200);
        assertThat(minas.quiet()).noneMatch(f -> type(f).startsWith("call-participant"));
    }

    @Test
    void someoneRemovedFromTheWorkspaceIsOutOfItsCallsAtOnce() throws Exception {
        Api api = new Api(base);
        SignedIn mina = Accounts.signUp(api, "Mina");
        SignedIn joon = Accounts.signUp(new Api(base), "Joon");
        SignedIn sora = Accounts.signUp(new Api(base), "Sora");
        String workspace = Chat.workspace(base, mina, joon, sora);
        String channel = Chat.direct(base, workspace, mina, joon, sora);
        Tab minas = tab(api, mina);
        Tab joons = tab(api, joon);
        String callId = minas.start(channel).getString("id");
        String joonPeer = joons.join(callId).getString("self");
        minas.await("call-participant-joined");

        assertThat(api.delete("/api/v1/workspaces/" + workspace + "/members/" + joon.id(), mina.accessToken()).status()).isEqualTo(204);

        JsonObject removed = minas.await("call-participant-left");
        assertThat(removed.getString("peerId")).isEqualTo(joonPeer);
        assertThat(removed.getString("reason")).isEqualTo("removed");
        JsonObject out = joons.await("call-left");
        assertThat(out.getString("peerId")).isEqualTo(joonPeer);
        assertThat(out.getString("reason")).isEqualTo("removed");
        assertThat(problem(joons.request(json("type", "call-join", "callId", callId), "error"))).isEqualTo("/problems/not-found");
        JsonObject history = api.get("/api/v1/calls/" + callId, mina.accessToken()).json();
        assertThat(history.isNull("endedAt")).as("Mina is still in it").isTrue();
        assertThat(history.getJsonArray("participants").getJsonObject(1).isNull("leftAt")).isFalse();
    }

    @Test
    void boardCallsFollowWhoMaySeeTheBoard() throws Exception {
        Api api = new Api(base);
        SignedIn olga = Accounts.signUp(api, "Olga");
        SignedIn mia = Accounts.signUp(new Api(base), "Mia");
        SignedIn gus = Accounts.signUp(new Api(base), "Gus");
        String workspace = Chat.workspace(base, olga, mia);
        Chat.join(base, olga, workspace, gus, "GUEST");
        Reply board = api.post("/api/v1/workspaces/" + workspace + "/boards", json("name", "Launch"), olga.accessToken());
        assertThat(board.status()).as(board.toString()).isEqualTo(201);
        String boardPath = "/api/v1/workspaces/" + workspace + "/boards/" + board.json().getString("id");
        Reply opened = api.get("/api/v1/workspaces/" + workspace + "/channels/boards/" + board.json().getString("id"), olga.accessToken());
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        String channel = opened.json().getString("id");
        Tab olgas = tab(api, olga);
        Tab mias = tab(api, mia);
        Tab guss = tab(api, gus);

        JsonObject call = olgas.start(channel);
        String callId = call.getString("id");
        assertThat(call.getString("channelKind")).isEqualTo("board");
        assertThat(mias.await("call-ring").getJsonObject("call").getString("id")).isEqualTo(callId);
        assertThat(guss.quiet()).as("a guest who is not on the board is not rung").noneMatch(f -> type(f).startsWith("call-"));
        assertThat(problem(guss.request(json("type", "call-join", "callId", callId), "error"))).isEqualTo("/problems/not-found");

        Reply added = api.request("PUT", boardPath + "/members/" + gus.id()).bearer(olga.accessToken()).send();
        assertThat(added.status()).as(added.toString()).isIn(200, 201);
        String gusPeer = guss.join(callId).getString("self");
        mias.join(callId);
        olgas.await("call-participant-joined");

        // Taken off the board: out of its call at once.
        assertThat(api.delete(boardPath + "/members/" + gus.id(), olga.accessToken()).status()).isEqualTo(204);
        JsonObject out = guss.await("call-left");
        assertThat(out.getString("reason")).isEqualTo("removed");
        JsonObject gone = olgas.await(f -> "call-participant-left".equals(type(f)) && gusPeer.equals(f.getString("peerId")));
        assertThat(gone.getString("reason")).isEqualTo("removed");

        // The board is deleted: the call ends for everyone in it.
        assertThat(api.delete(boardPath, olga.accessToken()).status()).isEqualTo(204);
        for (Tab tab : List.of(olgas, mias)) {
            assertThat(tab.await("call-ended").getString("callId")).isEqualTo(callId);
        }
        assertThat(api.get("/api/v1/calls/" + callId, olga.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/calls/mine", mia.accessToken()).json().getJsonArray("items").getJsonObject(0)
                .isNull("endedAt")).as("the history of those who took part keeps it, ended").isFalse();
    }

    @Test
    void signalingIsRelayedOnlyBetweenTabsOfTheSameCall() throws Exception {
        Api api = new Api(base);
        SignedIn mina = Accounts.signUp(api, "Mina");
        SignedIn joon = Accounts.signUp(new Api(base), "Joon");
        SignedIn sora = Accounts.signUp(new Api(base), "Sora");
        SignedIn eun = Accounts.signUp(new Api(base), "Eun");
        String channel = channel(api, mina, joon, sora);
        String otherChannel = channel(api, eun, Accounts.signUp(new Api(base), "Fin"));
        Tab minas = tab(api, mina);
        Tab joons = tab(api, joon);
        Tab minasOtherTab = tab(api, mina);
        Tab soras = tab(api, sora);
        Tab euns = tab(api, eun);

        JsonObject call = minas.start(channel);
        String callId = call.getString("id");
        String minaPeer = call.getString("self");
        String joonPeer = joons.join(callId).getString("self");
        String eunsCall = euns.start(otherChannel).getString("id");
        minas.await("call-participant-joined");

        JsonObject description = Json.createObjectBuilder().add("type", "offer").add("sdp", "v=0 fake offer").build();
        minas.send(Json.createObjectBuilder().add("type", "offer").add("callId", callId).add("to", joonPeer)
                .add("description", description).build());
        JsonObject offer = joons.await("offer");
        assertThat(offer.getString("callId")).isEqualTo(callId);
        assertThat(offer.getString("from")).isEqualTo(minaPeer);
        assertThat(offer.getString("fromAccountId")).isEqualTo(mina.id());
        assertThat(offer.getJsonObject("description")).isEqualTo(description);

        joons.send(Json.createObjectBuilder().add("type", "answer").add("callId", callId).add("to", minaPeer)
                .add("description", Json.createObjectBuilder().add("type", "answer").add("sdp", "v=0 fake answer")).build());
        assertThat(minas.await("answer").getString("from")).isEqualTo(joonPeer);
        JsonObject candidate = Json.createObjectBuilder().add("candidate", "candidate:1 1 udp 2122260223 10.0.0.2 50000 typ host")
                .add("sdpMid", "0").add("sdpMLineIndex", 0).build();
        joons.send(Json.createObjectBuilder().add("type", "ice").add("callId", callId).add("to", minaPeer).add("candidate", candidate).build());
        assertThat(minas.await("ice").getJsonObject("candidate")).isEqualTo(candidate);
        joons.send(Json.createObjectBuilder().add("type", "ice").add("callId", callId).add("to", minaPeer).addNull("candidate").build());
        assertThat(minas.await("ice").isNull("candidate")).as("the end of candidates").isTrue();

        minas.send(json("type", "media-state", "callId", callId, "mic", false, "camera", true, "screen", true));
        JsonObject media = joons.await("media-state");
        assertThat(media.getString("peerId")).isEqualTo(minaPeer);
        assertThat(media.getBoolean("mic")).isFalse();
        assertThat(media.getBoolean("screen")).isTrue();

        // Everyone else: refused, and nothing reaches the call.
        JsonObject offerToJoon = Json.createObjectBuilder().add("type", "offer").add("id", "x").add("callId", callId)
                .add("to", joonPeer).add("description", description).build();
        assertThat(problem(soras.request(offerToJoon, "error"))).as("a member of the channel who did not join").isEqualTo("/problems/not-found");
        assertThat(problem(minasOtherTab.request(offerToJoon, "error"))).as("a tab of a participant that is not the one in the call")
                .isEqualTo("/problems/not-found");
        assertThat(problem(euns.request(offerToJoon, "error"))).as("someone in another call").isEqualTo("/problems/not-found");
        JsonObject acrossCalls = Json.createObjectBuilder().add("type", "offer").add("id", "y").add("callId", eunsCall)
                .add("to", joonPeer).add("description", description).build();
        assertThat(problem(euns.request(acrossCalls, "error"))).as("to a tab in another call").isEqualTo("/problems/not-found");
        assertThat(problem(soras.request(json("type", "media-state", "callId", callId, "mic", true, "camera", true, "screen", false),
                "error"))).isEqualTo("/problems/not-found");
        assertThat(problem(soras.request(json("type", "call-leave", "callId", callId), "error"))).isEqualTo("/problems/not-found");
        JsonObject toSelf = Json.createObjectBuilder().add("type", "offer").add("id", "z").add("callId", callId)
                .add("to", minaPeer).add("description", description).build();
        assertThat(problem(minas.request(toSelf, "error"))).isEqualTo("/problems/not-found");
        JsonObject wrongType = Json.createObjectBuilder().add("type", "answer").add("id", "w").add("callId", callId)
                .add("to", joonPeer).add("description", description).build();
        assertThat(problem(minas.request(wrongType, "error"))).isEqualTo("/problems/validation");

        minas.send(json("type", "media-state", "callId", callId, "mic", true, "camera", false, "screen", false));
        assertThat(joons.before("media-state")).as("nothing of it reached the call")
                .noneMatch(f -> type(f).equals("offer") || type(f).equals("media-state"));
        assertThat(euns.quiet()).noneMatch(f -> type(f).equals("offer") || type(f).equals("answer") || type(f).equals("ice"));
    }

    // ---------------------------------------------------------------------------------------------
    // Limits, leaving, ending, history

    @Test
    void thePlanDecidesHowManyMayJoinUpToTheFullMeshCeiling() throws Exception {
        Api api = new Api(base);
        List<SignedIn> people = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            people.add(Accounts.signUp(new Api(base), "Person " + i));
        }
        SignedIn owner = people.get(0);

        // FREE allows 4 in a call: the fifth is refused by the plan, like every plan limit, naming what lifts it.
        SignedIn[] four = people.subList(1, 5).toArray(SignedIn[]::new);
        String free = Chat.workspace(base, owner, four);
        JsonObject freeCall = tab(api, owner).start(Chat.direct(base, free, owner, four));
        assertThat(freeCall.getInt("maxParticipants")).isEqualTo(4);
        String callId = freeCall.getString("id");
        for (int i = 1; i < 4; i++) {
            assertThat(tab(api, people.get(i)).join(callId).getJsonArray("participants")).hasSize(i + 1);
        }
        JsonObject refused = tab(api, people.get(4)).request(json("type", "call-join", "callId", callId), "error");
        assertThat(problem(refused)).isEqualTo("/problems/plan-limit");
        assertThat(refused.getJsonObject("problem").getInt("status")).isEqualTo(402);
        assertThat(refused.getJsonObject("problem").getString("detail"))
                .contains("The FREE plan allows 4 for CALL_PARTICIPANTS").contains("The PREMIUM plan allows more");
        assertThat(api.get("/api/v1/calls/" + callId, owner.accessToken()).json().getJsonArray("participants")).hasSize(4);
        // The plan page promises what a call admits: PREMIUM's 50 is the server's ceiling of 8.
        JsonObject freePlan = api.get("/api/v1/workspaces/" + free + "/plan", owner.accessToken()).json();
        JsonObject freeLimit = callLimit(freePlan);
        assertThat(freeLimit.getInt("max")).isEqualTo(4);
        assertThat(freeLimit.getInt("ceiling")).isEqualTo(8);
        assertThat(freeLimit.getString("liftedBy")).isEqualTo("PREMIUM");
        JsonObject premium = freePlan.getJsonArray("plans").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("code").equals("PREMIUM")).findFirst().orElseThrow();
        assertThat(premium.getJsonObject("limits").getInt("CALL_PARTICIPANTS")).isEqualTo(8);

        // A plan of 50 in a call: everyone up to the full mesh's ceiling (8) joins; the ninth is refused, by no plan.
        SignedIn[] eight = people.subList(1, 9).toArray(SignedIn[]::new);
        String big = Chat.workspace(base, owner, eight);
        Reply board = api.post("/api/v1/workspaces/" + big + "/boards", json("name", "All hands"), owner.accessToken());
        assertThat(board.status()).as(board.toString()).isEqualTo(201);
        Reply opened = api.get("/api/v1/workspaces/" + big + "/channels/boards/" + board.json().getString("id"), owner.accessToken());
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        Reply plan = api.post("/api/v1/test-probe/billing/tiny-plan?workspace=" + big
                + "&members=100&boards=10&fileBytes=1000000&storageBytes=1000000&callParticipants=50", json(), owner.accessToken());
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        assertThat(callLimit(api.get("/api/v1/workspaces/" + big + "/plan", owner.accessToken()).json()).getInt("max")).isEqualTo(8);

        JsonObject bigCall = tab(api, owner).start(opened.json().getString("id"));
        assertThat(bigCall.getInt("maxParticipants")).isEqualTo(8);
        String bigCallId = bigCall.getString("id");
        for (int i = 1; i < 8; i++) {
            assertThat(tab(api, people.get(i)).join(bigCallId).getJsonArray("participants")).as("participant %d", i + 1).hasSize(i + 1);
        }
        JsonObject full = tab(api, people.get(8)).request(json("type", "call-join", "callId", bigCallId), "error");
        assertThat(problem(full)).isEqualTo("/problems/call-full");
        assertThat(full.getJsonObject("problem").getInt("status")).isEqualTo(409);
        assertThat(full.getJsonObject("problem").getString("detail")).contains("8 participants").contains("No plan allows more");
        assertThat(api.get("/api/v1/calls/" + bigCallId, owner.accessToken()).json().getJsonArray("participants")).hasSize(8);
    }

    private static JsonObject callLimit(JsonObject plan) {
        return plan.getJsonArray("limits").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("limit").equals("CALL_PARTICIPANTS")).findFirst().orElseThrow();
    }

    @Test
    void theCallEndsWhenTheLastParticipantLeavesAndHistoryKeepsWhoWasThere() throws Exception {
        Api api = new Api(base);
        SignedIn mina = Accounts.signUp(api, "Mina");
        SignedIn joon = Accounts.signUp(new Api(base), "Joon");
        SignedIn sora = Accounts.signUp(new Api(base), "Sora");
        String channel = channel(api, mina, joon, sora);
        Tab minas = tab(api, mina);
        Tab joons = tab(api, joon);
        Tab soras = tab(api, sora);
        JsonObject call = minas.start(channel);
        String callId = call.getString("id");
        String joonPeer = joons.join(callId).getString("self");

        JsonObject left = joons.request(json("type", "call-leave", "callId", callId), "call-left");
        assertThat(left.getString("peerId")).isEqualTo(joonPeer);
        JsonObject gone = minas.await("call-participant-left");
        assertThat(gone.getString("peerId")).isEqualTo(joonPeer);
        assertThat(gone.getString("reason")).isEqualTo("left");
        assertThat(api.get("/api/v1/calls/" + callId, mina.accessToken()).json().isNull("endedAt")).isTrue();

        minas.request(json("type", "call-leave", "callId", callId), "call-left");
        for (Tab tab : List.of(soras, joons, minas)) {
            JsonObject ended = tab.await("call-ended");
            assertThat(ended.getString("callId")).isEqualTo(callId);
            assertThat(ended.getString("channelId")).isEqualTo(channel);
        }

        JsonObject history = api.get("/api/v1/calls/" + callId, sora.accessToken()).json();
        assertThat(history.isNull("endedAt")).isFalse();
        assertThat(history.getJsonNumber("durationSeconds").longValue()).isGreaterThanOrEqualTo(0);
        assertThat(history.getJsonArray("participants").getValuesAs(JsonObject.class))
                .extracting(p -> p.getString("accountId"))
                .containsExactly(mina.id(), joon.id());
        assertThat(history.getJsonArray("participants").getValuesAs(JsonObject.class))
                .allSatisfy(p -> assertThat(p.isNull("leftAt")).isFalse());
        assertThat(Instant.parse(history.getString("endedAt")))
                .isAfterOrEqualTo(Instant.parse(history.getJsonArray("participants").getJsonObject(1).getString("leftAt")));

        JsonObject over = joons.request(json("type", "call-join", "callId", callId), "error");
        assertThat(problem(over)).isEqualTo("/problems/call-ended");
        assertThat(problem(minas.request(json("type", "call-leave", "callId", callId), "error"))).isEqualTo("/problems/not-found");
        String next = minas.start(channel).getString("id");
        assertThat(next).as("the channel is free for a new call").isNotEqualTo(callId);
    }

    @Test
    void aTabThatReconnectsWithinTheGraceStaysInTheCallAndOneThatDoesNotEndsIt() throws Exception {
        Api api = new Api(base);
        SignedIn mina = Accounts.signUp(api, "Mina");
        SignedIn joon = Accounts.signUp(new Api(base), "Joon");
        SignedIn sora = Accounts.signUp(new Api(base), "Sora");
        String channel = channel(api, mina, joon, sora);
        Tab minas = tab(api, mina);
        Tab joons = tab(api, joon);
        Tab soras = tab(api, sora);
        JsonObject call = minas.start(channel);
        String callId = call.getString("id");
        String oldPeer = joons.join(callId).getString("self");
        minas.await("call-participant-joined");

        joons.close();
        JsonObject away = minas.await("call-participant-away");
        assertThat(away.getString("peerId")).isEqualTo(oldPeer);
        assertThat(away.getString("accountId")).isEqualTo(joon.id());

        Tab joonAgain = tab(api, joon);
        JsonObject rejoined = joonAgain.join(callId);
        String newPeer = rejoined.getString("self");
        assertThat(newPeer).isNotEqualTo(oldPeer);
        assertThat(rejoined.getJsonArray("participants").getValuesAs(JsonObject.class))
                .as("the same two, nobody away")
                .extracting(p -> p.getString("accountId"), p -> p.getBoolean("away"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(mina.id(), false),
                        org.assertj.core.groups.Tuple.tuple(joon.id(), false));
        JsonObject replaced = minas.await("call-participant-left");
        assertThat(replaced.getString("peerId")).isEqualTo(oldPeer);
        assertThat(replaced.getString("reason")).isEqualTo("moved");
        assertThat(minas.await("call-participant-joined").getJsonObject("participant").getString("peerId")).isEqualTo(newPeer);

        // Past the grace period (3 s here) the stint is still one: the reconnect continued it.
        Thread.sleep(4_000);
        JsonObject still = api.get("/api/v1/calls/" + callId, mina.accessToken()).json();
        assertThat(still.isNull("endedAt")).isTrue();
        assertThat(still.getJsonArray("participants").getValuesAs(JsonObject.class)).extracting(p -> p.getString("accountId"))
                .containsExactly(mina.id(), joon.id());
        assertThat(still.getJsonArray("participants").getValuesAs(JsonObject.class)).allSatisfy(p -> assertThat(p.isNull("leftAt")).isTrue());

        // Both lose their connection and nobody comes back: the call ends after the grace period.
        Instant lost = Instant.now();
        minas.close();
        joonAgain.close();
        JsonObject ended = soras.await("call-ended", 20);
        assertThat(ended.getString("callId")).isEqualTo(callId);
        JsonObject history = api.get("/api/v1/calls/" + callId, sora.accessToken()).json();
        Instant endedAt = Instant.parse(history.getString("endedAt"));
        assertThat(endedAt).as("the call ended when the last one went away, not when the grace ran out")
                .isBefore(lost.plusSeconds(3));
        assertThat(history.getJsonArray("participants").getValuesAs(JsonObject.class))
                .allSatisfy(p -> assertThat(Instant.parse(p.getString("leftAt"))).isBeforeOrEqualTo(endedAt));
    }

    @Test
    void historyListsAChannelsCallsAndMineInAConstantNumberOfStatements() throws Exception {
        Api api = new Api(base);
        SignedIn mina = Accounts.signUp(api, "Mina");
        SignedIn joon = Accounts.signUp(new Api(base), "Joon");
        String channel = channel(api, mina, joon);
        String otherChannel = channel(api, mina, Accounts.signUp(new Api(base), "Other"));
        Tab minas = tab(api, mina);
        Tab joons = tab(api, joon);
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String callId = minas.start(channel).getString("id");
            joons.join(callId);
            joons.request(json("type", "call-leave", "callId", callId), "call-left");
            minas.request(json("type", "call-leave", "callId", callId), "call-left");
            calls.add(0, callId);
        }
        String alone = minas.start(otherChannel).getString("id");

        Reply all = api.get("/api/v1/calls?channelId=" + channel, mina.accessToken());
        assertThat(all.json().getJsonArray("items").getValuesAs(JsonObject.class)).extracting(c -> c.getString("id"))
                .containsExactlyElementsOf(calls);
        assertThat(all.json().getJsonArray("items").getJsonObject(0).getString("startedByName")).isEqualTo("Mina");
        Reply one = api.get("/api/v1/calls?channelId=" + channel + "&limit=1", mina.accessToken());
        assertThat(one.json().getJsonArray("items")).hasSize(1);
        assertThat(one.header("X-Moim-Sql-Statements")).as("statements for 1 and for 3 calls")
                .isEqualTo(all.header("X-Moim-Sql-Statements"));
        Reply second = api.get("/api/v1/calls?channelId=" + channel + "&limit=1&cursor=" + one.json().getString("nextCursor"),
                mina.accessToken());
        assertThat(second.json().getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(calls.get(1));

        Reply joonsCalls = api.get("/api/v1/calls/mine", joon.accessToken());
        assertThat(joonsCalls.json().getJsonArray("items").getValuesAs(JsonObject.class)).extracting(c -> c.getString("id"))
                .containsExactlyElementsOf(calls);
        Reply minasCalls = api.get("/api/v1/calls/mine", mina.accessToken());
        assertThat(minasCalls.json().getJsonArray("items").getValuesAs(JsonObject.class)).extracting(c -> c.getString("id"))
                .startsWith(alone).hasSize(4);
        JsonObject running = minasCalls.json().getJsonArray("items").getJsonObject(0);
        assertThat(running.isNull("endedAt")).isTrue();
        assertThat(running.isNull("durationSeconds")).isTrue();
        assertThat(api.get("/api/v1/calls?channelId=" + channel + "&limit=0", mina.accessToken()).status()).isEqualTo(400);
    }

    // ---------------------------------------------------------------------------------------------
    // ICE servers

    @Test
    void iceServersComeWithShortLivedTurnCredentialsMadeForTheCaller() throws Exception {
        Api api = new Api(base);
        SignedIn mina = Accounts.signUp(api, "Mina");
        long before = Instant.now().getEpochSecond();

        Reply reply = api.get("/api/v1/calls/ice-servers", mina.accessToken());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Cache-Control").orElse("")).contains("no-store");
        List<JsonObject> servers = reply.json().getJsonArray("iceServers").getValuesAs(JsonObject.class);
        assertThat(servers).hasSize(2);
        assertThat(servers.get(0).getJsonArray("urls").getString(0)).isEqualTo("stun:127.0.0.1:3478");
        assertThat(servers.get(0).containsKey("credential")).isFalse();
        JsonObject turn = servers.get(1);
        assertThat(turn.getJsonArray("urls").getString(0)).isEqualTo("turn:127.0.0.1:3478?transport=udp");
        String username = turn.getString("username");
        long expiry = Long.parseLong(username.substring(0, username.indexOf(':')));
        assertThat(username).isEqualTo(expiry + ":" + mina.id());
        assertThat(expiry).as("one hour (MOIM_CALLS_TURN_TTL=PT1H)").isBetween(before + 3600, Instant.now().getEpochSecond() + 3600);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TURN_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        assertThat(turn.getString("credential"))
                .isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8))));
        assertThat(Instant.parse(reply.json().getString("expiresAt")).getEpochSecond()).isEqualTo(expiry);
        assertThat(reply.body()).doesNotContain(TURN_SECRET);

        assertThat(api.get("/api/v1/calls/ice-servers", null).status()).isEqualTo(401);
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    /** A direct conversation of these people (all members of a new workspace of the first). */
    private String channel(Api api, SignedIn owner, SignedIn... others) {
        return Chat.direct(base, Chat.workspace(base, owner, others), owner, others);
    }

    private Tab tab(Api api, SignedIn who) throws InterruptedException {
        Reply ticket = api.post("/api/v1/realtime/tickets", json(), who.accessToken());
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
        WsClient socket = WsClient.connect(base, "ticket=" + ticket.json().getString("ticket"));
        assertThat(socket.next().getString("type")).isEqualTo("hello");
        Tab tab = new Tab(socket);
        tabs.add(tab);
        return tab;
    }

    private static String type(JsonObject frame) {
        return frame.getString("type");
    }

    private static String problem(JsonObject error) {
        return error.getJsonObject("problem").getString("type");
    }

    /** One browser tab: a WebSocket and the frames it received but no test step has looked at yet. */
    private static final class Tab {

        private final WsClient socket;
        private final List<JsonObject> unread = new ArrayList<>();
        private int ids;
        private boolean closed;

        Tab(WsClient socket) {
            this.socket = socket;
        }

        void send(JsonObject frame) {
            socket.send(frame.toString());
        }

        JsonObject start(String channelId) throws InterruptedException {
            return request(json("type", "call-start", "channelId", channelId), "call-joined").getJsonObject("call");
        }

        JsonObject join(String callId) throws InterruptedException {
            return request(json("type", "call-join", "callId", callId), "call-joined").getJsonObject("call");
        }

        /** Sends the frame with a fresh id and waits for the reply of that type to it. */
        JsonObject request(JsonObject frame, String replyType) throws InterruptedException {
            String id = "r" + (++ids);
            send(Json.createObjectBuilder(frame).add("id", id).build());
            return awaitReply(id, replyType);
        }

        JsonObject awaitReply(String id, String replyType) throws InterruptedException {
            JsonObject reply = await(f -> id.equals(f.getString("replyTo", null)), 10);
            assertThat(type(reply)).as("reply to %s: %s", id, reply).isEqualTo(replyType);
            return reply;
        }

        JsonObject await(String type) throws InterruptedException {
            return await(type, 10);
        }

        JsonObject await(String type, int seconds) throws InterruptedException {
            return await(f -> type.equals(type(f)), seconds);
        }

        JsonObject await(Predicate<JsonObject> wanted) throws InterruptedException {
            return await(wanted, 10);
        }

        private JsonObject await(Predicate<JsonObject> wanted, int seconds) throws InterruptedException {
            for (int i = 0; i < unread.size(); i++) {
                if (wanted.test(unread.get(i))) {
                    return unread.remove(i);
                }
            }
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            while (true) {
                JsonObject frame;
                try {
                    frame = socket.next();
                } catch (AssertionError e) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("No such frame within " + seconds + " s; received meanwhile: " + unread, e);
                    }
                    continue;
                }
                if (wanted.test(frame)) {
                    return frame;
                }
                unread.add(frame);
            }
        }

        /**
         * Every frame that arrived and no step looked at, up to a pong: what was written to this
         * tab before the ping is in. (Deliveries through the data grid that are still in flight
         * may not be: {@link #before} is the stronger check where a later delivery exists.)
         */
        List<JsonObject> quiet() throws InterruptedException {
            String id = "q" + (++ids);
            send(json("type", "ping", "id", id));
            await(f -> "pong".equals(type(f)) && id.equals(f.getString("id", null)), 10);
            List<JsonObject> seen = new ArrayList<>(unread);
            unread.clear();
            return seen;
        }

        /**
         * Waits for a frame of this type and answers the frames that came before it and no step
         * looked at. Deliveries travel in one total order, so nothing published before that frame
         * can still be on its way.
         */
        List<JsonObject> before(String type) throws InterruptedException {
            await(type);
            List<JsonObject> seen = new ArrayList<>(unread);
            unread.clear();
            return seen;
        }

        void close() {
            if (!closed) {
                closed = true;
                socket.close();
            }
        }
    }
}
