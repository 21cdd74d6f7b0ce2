package org.moim.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
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

/**
 * The gallery against a running server: pages of pictures in a fixed number of statements and
 * by cursor, the file feature's visibility rule as a matrix (roles, outsiders, someone else's
 * workspace, a private channel), comments and reactions notifying the uploader and the people
 * mentioned, and every bad input with its problem type.
 */
@ExtendWith(ArquillianExtension.class)
class GalleryIT {

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

    private String workspace(SignedIn owner, String name) {
        Reply created = api().post("/api/v1/workspaces", json("name", name), owner.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("id");
    }

    private void join(SignedIn owner, String workspace, SignedIn who, String role) {
        Reply invited = api().post("/api/v1/workspaces/" + workspace + "/invitations", json("email", who.email(), "role", role), owner.accessToken());
        assertThat(invited.status()).as(invited.toString()).isIn(200, 201);
        Reply accepted = api().post("/api/v1/me/invitations/" + invited.json().getString("id") + "/accept", json(), who.accessToken());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    }

    private String upload(String workspace, SignedIn who, String name, byte[] content, String target) {
        String query = "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + (target == null ? "" : "&target=" + target);
        Reply stored = api().request("PUT", "/api/v1/workspaces/" + workspace + "/files" + query).bearer(who.accessToken())
                .body("application/octet-stream", content).send();
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        return stored.json().getString("id");
    }

    private Reply gallery(String workspace, SignedIn who, String query) {
        return get("/api/v1/workspaces/" + workspace + "/gallery" + query, who);
    }

    private static List<String> names(Reply page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream().map(p -> p.getString("name")).toList();
    }

    private static int statements(Reply reply) {
        return Integer.parseInt(reply.header("X-Moim-Sql-Statements").orElseThrow());
    }

    private static byte[] png(int seed) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(seed % 8, (seed / 8) % 8, 0x3366FF + seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private List<JsonObject> galleryNotifications(SignedIn who) {
        return get("/api/v1/me/notifications", who).json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(n -> n.getString("kind").startsWith("gallery.")).toList();
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.problemType()).isEqualTo("/problems/" + type);
    }

    @Test
    void aPageCostsTheSameStatementsForOnePictureOrManyAndTheCursorWalksThemAllOnce() {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        String workspace = workspace(ann, "Pictures");
        join(ann, workspace, ben, "MEMBER");
        upload(workspace, ann, "notes.txt", "not a picture".getBytes(StandardCharsets.UTF_8), null);
        String first = upload(workspace, ann, "photo-00.png", png(0), null);
        api().request("PUT", "/api/v1/pictures/" + first + "/reactions/like").bearer(ben.accessToken()).send();

        Reply one = gallery(workspace, ben, "");
        assertThat(names(one)).containsExactly("photo-00.png");
        int forOne = statements(one);

        for (int i = 1; i < 25; i++) {
            String id = upload(workspace, i % 2 == 0 ? ann : ben, "photo-%02d.png".formatted(i), png(i), null);
            if (i % 3 == 0) {
                api().post("/api/v1/pictures/" + id + "/comments", json("body", "Nice " + i), ann.accessToken());
            }
            if (i % 4 == 0) {
                api().request("PUT", "/api/v1/pictures/" + id + "/reactions/love").bearer(ben.accessToken()).send();
            }
        }
        Reply many = gallery(workspace, ben, "");
        assertThat(names(many)).hasSize(25).first().isEqualTo("photo-24.png");
        assertThat(statements(many)).as("no N+1: one picture or twenty-five, with comments and reactions").isEqualTo(forOne);
        assertThat(forOne).isLessThanOrEqualTo(5);
        JsonObject twelve = many.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("name").equals("photo-12.png")).findFirst().orElseThrow();
        assertThat(twelve.getInt("comments")).isEqualTo(1);
        assertThat(twelve.getJsonArray("reactions").getJsonObject(0).getString("code")).isEqualTo("love");
        assertThat(twelve.getJsonArray("reactions").getJsonObject(0).getBoolean("mine")).isTrue();

        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = gallery(workspace, ben, "?limit=7" + (cursor == null ? "" : "&cursor=" + cursor));
            walked.addAll(names(page));
            assertThat(statements(page)).as("every page alike").isEqualTo(forOne);
            cursor = page.json().isNull("nextCursor") ? null : page.json().getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(4);
        assertThat(walked).hasSize(25).doesNotHaveDuplicates().containsExactlyElementsOf(names(many));

        assertProblem(gallery(workspace, ben, "?cursor=bm9wZQ"), 400, "validation");
        assertProblem(gallery(workspace, ben, "?limit=0"), 400, "validation");
        assertProblem(gallery(workspace, ben, "?target=card:x"), 400, "validation");
    }

