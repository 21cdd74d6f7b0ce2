package org.moim.notification.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.moim.identity.entity.Account.Language;

class NotificationTitlesTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private static Notification stored(NotificationDraft draft) {
        return new Notification(draft, "recipient", Instant.parse("2026-12-07T08:00:00Z"));
    }

    @Test
    void aTitleIsRenderedInTheReadersLanguageFromItsKindAndParameters() {
        Notification n = stored(new NotificationDraft("chat.mentioned", "actor", null, "message", "m1",
                Map.of("actor", "Mina"), "hi @Ben", null));

        assertThat(n.title(Language.EN, ZoneOffset.UTC, null)).isEqualTo("Mina mentioned you in a chat");
        assertThat(n.title(Language.KO, SEOUL, null)).isEqualTo("Mina님이 채팅에서 회원님을 언급했습니다");
        assertThat(n.title(Language.KO, SEOUL, "Mina Park")).as("the actor's name as it is now")
                .isEqualTo("Mina Park님이 채팅에서 회원님을 언급했습니다");
        assertThat(n.title()).as("the English words are kept beside the parameters").isEqualTo("Mina mentioned you in a chat");
    }

    @Test
    void instantsAreShownInTheReadersTimeZone() {
        Map<String, String> params = Map.of("card", "Report", "dueAt", "2026-12-07T15:30:00Z");
        NotificationDraft draft = new NotificationDraft("card.due-soon", null, "w", "card", "c1", params, null, null);

        assertThat(stored(draft).title(Language.EN, ZoneOffset.UTC, null)).isEqualTo("“Report” is due Dec 7, 15:30");
        assertThat(stored(draft).title(Language.KO, SEOUL, null)).isEqualTo("“Report” 카드의 마감이 다가옵니다: 12월 8일 00:30");
    }

    @Test
    void variantsAndOutcomesPickTheirOwnWords() {
        Map<String, String> accepted = Map.of("actor", "Ben", "outcome", "accepted", "workspace", "Acme");
        assertThat(NotificationTitles.render("invitation.answered", accepted, Language.KO, ZoneOffset.UTC))
                .isEqualTo("Ben님이 “Acme” 워크스페이스 초대를 수락했습니다");
        Map<String, String> testMail = Map.of("type", "test-mail", "outcome", "failed", "variant", "test-mail.failed");
        assertThat(NotificationTitles.render("job.finished", testMail, Language.EN, ZoneOffset.UTC)).isEqualTo("Your test mail could not be sent");
        Map<String, String> other = Map.of("type", "export", "outcome", "succeeded", "variant", "export.succeeded");
        assertThat(NotificationTitles.render("job.finished", other, Language.KO, ZoneOffset.UTC)).isEqualTo("백그라운드 작업 “export”이(가) 끝났습니다");
        Map<String, String> invited = Map.of("actor", "Ann", "workspace", "Acme", "role", "MEMBER");
        assertThat(NotificationTitles.render("invitation.received", invited, Language.KO, ZoneOffset.UTC))
                .isEqualTo("Ann님이 회원님을 “Acme” 워크스페이스에 멤버(으)로 초대했습니다");
    }

    @Test
    void aRowWithoutParametersKeepsItsStoredEnglishTitle() throws Exception {
        Notification old = stored(new NotificationDraft("card.assigned", null, "w", "card", "c", Map.of("card", "X"), null, null));
        var params = Notification.class.getDeclaredField("params");
        params.setAccessible(true);
        params.set(old, null);
        var title = Notification.class.getDeclaredField("title");
        title.setAccessible(true);
        title.set(old, "You were assigned to \"X\"");

        assertThat(old.title(Language.KO, SEOUL, "Ann")).isEqualTo("You were assigned to \"X\"");
        assertThat(old.params()).isEmpty();
    }

    @Test
    void aKindWithoutWordsIsRefusedWhenDrafted() {
        assertThatThrownBy(() -> new NotificationDraft("card.unknown", null, null, null, null, Map.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void longParametersAreCutAndKeptAsJson() {
        String longTitle = "x".repeat(500);
        Notification n = stored(new NotificationDraft("card.assigned", null, "w", "card", "c", Map.of("card", longTitle), null, null));

        assertThat(n.params().get("card")).hasSize(NotificationDraft.MAX_PARAM).endsWith("…");
        assertThat(n.title(Language.EN, ZoneOffset.UTC, null)).hasSizeLessThanOrEqualTo(Notification.MAX_TITLE);
    }
}
