package org.moim.notification.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.moim.identity.entity.Account.Language;
import org.moim.notification.entity.MailMode;

class NotificationMailTextTest {

    private static final NotificationMailText.Links LINKS = new NotificationMailText.Links("https://moim.example/",
            "https://moim.example/#/profile", "https://moim.example/#/unsubscribe?token=t");

    private static final List<MailTemplate.Entry> TWO = List.of(
            new MailTemplate.Entry("<i>Eve</i> mentioned you in chat", "look at <script>alert(1)</script> & this",
                    "https://moim.example/#/w/1/chat/2"),
            new MailTemplate.Entry("Ann assigned you to “Plan”", null, "https://moim.example/#/w/1/boards/3?card=4"));

    @Test
    void aDigestHasBothPartsWithALinkToEachItemAndTheSmallPrintLinks() {
        Letter letter = NotificationMailText.compose(Language.EN, "Ben & <Co>", MailMode.DIGEST, TWO, LINKS);

        assertThat(letter.subject()).isEqualTo("Moim: 2 notifications you have not seen");
        assertThat(letter.text()).contains("Hello Ben & <Co>,", "* <i>Eve</i> mentioned you in chat",
                "  \"look at <script>alert(1)</script> & this\"", "  https://moim.example/#/w/1/chat/2",
                "set to “as a digest”", "https://moim.example/#/profile", "https://moim.example/#/unsubscribe?token=t");
        Document html = Jsoup.parse(letter.html());
        assertThat(html.select("script")).as("user content is escaped").isEmpty();
        assertThat(html.select("i")).isEmpty();
        assertThat(html.select("li a").eachAttr("href"))
                .containsExactly("https://moim.example/#/w/1/chat/2", "https://moim.example/#/w/1/boards/3?card=4");
        assertThat(html.select("li a").eachText()).containsExactly("<i>Eve</i> mentioned you in chat", "Ann assigned you to “Plan”");
        assertThat(html.select("li div").first().text()).isEqualTo("look at <script>alert(1)</script> & this");
        assertThat(html.body().text()).contains("Hello Ben & <Co>,");
        assertThat(html.select("a[href=https://moim.example/]").text()).isEqualTo("Open Moim");
        assertThat(html.select("a[href=https://moim.example/#/profile]").text()).isEqualTo("notification mail settings");
        assertThat(html.select("a[href=https://moim.example/#/unsubscribe?token=t]").text()).isEqualTo("unsubscribe");
    }

    @Test
    void oneNotificationIsTheSubjectAndKoreanReadersGetKoreanWords() {
        Letter letter = NotificationMailText.compose(Language.KO, "벤", MailMode.IMMEDIATE, TWO.subList(1, 2), LINKS);

        assertThat(letter.subject()).isEqualTo("Moim: Ann assigned you to “Plan”");
        Document html = Jsoup.parse(letter.html());
        assertThat(html.body().text()).contains("벤님, 안녕하세요.", "Moim에서 아직 확인하지 않은 알림입니다.", "“바로 받기”");
        assertThat(html.select("a[href=https://moim.example/#/profile]").text()).isEqualTo("알림 메일 설정");
        assertThat(html.select("a[href=https://moim.example/#/unsubscribe?token=t]").text()).isEqualTo("수신 거부");
        assertThat(html.select("a[href=https://moim.example/]").text()).isEqualTo("Moim 열기");
    }
}