    @Test
    void whoSeesAPictureIsWhoSeesTheFile() {
        SignedIn owner = user("Owner");
        SignedIn manager = user("Manager");
        SignedIn member = user("Member");
        SignedIn guest = user("Guest");
        SignedIn outsider = user("Outsider");
        SignedIn elsewhere = user("Elsewhere");
        String workspace = workspace(owner, "Matrix");
        join(owner, workspace, manager, "MANAGER");
        join(owner, workspace, member, "MEMBER");
        join(owner, workspace, guest, "GUEST");
        String other = workspace(elsewhere, "Another");
        String picture = upload(workspace, member, "team.png", png(1), null);
        String theirs = upload(other, elsewhere, "theirs.png", png(2), null);

        Map<String, SignedIn> people = new LinkedHashMap<>();
        people.put("OWNER", owner);
        people.put("MANAGER", manager);
        people.put("MEMBER", member);
        people.put("GUEST", guest);
        people.put("outsider", outsider);
        people.put("other workspace's member", elsewhere);
        Map<String, List<Integer>> expected = Map.of(
                "OWNER", List.of(200, 200, 201, 200),
                "MANAGER", List.of(200, 200, 201, 200),
                "MEMBER", List.of(200, 200, 201, 200),
                "GUEST", List.of(200, 404, 404, 404),
                "outsider", List.of(404, 404, 404, 404),
                "other workspace's member", List.of(404, 404, 404, 404));
        people.forEach((who, account) -> {
            List<Integer> answers = List.of(
                    gallery(workspace, account, "").status(),
                    get("/api/v1/pictures/" + picture, account).status(),
                    api().post("/api/v1/pictures/" + picture + "/comments", json("body", "hi"), account.accessToken()).status(),
                    api().request("PUT", "/api/v1/pictures/" + picture + "/reactions/wow").bearer(account.accessToken()).send().status());
            assertThat(answers).as(who + ": gallery, picture, comment, react").isEqualTo(expected.get(who));
        });
        assertThat(names(gallery(workspace, guest, ""))).as("a guest sees only what the file rule shows").isEmpty();
        assertProblem(get("/api/v1/pictures/" + theirs, owner), 404, "not-found");

        // A private channel's pictures: its members only, even for owners; 404 for the channel's gallery.
        Reply created = api().post("/api/v1/workspaces/" + workspace + "/channels", Json.createObjectBuilder().add("name", "secret")
                .add("isPrivate", true).add("memberIds", Json.createArrayBuilder().add(manager.id())).build(), member.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String channel = created.json().getString("id");
        String hidden = upload(workspace, member, "hidden.png", png(3), "channel:" + channel);
        assertThat(names(gallery(workspace, manager, "?target=channel:" + channel))).containsExactly("hidden.png");
        assertThat(names(gallery(workspace, member, "?target=channel:" + channel))).containsExactly("hidden.png");
        assertThat(get("/api/v1/pictures/" + hidden, manager).status()).isEqualTo(200);
        for (SignedIn stranger : List.of(owner, guest, outsider, elsewhere)) {
            assertProblem(gallery(workspace, stranger, "?target=channel:" + channel), 404, "not-found");
            assertProblem(get("/api/v1/pictures/" + hidden, stranger), 404, "not-found");
            assertProblem(get("/api/v1/pictures/" + hidden + "/comments", stranger), 404, "not-found");
        }
        assertThat(names(gallery(workspace, owner, ""))).as("not in the workspace's gallery either").doesNotContain("hidden.png");
        assertProblem(gallery(other, elsewhere, "?target=channel:" + channel), 404, "not-found");

        // Deleting someone else's comment: the author, or owners and managers.
        String comment = api().post("/api/v1/pictures/" + picture + "/comments", json("body", "mine"), member.accessToken())
                .json().getString("id");
        assertThat(api().delete("/api/v1/pictures/" + picture + "/comments/" + comment, owner.accessToken()).status()).isEqualTo(204);
        assertProblem(api().delete("/api/v1/pictures/" + picture + "/comments/" + comment, owner.accessToken()), 404, "not-found");
        String another = api().post("/api/v1/pictures/" + picture + "/comments", json("body", "again"), owner.accessToken())
                .json().getString("id");
        assertProblem(api().delete("/api/v1/pictures/" + picture + "/comments/" + another, member.accessToken()), 403, "forbidden");
    }

    @Test
    void commentsAndReactionsTellTheUploaderAndMentionsTellWhoMaySeeThePicture() {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        SignedIn cho = user("Cho");
        SignedIn guest = user("Dae");
        String workspace = workspace(ann, "Notices");
        join(ann, workspace, ben, "MEMBER");
        join(ann, workspace, cho, "MEMBER");
        join(ann, workspace, guest, "GUEST");
        String picture = upload(workspace, ann, "sunset.png", png(5), null);

        Reply commented = api().post("/api/v1/pictures/" + picture + "/comments",
                json("body", "Look @[Cho](" + cho.id() + ") and @[Dae](" + guest.id() + ")"), ben.accessToken());
        assertThat(commented.status()).as(commented.toString()).isEqualTo(201);
        assertThat(commented.json().getString("authorName")).isEqualTo("Ben");
        assertThat(commented.json().getJsonArray("mentionsNotDelivered").getString(0)).as("the guest cannot see it").isEqualTo(guest.id());

        List<JsonObject> anns = galleryNotifications(ann);
        assertThat(anns).extracting(n -> n.getString("kind")).containsExactly("gallery.commented");
        assertThat(anns.get(0).getString("link")).isEqualTo("#/w/" + workspace + "/gallery?picture=" + picture);
        assertThat(anns.get(0).getString("excerpt")).isEqualTo("Look @Cho and @Dae");
        assertThat(galleryNotifications(cho)).extracting(n -> n.getString("kind")).containsExactly("gallery.mentioned");
        assertThat(galleryNotifications(guest)).isEmpty();
        assertThat(galleryNotifications(ben)).as("never the actor").isEmpty();

        Reply reacted = api().request("PUT", "/api/v1/pictures/" + picture + "/reactions/clap").bearer(ben.accessToken()).send();
        assertThat(reacted.status()).as(reacted.toString()).isEqualTo(200);
        assertThat(reacted.json().getJsonArray("reactions").getJsonObject(0).getInt("count")).isEqualTo(1);
        api().request("PUT", "/api/v1/pictures/" + picture + "/reactions/clap").bearer(ben.accessToken()).send();
        assertThat(galleryNotifications(ann)).extracting(n -> n.getString("kind")).as("twice is once")
                .containsExactly("gallery.reacted", "gallery.commented");
        Reply taken = api().request("DELETE", "/api/v1/pictures/" + picture + "/reactions/clap").bearer(ben.accessToken()).send();
        assertThat(taken.json().getJsonArray("reactions")).isEmpty();

        // Her own comment and reaction tell her nothing.
        api().post("/api/v1/pictures/" + picture + "/comments", json("body", "Thanks"), ann.accessToken());
        api().request("PUT", "/api/v1/pictures/" + picture + "/reactions/love").bearer(ann.accessToken()).send();
        assertThat(galleryNotifications(ann)).hasSize(2);

        Reply comments = get("/api/v1/pictures/" + picture + "/comments?limit=1", cho);
        assertThat(comments.json().getJsonArray("items").getJsonObject(0).getString("body")).startsWith("Look");
        String next = comments.json().getString("nextCursor");
        assertThat(get("/api/v1/pictures/" + picture + "/comments?limit=1&cursor=" + next, cho).json()
                .getJsonArray("items").getJsonObject(0).getString("body")).isEqualTo("Thanks");
    }

    @Test
    void badInputGetsItsProblemAndAFloodOfReactionsIsHeldBack() {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        String workspace = workspace(ann, "Bad input");
        join(ann, workspace, ben, "MEMBER");
        String picture = upload(workspace, ann, "cat.png", png(7), null);
        String text = upload(workspace, ann, "cat.txt", "meow".getBytes(StandardCharsets.UTF_8), null);

        assertProblem(api().request("PUT", "/api/v1/pictures/" + picture + "/reactions/thumbs-sideways").bearer(ben.accessToken()).send(),
                400, "validation");
        Reply unknown = api().request("PUT", "/api/v1/pictures/" + picture + "/reactions/%F0%9F%91%8D").bearer(ben.accessToken()).send();
        assertProblem(unknown, 400, "validation");
        assertThat(unknown.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("code");
        assertProblem(api().post("/api/v1/pictures/" + picture + "/comments", json("body", "  "), ben.accessToken()), 400, "validation");
        assertProblem(api().post("/api/v1/pictures/" + picture + "/comments", json("body", "x".repeat(2001)), ben.accessToken()), 400, "validation");
        assertProblem(api().post("/api/v1/pictures/" + picture + "/comments", json("body", "bell\u0007"), ben.accessToken()), 400, "validation");
        assertProblem(api().post("/api/v1/pictures/" + picture + "/comments", json(), ben.accessToken()), 400, "validation");
        assertProblem(api().post("/api/v1/pictures/" + text + "/comments", json("body", "not a picture"), ben.accessToken()), 404, "not-found");

        // A deleted picture takes its comments and reactions with it, and answers 404 from then on.
        api().post("/api/v1/pictures/" + picture + "/comments", json("body", "before"), ben.accessToken());
        assertThat(api().delete("/api/v1/files/" + picture, ann.accessToken()).status()).isEqualTo(204);
        assertProblem(api().post("/api/v1/pictures/" + picture + "/comments", json("body", "after"), ben.accessToken()), 404, "not-found");
        assertProblem(api().request("PUT", "/api/v1/pictures/" + picture + "/reactions/like").bearer(ben.accessToken()).send(), 404, "not-found");
        assertProblem(get("/api/v1/pictures/" + picture + "/comments", ben), 404, "not-found");

        // A flood: 60 reaction changes a minute (moim.gallery.reactions-per-minute), then 429 with Retry-After.
        String flooded = upload(workspace, ann, "dog.png", png(8), null);
        Reply last = null;
        int accepted = 0;
        for (int i = 0; i < 70; i++) {
            last = api().request(i % 2 == 0 ? "PUT" : "DELETE", "/api/v1/pictures/" + flooded + "/reactions/like").bearer(ben.accessToken()).send();
            if (last.status() != 200) {
                break;
            }
            accepted++;
        }
        assertThat(accepted).isEqualTo(60);
        assertProblem(last, 429, "rate-limited");
        assertThat(last.header("Retry-After")).isPresent();
        assertThat(galleryNotifications(ann)).as("one notice per reaction added, not a flood").hasSizeLessThanOrEqualTo(30);
    }
}
