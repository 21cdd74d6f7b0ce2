package org.moim.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
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
import org.moim.workspace.control.Action;
import org.moim.workspace.entity.MemberRole;

/** Workspaces, members, permissions, invitations and invite links through the real HTTP API. */
@ExtendWith(ArquillianExtension.class)
class WorkspacesIT {

    private static final String WORKSPACES = "/api/v1/workspaces";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return new Api(base);
    }

    /** A new account, registered from its own client address (registrations are rate-limited per address). */
    private SignedIn user(String name) {
        return Accounts.signUp(api(), name);
    }

    private SignedIn userWithEmail(String email, String name) {
        Api api = api();
        Reply registered = api.post("/api/v1/auth/register", json("email", email, "password", Accounts.PASSWORD, "displayName", name));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return Accounts.signIn(api, email, Accounts.PASSWORD, registered.json().getString("id"));
    }

    private String create(Api api, SignedIn owner, String name) {
        Reply created = api.post(WORKSPACES, json("name", name), owner.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("id");
    }

    private String invite(Api api, SignedIn by, String workspace, String email, String role) {
        Reply invited = api.post(WORKSPACES + "/" + workspace + "/invitations", json("email", email, "role", role), by.accessToken());
        assertThat(invited.status()).as(invited.toString()).isIn(200, 201);
        return invited.json().getString("id");
    }

    /** Brings {@code who} in with {@code role} the way people join: invited, then accepting. */
    private void join(Api api, SignedIn owner, String workspace, SignedIn who, MemberRole role) {
        String invitation = invite(api, owner, workspace, who.email(), role == MemberRole.OWNER ? "MANAGER" : role.name());
        Reply accepted = api.post("/api/v1/me/invitations/" + invitation + "/accept", json(), who.accessToken());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        if (role == MemberRole.OWNER) {
            Reply promoted = api.patch(WORKSPACES + "/" + workspace + "/members/" + who.id(), json("role", "OWNER"), owner.accessToken());
            assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        }
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.problemType()).isEqualTo(type);
    }

    private static List<String> ids(Reply reply) {
        return reply.array().getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")).toList();
    }

    private static List<String> memberIds(Api api, SignedIn who, String workspace) {
        Reply members = api.get(WORKSPACES + "/" + workspace + "/members", who.accessToken());
        assertThat(members.status()).as(members.toString()).isEqualTo(200);
        return members.items().getValuesAs(JsonObject.class).stream().map(o -> o.getString("accountId")).toList();
    }

    // ---------------------------------------------------------------- permissions

    /** One request per action, made by {@code caller} in a fresh workspace where {@code target} is a MEMBER. */
    private record Scene(Api api, SignedIn owner, SignedIn caller, SignedIn target, String workspace) {
        String path(String rest) {
            return WORKSPACES + "/" + workspace + rest;
        }

        String invitation() {
            return api.post(path("/invitations"), json("email", Api.newEmail("pending"), "role", "GUEST"), owner.accessToken())
                    .json().getString("id");
        }

        String link() {
            return api.post(path("/invite-links"), json("role", "MEMBER"), owner.accessToken()).json().getString("id");
        }
    }

    private static Map<Action, Function<Scene, Reply>> requests() {
        Map<Action, Function<Scene, Reply>> requests = new EnumMap<>(Action.class);
        requests.put(Action.VIEW_WORKSPACE, s -> s.api.get(s.path(""), s.caller.accessToken()));
        requests.put(Action.UPDATE_WORKSPACE, s -> s.api.patch(s.path(""), json("name", "Renamed"), s.caller.accessToken()));
        requests.put(Action.DELETE_WORKSPACE, s -> s.api.delete(s.path(""), s.caller.accessToken()));
        requests.put(Action.RESTORE_WORKSPACE, s -> s.api.post(s.path("/restore"), json(), s.caller.accessToken()));
        requests.put(Action.TRANSFER_OWNERSHIP, s -> s.api.post(s.path("/transfer"), json("accountId", s.target.id()), s.caller.accessToken()));
        requests.put(Action.LIST_MEMBERS, s -> s.api.get(s.path("/members"), s.caller.accessToken()));
        requests.put(Action.CHANGE_MEMBER_ROLE, s -> s.api.patch(s.path("/members/" + s.target.id()), json("role", "GUEST"), s.caller.accessToken()));
        requests.put(Action.REMOVE_MEMBER, s -> s.api.delete(s.path("/members/" + s.target.id()), s.caller.accessToken()));
        requests.put(Action.MANAGE_OWNERS, s -> s.api.patch(s.path("/members/" + s.target.id()), json("role", "OWNER"), s.caller.accessToken()));
        requests.put(Action.LEAVE_WORKSPACE, s -> s.api.post(s.path("/leave"), json(), s.caller.accessToken()));
        requests.put(Action.INVITE_BY_EMAIL, s -> s.api.post(s.path("/invitations"), json("email", Api.newEmail("new"), "role", "MEMBER"), s.caller.accessToken()));
        requests.put(Action.LIST_INVITATIONS, s -> s.api.get(s.path("/invitations"), s.caller.accessToken()));
        requests.put(Action.REVOKE_INVITATION, s -> s.api.post(s.path("/invitations/" + s.invitation() + "/revoke"), json(), s.caller.accessToken()));
        requests.put(Action.CREATE_INVITE_LINK, s -> s.api.post(s.path("/invite-links"), json("role", "GUEST"), s.caller.accessToken()));
        requests.put(Action.LIST_INVITE_LINKS, s -> s.api.get(s.path("/invite-links"), s.caller.accessToken()));
        requests.put(Action.REVOKE_INVITE_LINK, s -> s.api.post(s.path("/invite-links/" + s.link() + "/revoke"), json(), s.caller.accessToken()));
        requests.put(Action.MANAGE_BOTS, s -> s.api.get(s.path("/bots"), s.caller.accessToken()));
        return requests;
    }

    @Test
    void everyRoleMayDoExactlyWhatThePermissionMatrixSays() {
        Api api = api();
        SignedIn owner = user("Matrix Owner");
        SignedIn target = user("Matrix Target");
        Map<MemberRole, SignedIn> callers = new EnumMap<>(MemberRole.class);
        for (MemberRole role : MemberRole.values()) {
            callers.put(role, user("Matrix " + role));
        }
        Map<Action, Function<Scene, Reply>> requests = requests();
        assertThat(requests.keySet()).as("every action has a request").containsExactlyInAnyOrder(Action.values());

        List<String> mismatches = new ArrayList<>();
        for (Action action : Action.values()) {
            for (MemberRole role : MemberRole.values()) {
                String workspace = create(api, owner, action + " by " + role);
                join(api, owner, workspace, target, MemberRole.MEMBER);
                join(api, owner, workspace, callers.get(role), role);

                Reply reply = requests.get(action).apply(new Scene(api, owner, callers.get(role), target, workspace));

                boolean allowed = action.allows(role);
                boolean ok = allowed ? reply.status() / 100 == 2
                        : reply.status() == 403 && reply.problemType().equals("/problems/forbidden");
                if (!ok) {
                    mismatches.add(role + " " + action + " (expected " + (allowed ? "2xx" : "403") + "): " + reply);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void aGuestSeesTheWorkspaceButGets403ForTheMemberDirectory() {
        Api api = api();
        SignedIn owner = user("Guest Host");
        SignedIn guest = user("Guest");
        String workspace = create(api, owner, "With a guest");
        join(api, owner, workspace, guest, MemberRole.GUEST);

        Reply seen = api.get(WORKSPACES + "/" + workspace, guest.accessToken());
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().getString("myRole")).isEqualTo("GUEST");
        Reply directory = api.get(WORKSPACES + "/" + workspace + "/members", guest.accessToken());
        assertProblem(directory, 403, "/problems/forbidden");
        assertThat(directory.body()).doesNotContain(owner.email()).doesNotContain(owner.id());
    }

    @Test
    void someoneElsesIdsAnswer404AndNoData() {
        Api api = api();
        SignedIn alice = user("Alice Secret");
        SignedIn member = user("Alice Member");
        SignedIn mallory = user("Mallory");
        String secret = create(api, alice, "Secret Plans");
        join(api, alice, secret, member, MemberRole.MEMBER);
        String invitation = invite(api, alice, secret, Api.newEmail("secret-invitee"), "MEMBER");
        Reply link = api.post(WORKSPACES + "/" + secret + "/invite-links", json("role", "MEMBER"), alice.accessToken());
        String linkId = link.json().getString("id");
        String own = create(api, mallory, "Mallory's own");
        String m = mallory.accessToken();

        List<Reply> replies = List.of(
                api.get(WORKSPACES + "/" + secret, m),
                api.patch(WORKSPACES + "/" + secret, json("name", "Pwned"), m),
                api.request("PATCH", WORKSPACES + "/" + secret).bearer(m).header("If-Match", "\"1\"").json(json("name", "Pwned")).send(),
                api.delete(WORKSPACES + "/" + secret, m),
                api.post(WORKSPACES + "/" + secret + "/restore", json(), m),
                api.post(WORKSPACES + "/" + secret + "/transfer", json("accountId", mallory.id()), m),
                api.post(WORKSPACES + "/" + secret + "/leave", json(), m),
                api.get(WORKSPACES + "/" + secret + "/members", m),
                api.patch(WORKSPACES + "/" + secret + "/members/" + member.id(), json("role", "GUEST"), m),
                api.delete(WORKSPACES + "/" + secret + "/members/" + member.id(), m),
                api.get(WORKSPACES + "/" + secret + "/invitations", m),
                api.post(WORKSPACES + "/" + secret + "/invitations", json("email", mallory.email(), "role", "MANAGER"), m),
                api.post(WORKSPACES + "/" + secret + "/invitations/" + invitation + "/revoke", json(), m),
                api.get(WORKSPACES + "/" + secret + "/invite-links", m),
                api.post(WORKSPACES + "/" + secret + "/invite-links", json("role", "MANAGER"), m),
                api.post(WORKSPACES + "/" + secret + "/invite-links/" + linkId + "/revoke", json(), m),
                // Her own workspace with Alice's member, invitation and link ids.
                api.patch(WORKSPACES + "/" + own + "/members/" + member.id(), json("role", "GUEST"), m),
                api.delete(WORKSPACES + "/" + own + "/members/" + member.id(), m),
                api.post(WORKSPACES + "/" + own + "/transfer", json("accountId", member.id()), m),
                api.post(WORKSPACES + "/" + own + "/invitations/" + invitation + "/revoke", json(), m),
                api.post(WORKSPACES + "/" + own + "/invite-links/" + linkId + "/revoke", json(), m),
                // Invitations addressed to someone else.
                api.post("/api/v1/me/invitations/" + invitation + "/accept", json(), m),
                api.post("/api/v1/me/invitations/" + invitation + "/decline", json(), m));

        for (Reply reply : replies) {
            assertProblem(reply, 404, "/problems/not-found");
            assertThat(reply.body()).doesNotContain("Secret Plans").doesNotContain(alice.email()).doesNotContain(member.email());
        }
        Reply after = api.get(WORKSPACES + "/" + secret, alice.accessToken());
        assertThat(after.json().getString("name")).isEqualTo("Secret Plans");
        assertThat(after.json().getString("myRole")).isEqualTo("OWNER");
        assertThat(memberIds(api, alice, secret)).containsExactlyInAnyOrder(alice.id(), member.id());
        assertThat(api.get(WORKSPACES + "/" + secret + "/invitations", alice.accessToken()).items().getJsonObject(0).getString("status"))
                .isEqualTo("PENDING");
        JsonObject stillLive = api.get(WORKSPACES + "/" + secret + "/invite-links", alice.accessToken()).items().getJsonObject(0);
        assertThat(!stillLive.containsKey("revokedAt") || stillLive.isNull("revokedAt")).isTrue();
        assertThat(api.get(WORKSPACES + "?limit=200", m).json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(o -> o.getString("id")).containsExactly(own);
    }

    // ---------------------------------------------------------------- workspaces

    @Test
    void createAnswers201WithLocationETagAndTheCallerAsOwner() {
        Api api = api();
        SignedIn owner = user("Creator");
        Reply created = api.post(WORKSPACES, json("name", "  Launch  ", "description", "Line one\nLine two", "avatar", "rocket"),
                owner.accessToken());

        assertThat(created.status()).isEqualTo(201);
        JsonObject workspace = created.json();
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(WORKSPACES + "/" + workspace.getString("id")));
        assertThat(created.header("ETag")).hasValue("\"" + workspace.getJsonNumber("version").longValue() + "\"");
        assertThat(workspace.getString("id")).hasSize(36);
        assertThat(workspace.getString("name")).isEqualTo("Launch");
        assertThat(workspace.getString("description")).isEqualTo("Line one\nLine two");
        assertThat(workspace.getString("avatar")).isEqualTo("rocket");
        assertThat(workspace.getString("myRole")).isEqualTo("OWNER");
        assertThat(memberIds(api, owner, workspace.getString("id"))).containsExactly(owner.id());
    }

    @Test
    void unicodeNamesAreStoredVerbatimAndLimitsCountCharacters() {
        Api api = api();
        SignedIn owner = user("Unicode");
        String name = "디자인팀 🎨 Ünïcødé <b>&'\"; DROP TABLE workspace;--";
        Reply created = api.post(WORKSPACES, json("name", name, "description", "설명 ✍️\n둘째 줄", "avatar", "👩‍💻"), owner.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().getString("id");

        JsonObject read = api.get(WORKSPACES + "/" + id, owner.accessToken()).json();
        assertThat(read.getString("name")).isEqualTo(name);
        assertThat(read.getString("description")).isEqualTo("설명 ✍️\n둘째 줄");
        assertThat(read.getString("avatar")).isEqualTo("👩‍💻");

        String longest = "🎨".repeat(80);
        assertThat(api.patch(WORKSPACES + "/" + id, json("name", longest, "description", "가".repeat(2000)), owner.accessToken())
                .json().getString("name")).isEqualTo(longest);
        Reply tooLong = api.patch(WORKSPACES + "/" + id, json("name", "🎨".repeat(81)), owner.accessToken());
        assertProblem(tooLong, 400, "/problems/validation");
        assertThat(tooLong.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("name");
        assertProblem(api.post(WORKSPACES, json("name", "   "), owner.accessToken()), 400, "/problems/validation");
        assertProblem(api.post(WORKSPACES, json("name", "ok", "description", "가".repeat(2001)), owner.accessToken()), 400, "/problems/validation");
        assertProblem(api.post(WORKSPACES, json("name", "ok", "avatar", "not url/safe"), owner.accessToken()), 400, "/problems/validation");
        assertProblem(api.post(WORKSPACES, json("description", "no name"), owner.accessToken()), 400, "/problems/validation");
    }

    @Test
    void ifMatchRefusesAStaleVersionAndItsAbsenceAppliesTheChange() {
        Api api = api();
        SignedIn owner = user("Etag");
        String id = create(api, owner, "Versioned");
        Reply read = api.get(WORKSPACES + "/" + id, owner.accessToken());
        String etag = read.header("ETag").orElseThrow();

        Reply first = api.request("PATCH", WORKSPACES + "/" + id).bearer(owner.accessToken()).header("If-Match", etag)
                .json(json("description", "first")).send();
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String newEtag = first.header("ETag").orElseThrow();
        assertThat(newEtag).isNotEqualTo(etag);
        assertThat(newEtag).isEqualTo("\"" + first.json().getJsonNumber("version").longValue() + "\"");

        Reply stale = api.request("PATCH", WORKSPACES + "/" + id).bearer(owner.accessToken()).header("If-Match", etag)
                .json(json("description", "lost update")).send();
        assertProblem(stale, 409, "/problems/stale-version");
        assertThat(stale.json().getString("detail")).contains(newEtag);

        Reply blind = api.patch(WORKSPACES + "/" + id, json("avatar", "✨"), owner.accessToken());
        assertThat(blind.status()).isEqualTo(200);
        assertThat(blind.json().getString("description")).isEqualTo("first");
        assertThat(blind.json().getString("avatar")).isEqualTo("✨");
        Reply garbage = api.request("PATCH", WORKSPACES + "/" + id).bearer(owner.accessToken()).header("If-Match", "\"abc\"")
                .json(json("description", "x")).send();
        assertProblem(garbage, 400, "/problems/validation");
    }

    @Test
    void myWorkspacesComeInPagesThroughAnOpaqueCursor() {
        Api api = api();
        SignedIn owner = user("Pager");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create(api, owner, "Page " + i));
        }
        List<String> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = api.get(WORKSPACES + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), owner.accessToken());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonObject body = page.json();
            assertThat(body.getJsonArray("items").size()).isLessThanOrEqualTo(2);
            body.getJsonArray("items").getValuesAs(JsonObject.class).forEach(o -> seen.add(o.getString("id")));
            cursor = body.containsKey("nextCursor") && body.get("nextCursor").getValueType() != JsonValue.ValueType.NULL
                    ? body.getString("nextCursor") : null;
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        JsonObject all = api.get(WORKSPACES, owner.accessToken()).json();
        assertThat(all.getJsonArray("items")).hasSize(5);
        assertThat(all.isNull("nextCursor")).isTrue();
        assertProblem(api.get(WORKSPACES + "?limit=0", owner.accessToken()), 400, "/problems/validation");
        assertProblem(api.get(WORKSPACES + "?limit=201", owner.accessToken()), 400, "/problems/validation");
        assertProblem(api.get(WORKSPACES + "?limit=abc", owner.accessToken()), 400, "/problems/validation");
        assertProblem(api.get(WORKSPACES + "?cursor=not-a-cursor", owner.accessToken()), 400, "/problems/validation");
        assertThat(api.get(WORKSPACES + "?limit=200", owner.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void aDeletedWorkspaceDisappearsUntilAnOwnerRestoresIt() {
        Api api = api();
        SignedIn owner = user("Deleter");
        SignedIn manager = user("Deleted Manager");
        String id = create(api, owner, "Short-lived");
        join(api, owner, id, manager, MemberRole.MANAGER);

        assertThat(api.delete(WORKSPACES + "/" + id, owner.accessToken()).status()).isEqualTo(204);

        for (SignedIn who : List.of(owner, manager)) {
            assertProblem(api.get(WORKSPACES + "/" + id, who.accessToken()), 404, "/problems/not-found");
            assertProblem(api.get(WORKSPACES + "/" + id + "/members", who.accessToken()), 404, "/problems/not-found");
            assertThat(api.get(WORKSPACES, who.accessToken()).json().getJsonArray("items").getValuesAs(JsonObject.class))
                    .extracting(o -> o.getString("id")).doesNotContain(id);
        }
        assertProblem(api.delete(WORKSPACES + "/" + id, owner.accessToken()), 404, "/problems/not-found");
        JsonObject deleted = api.get(WORKSPACES + "?deleted=true", owner.accessToken()).json();
        assertThat(deleted.getJsonArray("items").getValuesAs(JsonObject.class)).singleElement()
                .satisfies(o -> assertThat(o.getString("id")).isEqualTo(id))
                .satisfies(o -> assertThat(o.getString("deletedAt")).isNotBlank());
        assertThat(api.get(WORKSPACES + "?deleted=true", manager.accessToken()).json().getJsonArray("items")).isEmpty();
        assertProblem(api.post(WORKSPACES + "/" + id + "/restore", json(), manager.accessToken()), 404, "/problems/not-found");

        Reply restored = api.post(WORKSPACES + "/" + id + "/restore", json(), owner.accessToken());

        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.json().containsKey("deletedAt") && !restored.json().isNull("deletedAt")).isFalse();
        assertThat(api.get(WORKSPACES + "/" + id, manager.accessToken()).status()).isEqualTo(200);
        assertThat(api.get(WORKSPACES + "?deleted=true", owner.accessToken()).json().getJsonArray("items")).isEmpty();
        assertThat(memberIds(api, owner, id)).containsExactlyInAnyOrder(owner.id(), manager.id());
    }

    @Test
    void theLastOwnerCannotLeaveButCanHandOwnershipOn() {
        Api api = api();
        SignedIn owner = user("Last Owner");
        SignedIn heir = user("Heir");
        String id = create(api, owner, "Keep an owner");
        join(api, owner, id, heir, MemberRole.MEMBER);

        Reply leave = api.post(WORKSPACES + "/" + id + "/leave", json(), owner.accessToken());
        assertProblem(leave, 409, "/problems/last-owner");
        assertThat(leave.json().getString("detail")).contains("owner");
        assertProblem(api.patch(WORKSPACES + "/" + id + "/members/" + owner.id(), json("role", "MEMBER"), owner.accessToken()),
                409, "/problems/last-owner");
        assertProblem(api.delete(WORKSPACES + "/" + id + "/members/" + owner.id(), owner.accessToken()), 409, "/problems/last-owner");

        Reply transferred = api.post(WORKSPACES + "/" + id + "/transfer", json("accountId", heir.id()), owner.accessToken());
        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);
        assertThat(transferred.json().getString("myRole")).isEqualTo("MANAGER");
        assertThat(api.get(WORKSPACES + "/" + id, heir.accessToken()).json().getString("myRole")).isEqualTo("OWNER");
        // A manager now: may not touch the owner.
        assertProblem(api.delete(WORKSPACES + "/" + id + "/members/" + heir.id(), owner.accessToken()), 403, "/problems/forbidden");

        assertThat(api.post(WORKSPACES + "/" + id + "/leave", json(), owner.accessToken()).status()).isEqualTo(204);
        assertProblem(api.get(WORKSPACES + "/" + id, owner.accessToken()), 404, "/problems/not-found");
        assertProblem(api.post(WORKSPACES + "/" + id + "/leave", json(), heir.accessToken()), 409, "/problems/last-owner");
        assertThat(memberIds(api, heir, id)).containsExactly(heir.id());
    }

    // ---------------------------------------------------------------- invitations

    @Test
    void anInvitationWaitsForTheInviteeToAcceptEvenOneWhoRegistersLater() {
        Api api = api();
        SignedIn owner = user("Inviter");
        String id = create(api, owner, "초대 Invitations");
        String email = Api.newEmail("later");

        Reply invited = api.post(WORKSPACES + "/" + id + "/invitations", json("email", email.toUpperCase(), "role", "MANAGER"),
                owner.accessToken());
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        assertThat(invited.json().getString("status")).isEqualTo("PENDING");
        assertThat(invited.json().getString("email")).isEqualTo(email);
        Reply again = api.post(WORKSPACES + "/" + id + "/invitations", json("email", email, "role", "GUEST"), owner.accessToken());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getString("id")).isEqualTo(invited.json().getString("id"));
        assertThat(again.json().getString("role")).isEqualTo("MANAGER");

        SignedIn invitee = userWithEmail(email, "Later Invitee");
        List<JsonObject> mine = api.get("/api/v1/me/invitations", invitee.accessToken()).items().getValuesAs(JsonObject.class);
        assertThat(mine).singleElement().satisfies(i -> {
            assertThat(i.getString("workspaceName")).isEqualTo("초대 Invitations");
            assertThat(i.getString("role")).isEqualTo("MANAGER");
        });
        // Invited is not joined.
        assertThat(memberIds(api, owner, id)).containsExactly(owner.id());
        assertProblem(api.get(WORKSPACES + "/" + id, invitee.accessToken()), 404, "/problems/not-found");

        String invitation = mine.get(0).getString("id");
        Reply accepted = api.post("/api/v1/me/invitations/" + invitation + "/accept", json(), invitee.accessToken());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().getString("id")).isEqualTo(id);
        assertThat(accepted.json().getString("myRole")).isEqualTo("MANAGER");
        Reply twice = api.post("/api/v1/me/invitations/" + invitation + "/accept", json(), invitee.accessToken());
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.json().getString("myRole")).isEqualTo("MANAGER");

        assertThat(memberIds(api, owner, id)).containsExactlyInAnyOrder(owner.id(), invitee.id());
        JsonObject outcome = api.get(WORKSPACES + "/" + id + "/invitations", owner.accessToken()).items().getJsonObject(0);
        assertThat(outcome.getString("status")).isEqualTo("ACCEPTED");
        assertThat(outcome.getString("answeredAt")).isNotBlank();
        assertThat(api.get("/api/v1/me/invitations", invitee.accessToken()).items()).isEmpty();
        assertProblem(api.post(WORKSPACES + "/" + id + "/invitations", json("email", email, "role", "MEMBER"), owner.accessToken()),
                409, "/problems/already-member");
        assertProblem(api.post(WORKSPACES + "/" + id + "/invitations/" + invitation + "/revoke", json(), owner.accessToken()),
                409, "/problems/invitation-not-pending");
    }

    @Test
    void declinedAndRevokedInvitationsNeverMakeAMember() {
        Api api = api();
        SignedIn owner = user("Decline Host");
        SignedIn decliner = user("Decliner");
        SignedIn revoked = user("Revoked");
        String id = create(api, owner, "Consent");
        String declined = invite(api, owner, id, decliner.email(), "MEMBER");
        String withdrawn = invite(api, owner, id, revoked.email(), "GUEST");

        assertThat(api.post("/api/v1/me/invitations/" + declined + "/decline", json(), decliner.accessToken()).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/me/invitations/" + declined + "/decline", json(), decliner.accessToken()).status()).isEqualTo(204);
        assertProblem(api.post("/api/v1/me/invitations/" + declined + "/accept", json(), decliner.accessToken()),
                409, "/problems/invitation-not-pending");

        Reply revoke = api.post(WORKSPACES + "/" + id + "/invitations/" + withdrawn + "/revoke", json(), owner.accessToken());
        assertThat(revoke.status()).as(revoke.toString()).isEqualTo(200);
        assertThat(revoke.json().getString("status")).isEqualTo("REVOKED");
        assertThat(api.post(WORKSPACES + "/" + id + "/invitations/" + withdrawn + "/revoke", json(), owner.accessToken()).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/me/invitations", revoked.accessToken()).items()).isEmpty();
        assertProblem(api.post("/api/v1/me/invitations/" + withdrawn + "/accept", json(), revoked.accessToken()),
                409, "/problems/invitation-not-pending");

        assertThat(memberIds(api, owner, id)).containsExactly(owner.id());
        Map<String, String> statuses = new java.util.HashMap<>();
        api.get(WORKSPACES + "/" + id + "/invitations", owner.accessToken()).items().getValuesAs(JsonObject.class)
                .forEach(i -> statuses.put(i.getString("id"), i.getString("status")));
        assertThat(statuses).containsEntry(declined, "DECLINED").containsEntry(withdrawn, "REVOKED");
        assertProblem(api.post(WORKSPACES + "/" + id + "/invitations", json("email", Api.newEmail("boss"), "role", "OWNER"),
                owner.accessToken()), 400, "/problems/validation");
    }

    // ---------------------------------------------------------------- invite links

    @Test
    void inviteLinksJoinUntilUsedUpAndRefuseTamperingAndRevocation() throws Exception {
        Api api = api();
        SignedIn owner = user("Link Owner");
        String id = create(api, owner, "Linked");
        Reply made = api.post(WORKSPACES + "/" + id + "/invite-links", json("role", "GUEST", "maxUses", 2), owner.accessToken());
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String token = made.json().getString("token");
        String linkId = made.json().getString("id");
        assertThat(token).startsWith(linkId + ".");

        SignedIn first = user("Link First");
        String signature = token.substring(token.lastIndexOf('.') + 1);
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + (signature.startsWith("A") ? "B" : "A") + signature.substring(1);
        String[] parts = token.split("\\.");
        String longer = parts[0] + "." + (Long.parseLong(parts[1]) + 86400) + "." + parts[2];
        for (String bad : List.of(tampered, longer, "garbage", linkId + ".1.x")) {
            assertProblem(api.post("/api/v1/invite-links/redeem", json("token", bad), first.accessToken()), 400, "/problems/invalid-invite-link");
        }
        assertThat(memberIds(api, owner, id)).containsExactly(owner.id());

        Reply joined = api.post("/api/v1/invite-links/redeem", json("token", token), first.accessToken());
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(joined.json().getString("id")).isEqualTo(id);
        assertThat(joined.json().getString("myRole")).isEqualTo("GUEST");
        assertThat(api.post("/api/v1/invite-links/redeem", json("token", token), first.accessToken()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/invite-links/redeem", json("token", token), owner.accessToken()).json().getString("myRole"))
                .isEqualTo("OWNER");
        assertThat(api.post("/api/v1/invite-links/redeem", json("token", token), user("Link Second").accessToken()).status()).isEqualTo(200);
        assertProblem(api.post("/api/v1/invite-links/redeem", json("token", token), user("Link Third").accessToken()),
                410, "/problems/invite-link-exhausted");
        assertThat(api.get(WORKSPACES + "/" + id + "/invite-links", owner.accessToken()).items().getJsonObject(0).getInt("uses")).isEqualTo(2);

        String revocable = api.post(WORKSPACES + "/" + id + "/invite-links", json("role", "MEMBER"), owner.accessToken()).json().getString("token");
        Reply revoked = api.post(WORKSPACES + "/" + id + "/invite-links/" + revocable.split("\\.")[0] + "/revoke", json(), owner.accessToken());
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().getString("revokedAt")).isNotBlank();
        assertProblem(api.post("/api/v1/invite-links/redeem", json("token", revocable), user("Link Late").accessToken()),
                410, "/problems/invite-link-revoked");

        assertProblem(api.post(WORKSPACES + "/" + id + "/invite-links", json("role", "MEMBER", "expiresInDays", 31), owner.accessToken()),
                400, "/problems/validation");
        assertProblem(api.post(WORKSPACES + "/" + id + "/invite-links", json("role", "OWNER"), owner.accessToken()),
                400, "/problems/validation");
        java.nio.file.Path secret = java.nio.file.Path.of(System.getenv("MOIM_DATA_DIR"), "keys", "invite-link-secret");
        assertThat(java.nio.file.Files.getPosixFilePermissions(secret))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        JsonObject defaults = api.post(WORKSPACES + "/" + id + "/invite-links", json("role", "MANAGER"), owner.accessToken()).json();
        assertThat(java.time.Duration.between(java.time.Instant.parse(defaults.getString("createdAt")),
                java.time.Instant.parse(defaults.getString("expiresAt"))).toDays()).isEqualTo(6);
    }

    @Test
    void concurrentRedemptionsNeverExceedTheMaximum() throws Exception {
        Api api = api();
        SignedIn owner = user("Race Owner");
        String id = create(api, owner, "Race");
        String token = api.post(WORKSPACES + "/" + id + "/invite-links", json("role", "MEMBER", "maxUses", 3), owner.accessToken())
                .json().getString("token");
        List<SignedIn> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(user("Racer"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers.size());
        try {
            List<Callable<Reply>> redemptions = new ArrayList<>();
            for (SignedIn racer : racers) {
                redemptions.add(() -> api().post("/api/v1/invite-links/redeem", json("token", token), racer.accessToken()));
            }
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> reply : pool.invokeAll(redemptions)) {
                replies.add(reply.get());
            }
            assertThat(replies).as(replies.toString()).filteredOn(r -> r.status() == 200).hasSize(3);
            assertThat(replies).as(replies.toString()).filteredOn(r -> r.status() == 410
                    && r.problemType().equals("/problems/invite-link-exhausted")).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(memberIds(api, owner, id)).hasSize(4);
        assertThat(api.get(WORKSPACES + "/" + id + "/invite-links", owner.accessToken()).items().getJsonObject(0).getInt("uses")).isEqualTo(3);
        Set<String> unique = new HashSet<>(memberIds(api, owner, id));
        assertThat(unique).hasSize(4);
    }

    @Test
    void onePersonRedeemingALinkTwiceAtOnceJoinsOnceAndNeverGetsAServerError() throws Exception {
        Api api = api();
        SignedIn owner = user("Twice Owner");
        String id = create(api, owner, "Twice");
        String token = api.post(WORKSPACES + "/" + id + "/invite-links", json("role", "MEMBER", "maxUses", 5), owner.accessToken())
                .json().getString("token");
        SignedIn eager = user("Eager");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Reply>> redemptions = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                redemptions.add(() -> api().post("/api/v1/invite-links/redeem", json("token", token), eager.accessToken()));
            }
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> reply : pool.invokeAll(redemptions)) {
                replies.add(reply.get());
            }
            assertThat(replies).as(replies.toString()).extracting(Reply::status).isSubsetOf(200, 409).contains(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(memberIds(api, owner, id)).hasSize(2);
        assertThat(api.get(WORKSPACES + "/" + id + "/invite-links", owner.accessToken()).items().getJsonObject(0).getInt("uses")).isEqualTo(1);
    }

    @Test
    void twoManagersInvitingOneAddressAtOnceLeaveOnePendingInvitation() throws Exception {
        Api api = api();
        SignedIn owner = user("Race Owner");
        String id = create(api, owner, "Race");
        String email = Api.newEmail("raced");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Reply> replies = new ArrayList<>();
        try {
            List<Callable<Reply>> invitations = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                invitations.add(() -> api().post(WORKSPACES + "/" + id + "/invitations", json("email", email, "role", "MEMBER"),
                        owner.accessToken()));
            }
            for (Future<Reply> reply : pool.invokeAll(invitations)) {
                replies.add(reply.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(replies).as(replies.toString()).extracting(Reply::status).isSubsetOf(200, 201, 409).contains(201);
        List<String> pending = api.get(WORKSPACES + "/" + id + "/invitations", owner.accessToken()).items()
                .getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("status").equals("PENDING")).map(i -> i.getString("id")).toList();
        assertThat(pending).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() != 409).extracting(r -> r.json().getString("id")).containsOnly(pending.get(0));

        // Once answered, the address may be invited again.
        assertThat(api.post(WORKSPACES + "/" + id + "/invitations/" + pending.get(0) + "/revoke", json(), owner.accessToken()).status()).isEqualTo(200);
        assertThat(api.post(WORKSPACES + "/" + id + "/invitations", json("email", email, "role", "GUEST"), owner.accessToken()).status())
                .isEqualTo(201);
    }
}
