package org.moim.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * Notification mail with GreenMail as the SMTP server (the tests wait 20 s for a read, and mail
 * nobody who has not chosen it, pom.xml): two mentions a person did not read come as one digest
 * in their language, text and HTML (parsed here: a link to each item, names and messages
 * escaped, the profile and unsubscribe links), with a one-click unsubscribe (RFC 8058) that needs
 * no sign-in; someone who lost access to the channel meanwhile is mailed nothing; after
 * unsubscribing, nothing more. OFF mails nothing while DIGEST and IMMEDIATE do. The HTML parts
 * are written to {@code target/mail-previews/} for a look in a browser.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationMailIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(Integer.parseInt(System.getenv("MOIM_MAIL_PORT")), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void unreadMentionsComeAsOneDigestAndOneClickUnsubscribes() throws Exception {
        Api api = new Api(base);
        SignedIn ann = Accounts.signUp(api, "Ann <i>Lee</i>");
        SignedIn ben = Accounts.signUp(api, "Ben");
        SignedIn cid = Accounts.signUp(api, "Cid");
        assertThat(api.patch("/api/v1/me", json("locale", "ko"), ben.accessToken()).status()).isEqualTo(200);
        String workspace = Chat.workspace(base, ann, ben, cid);
        assertThat(mode(api, ben)).as("the tests' default").isEqualTo("OFF");
        for (SignedIn who : List.of(ben, cid)) {
            Reply chosen = api.request("PUT", "/api/v1/me/notification-mail").bearer(who.accessToken()).json(json("mode", "DIGEST")).send();
            assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        }
        Reply bad = api.request("PUT", "/api/v1/me/notification-mail").bearer(ben.accessToken()).json(json("mode", "HOURLY")).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getString("type")).isEqualTo("/problems/validation");
        assertThat(bad.json().getJsonArray("errors").getJsonObject(0).getString("field")).endsWith("mode");

        // Two mentions of Ben and Cid in #general; Cid leaves the workspace before the mail goes.
        WsClient annLive = Chat.connect(base, ann);
        for (String text : List.of("@Ben @Cid first look at <b>this</b> & that", "@Ben @Cid and this one")) {
            Chat.frame(annLive, "type", "send", "id", text, "channelId", workspace, "text", text,
                    "mentions", Json.createArrayBuilder().add(ben.id()).add(cid.id()).build());
            assertThat(Chat.reply(annLive, text).getString("type")).isEqualTo("ack");
        }
        Reply removed = api.delete("/api/v1/workspaces/" + workspace + "/members/" + cid.id(), ann.accessToken());
        assertThat(removed.status()).as(removed.toString()).isIn(200, 204);

        MimeMessage digest = awaitMail(ben.email());
        long runs = runs(api);
        awaitRuns(api, runs + 4);
        assertThat(mailsTo(ben.email())).as("one digest, not one mail per mention").hasSize(1);
        assertThat(mailsTo(cid.email())).as("Cid can no longer read #general").isEmpty();
        assertThat(digest.getSubject()).isEqualTo("Moim: 확인하지 않은 알림 2개");
        assertThat(digest.getContentType()).startsWith("multipart/alternative");
        String text = part(digest, "text/plain");
        assertThat(text).contains("Ben님, 안녕하세요.", "Ann <i>Lee</i>님이 채팅에서 회원님을 언급했습니다",
                "first look at <b>this</b> & that", "and this one", "#/w/" + workspace + "/chat/");
        String unsubscribe = digest.getHeader("List-Unsubscribe", null);
        assertThat(unsubscribe).matches("<https?://[^>]+/api/v1/notification-mail/unsubscribe\\?token=" + ben.id() + "\\.[A-Za-z0-9_-]{43}>");
        assertThat(digest.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String token = unsubscribe.substring(unsubscribe.indexOf("token=") + 6, unsubscribe.length() - 1);

        String app = base.toString().endsWith("/") ? base.toString() : base + "/";
        Document html = Jsoup.parse(preview(part(digest, "text/html"), "notification-digest-ko.html"));
        assertThat(html.select("li a").eachText()).as("a link to each item, names as written")
                .containsExactly("Ann <i>Lee</i>님이 채팅에서 회원님을 언급했습니다", "Ann <i>Lee</i>님이 채팅에서 회원님을 언급했습니다");
        assertThat(html.select("li a").eachAttr("href")).allMatch(href -> href.startsWith(app + "#/w/" + workspace + "/chat/"));
        assertThat(html.select("li div").eachText()).containsExactly("@Ben @Cid first look at <b>this</b> & that", "@Ben @Cid and this one");
        assertThat(html.select("i, b, script")).as("what people wrote is text, not markup").isEmpty();
        assertThat(html.body().text()).contains("Ben님, 안녕하세요.", "Moim에서 아직 확인하지 않은 알림입니다.", "“모아서 받기”");
        assertThat(html.select("a:containsOwn(Moim 열기)").attr("href")).isEqualTo(app);
        assertThat(html.select("a:containsOwn(알림 메일 설정)").attr("href")).isEqualTo(app + "#/profile");
        assertThat(html.select("a:containsOwn(수신 거부)").attr("href")).isEqualTo(app + "#/unsubscribe?token=" + token);

        // One click: the mail program posts to the header's URL, signed in as nobody.
        String url = unsubscribe.substring(unsubscribe.indexOf("/api/"), unsubscribe.length() - 1);
        Reply forged = post(api, url.substring(0, url.length() - 2) + "xx");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().getString("type")).isEqualTo("/problems/unsubscribe-link-invalid");
        Reply cut = post(api, url.substring(0, url.length() - 10));
        assertThat(cut.json().getString("type")).isEqualTo("/problems/unsubscribe-link-incomplete");
        assertThat(mode(api, ben)).isEqualTo("DIGEST");
        Reply done = post(api, url);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().getString("mode")).isEqualTo("OFF");
        assertThat(post(api, url).status()).as("again is fine").isEqualTo(200);
        assertThat(mode(api, ben)).isEqualTo("OFF");

        // Unsubscribed: a new mention is in the inbox, not in the mail.
        Chat.frame(annLive, "type", "send", "id", "third", "channelId", workspace, "text", "@Ben third",
                "mentions", Json.createArrayBuilder().add(ben.id()).build());
        assertThat(Chat.reply(annLive, "third").getString("type")).isEqualTo("ack");
        awaitRuns(api, runs(api) + 4);
        assertThat(mailsTo(ben.email())).hasSize(1);
        annLive.close();
    }

    @Test
    void offMailsNothingWhileDigestAndImmediateDo() throws Exception {
        Api api = new Api(base);
        SignedIn ann = Accounts.signUp(api, "Ann");
        SignedIn dan = Accounts.signUp(api, "Dan");
        SignedIn eve = Accounts.signUp(api, "Eve");
        SignedIn fay = Accounts.signUp(api, "Fay");
        String workspace = Chat.workspace(base, ann, dan, eve, fay);
        for (var choice : List.of(List.of(dan, "OFF"), List.of(eve, "DIGEST"), List.of(fay, "IMMEDIATE"))) {
            SignedIn who = (SignedIn) choice.get(0);
            Reply chosen = api.request("PUT", "/api/v1/me/notification-mail").bearer(who.accessToken()).json(json("mode", choice.get(1))).send();
            assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
            assertThat(mode(api, who)).isEqualTo(choice.get(1));
        }

        WsClient annLive = Chat.connect(base, ann);
        for (String text : List.of("@Dan @Eve @Fay one", "@Dan @Eve @Fay two")) {
            Chat.frame(annLive, "type", "send", "id", text, "channelId", workspace, "text", text,
                    "mentions", Json.createArrayBuilder().add(dan.id()).add(eve.id()).add(fay.id()).build());
            assertThat(Chat.reply(annLive, text).getString("type")).isEqualTo("ack");
        }
        annLive.close();

        MimeMessage digest = awaitMail(eve.email());
        awaitRuns(api, runs(api) + 4);
        assertThat(mailsTo(fay.email())).as("IMMEDIATE: one mail per mention").hasSize(2);
        assertThat(mailsTo(eve.email())).as("DIGEST: one mail for both").hasSize(1);
        assertThat(mailsTo(dan.email())).as("OFF: none").isEmpty();
        Reply inbox = api.get("/api/v1/me/notifications", dan.accessToken());
        List<String> kinds = inbox.json().getJsonArray("items").stream().map(item -> item.asJsonObject().getString("kind")).toList();
        assertThat(kinds).as("Dan's mentions are in his inbox, only not mailed").filteredOn("chat.mentioned"::equals).hasSize(2);

        assertThat(digest.getSubject()).isEqualTo("Moim: 2 notifications you have not seen");
        Document html = Jsoup.parse(preview(part(digest, "text/html"), "notification-digest-en.html"));
        assertThat(html.body().text()).contains("Hello Eve,", "Here is what you have not seen in Moim yet:", "“as a digest”");
        assertThat(html.select("li a").eachText()).hasSize(2).allMatch(title -> title.startsWith("Ann "));
        assertThat(html.select("a:containsOwn(notification mail settings)").attr("href")).endsWith("#/profile");
        assertThat(html.select("a:containsOwn(unsubscribe)").attr("href")).contains("#/unsubscribe?token=" + eve.id() + ".");

        MimeMessage once = mailsTo(fay.email()).get(0);
        assertThat(once.getSubject()).startsWith("Moim: Ann ");
        Document single = Jsoup.parse(preview(part(once, "text/html"), "notification-immediate-en.html"));
        assertThat(single.select("li")).hasSize(1);
        assertThat(single.body().text()).contains("Hello Fay,", "“immediately”");
        assertThat(part(once, "text/plain")).contains("Hello Fay,", "#/w/" + workspace + "/chat/");
    }

    /** The part of a multipart/alternative mail with that content type, decoded. */
    private static String part(MimeMessage mail, String type) throws Exception {
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType(type)) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no " + type + " part in " + mail.getContentType());
    }

    /** Writes an HTML part to target/mail-previews/ (for screenshots) and answers it. */
    private static String preview(String html, String name) throws Exception {
        Path dir = Path.of("target", "mail-previews");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(System.getenv().getOrDefault("MOIM_IT_DATABASE", "db") + "-" + name), html);
        return html;
    }

    private static Reply post(Api api, String path) {
        return api.request("POST", path).body("application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").send();
    }

    private static String mode(Api api, SignedIn who) {
        Reply reply = api.get("/api/v1/me/notification-mail", who.accessToken());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getString("mode");
    }

    /** The notification mails to the address (they carry List-Unsubscribe; the invitation mails the sign-ups caused do not). */
    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getHeader("List-Unsubscribe") != null
                        && Arrays.stream(m.getRecipients(RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private MimeMessage awaitMail(String address) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> mails = mailsTo(address);
            if (!mails.isEmpty()) {
                return mails.get(0);
            }
            smtp.waitForIncomingEmail(500, 1);
        }
        throw new AssertionError("No mail to " + address + " within " + DEADLINE);
    }

    private static long runs(Api api) {
        Reply reply = api.request("GET", "/api/v1/test-probe/leases/notification-mail").send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return Long.parseLong(reply.body().strip());
    }

    private static void awaitRuns(Api api, long atLeast) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (runs(api) < atLeast) {
            assertThat(Instant.now()).as("notification mail ran %d times", atLeast).isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
