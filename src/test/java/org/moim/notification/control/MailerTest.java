package org.moim.notification.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailerTest {

    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger log = Logger.getLogger(Mailer.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        log.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(capture);
    }

    private static Mailer disabled(String outbox) {
        Mailer mailer = new Mailer();
        mailer.enabled = false;
        mailer.outbox = outbox;
        mailer.username = Optional.empty();
        mailer.password = Optional.empty();
        return mailer;
    }

    @Test
    void theLocalOutboxWritesTheWholeMailWithItsLinksToTheLog() {
        disabled("log").send("ada@example.com", "Reset your password", "Open {0} http://localhost:8080/#/reset?token=abc123\nKorean: 비밀번호");

        assertThat(logged).hasSize(1);
        String entry = logged.get(0).getMessage();
        assertThat(logged.get(0).getParameters()).as("no MessageFormat: braces in a mail stay as they are").isNull();
        assertThat(entry).contains("MAIL OUTBOX").contains("To: ada@example.com").contains("Subject: Reset your password")
                .contains("http://localhost:8080/#/reset?token=abc123").contains("비밀번호").contains("Open {0}");
    }

    @Test
    void withoutTheOutboxOnlySubjectAndRecipientAreLogged() {
        disabled("none").send("ada@example.com", "Reset your password", "http://localhost:8080/#/reset?token=abc123");

        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getMessage()).contains("mail disabled");
        assertThat(String.valueOf(List.of(logged.get(0).getParameters()))).doesNotContain("token=abc123");
    }

    @Test
    void thePageModeKeepsAccountMailsForTheAdministratorsButNeverANotificationMail() {
        List<List<String>> kept = new ArrayList<>();
        Mailer mailer = disabled("page");
        mailer.page = new MailOutbox() {
            @Override
            public void keep(String to, String subject, String text) {
                kept.add(List.of(to, subject, text));
            }
        };

        mailer.send("ada@example.com", new Letter("Reset your password\r\n", "Open http://localhost:8080/#/reset?token=abc", "<p>html</p>",
                Optional.empty()));
        mailer.send("ada@example.com", new Letter("Your digest", "Ben wrote in #salaries: …", "<p>html</p>",
                Optional.of("http://localhost:8080/api/v1/unsubscribe/abc")));

        assertThat(kept).as("the digest quotes a conversation the administrators may not read")
                .containsExactly(List.of("ada@example.com", "Reset your password", "Open http://localhost:8080/#/reset?token=abc"));
        assertThat(mailer.keepsOutboxPage()).isTrue();
        assertThat(logged).hasSize(2);
        assertThat(logged.get(0).getMessage()).as("page alone: the log only names the mail").contains("mail disabled");
        assertThat(String.valueOf(List.of(logged.get(0).getParameters()))).contains("kept on the outbox page");
        assertThat(String.valueOf(List.of(logged.get(1).getParameters()))).doesNotContain("kept on the outbox page");
    }

    @Test
    void theOutboxModesAreAListAndUnknownOnesAreIgnored() {
        assertThat(Mailer.outboxModes("log,page")).containsExactly("log", "page");
        assertThat(Mailer.outboxModes(" Page ")).containsExactly("page");
        assertThat(Mailer.outboxModes("none")).isEmpty();
        assertThat(Mailer.outboxModes("log, bogus")).containsExactly("log");
        assertThat(disabled("log").keepsOutboxPage()).isFalse();
        Mailer sending = disabled("log,page");
        sending.enabled = true;
        assertThat(sending.keepsOutboxPage()).as("mail that goes out is not kept").isFalse();
    }

    @Test
    void lineBreaksNeverReachAHeader() {
        disabled("log").send("ada@example.com", "Hello\r\nBcc: eve@example.com", "text");

        assertThat(logged.get(0).getMessage()).contains("Subject: Hello Bcc: eve@example.com\n");
        assertThat(Mailer.oneLine("a\r\n\u2028b\nc")).isEqualTo("a b c");
    }
}
