package org.moim.notification.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.moim.identity.entity.Account.Language;

class MailTemplateTest {

    private static final Map<Language, MailTemplate> GREETING = Map.of(
            Language.EN, new MailTemplate("{who} invited you to {where}", """
                    Hello,

                    {who} invited you to “{where}”.

                    {linkUrl}

                    Bye."""),
            Language.KO, new MailTemplate("{who}님이 {where}에 초대했습니다", "안녕하세요.\n\n{linkUrl}"));

    private static final Map<String, String> HOSTILE = Map.of(
            "who", "<b>Eve</b> & \"co\"\r\nBcc: victim@example.com",
            "where", "<script>alert(1)</script>",
            "linkUrl", "http://localhost/#/invitations?email=a%40b.c&account=0",
            "actionLabel", "See it");

    @Test
    void namesAreEscapedInTheHtmlPartAndVerbatimInTheText() {
        Letter letter = MailTemplate.in(Language.EN, GREETING).render(HOSTILE);

        assertThat(letter.text()).contains("<b>Eve</b> & \"co\"").contains("“<script>alert(1)</script>”")
                .contains("http://localhost/#/invitations?email=a%40b.c&account=0");
        assertThat(letter.html()).doesNotContain("<script>").doesNotContain("<b>Eve")
                .contains("&lt;b&gt;Eve&lt;/b&gt; &amp; &quot;co&quot;")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<a href=\"http://localhost/#/invitations?email=a%40b.c&amp;account=0\"")
                .contains(">See it</a>");
        assertThat(letter.unsubscribeUrl()).isEmpty();
    }

    @Test
    void lineBreaksInNamesNeverReachTheSubject() {
        Letter letter = MailTemplate.in(Language.EN, GREETING).render(HOSTILE);

        assertThat(letter.subject()).doesNotContain("\r").doesNotContain("\n")
                .isEqualTo("<b>Eve</b> & \"co\" Bcc: victim@example.com invited you to <script>alert(1)</script>");
    }

    @Test
    void eachLanguageHasItsWordsAndAMissingOneFallsBackToEnglish() {
        assertThat(MailTemplate.in(Language.KO, GREETING).render(Map.of("who", "지우", "where", "디자인팀", "linkUrl", "x")).subject())
                .isEqualTo("지우님이 디자인팀에 초대했습니다");
        assertThat(MailTemplate.in(Language.KO, Map.of(Language.EN, GREETING.get(Language.EN))).subject())
                .isEqualTo("{who} invited you to {where}");
    }

    @Test
    void aLetterTravelsAsTextAndHtmlAlternativesWithUnsubscribeHeadersOnlyForNotifications() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            Mailer mailer = new Mailer();
            mailer.enabled = true;
            mailer.host = "127.0.0.1";
            mailer.port = smtp.getSmtp().getPort();
            mailer.from = "Moim <no-reply@localhost>";
            mailer.username = Optional.empty();
            mailer.password = Optional.empty();
            mailer.outbox = "log";
            Letter letter = MailTemplate.in(Language.EN, GREETING).render(HOSTILE);

            assertThatThrownBy(() -> mailer.send("ada@example.org\r\nBcc: eve@example.org", letter))
                    .as("an address with a line break is no address").isInstanceOf(MailFailed.class);
            mailer.send("ada@example.org", letter);
            mailer.send("ada@example.org", letter.withUnsubscribe("http://localhost/api/v1/unsubscribe?t=abc"));

            MimeMessage[] mails = smtp.getReceivedMessages();
            assertThat(mails).hasSize(2);
            assertThat(mails[0].getAllRecipients()).extracting(Object::toString).containsExactly("ada@example.org");
            assertThat(mails[0].getHeader("Bcc")).isNull();
            assertThat(mails[0].getHeader("List-Unsubscribe")).isNull();
            assertThat(mails[0].getContentType()).startsWith("multipart/alternative");
            MimeMultipart parts = (MimeMultipart) mails[0].getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
            assertThat((String) parts.getBodyPart(1).getContent()).contains("&lt;script&gt;");
            assertThat(mails[0].getSubject()).doesNotContain("\n");
            assertThat(mails[1].getHeader("List-Unsubscribe")).containsExactly("<http://localhost/api/v1/unsubscribe?t=abc>");
            assertThat(mails[1].getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        } finally {
            smtp.stop();
        }
    }
}
