package org.moim.notification.control;

import java.util.List;
import org.moim.identity.entity.Account.Language;
import org.moim.notification.entity.MailMode;

/**
 * The words of a notification mail, in the reader's language: its subject and plain text. All
 * of a notification mail's wording is here, so that another body (HTML) can be composed from the
 * same parts. Links are absolute: the app's root and the notification's browser route.
 */
public final class NotificationMailText {

    /** One notification in a mail: its title in the reader's language, an optional excerpt, and its link. */
    public record Item(String title, String excerpt, String url) {
    }

    /** A mail ready to send. */
    public record Composed(String subject, String text) {
    }

    private NotificationMailText() {
    }

    public static Composed compose(Language language, String name, MailMode mode, List<Item> items, String profileUrl) {
        boolean ko = language == Language.KO;
        String subject = items.size() == 1 ? "Moim: " + items.get(0).title()
                : ko ? "Moim: 확인하지 않은 알림 " + items.size() + "개" : "Moim: " + items.size() + " notifications you have not seen";
        StringBuilder text = new StringBuilder();
        text.append(ko ? name + "님, 안녕하세요.\n\n" : "Hello " + name + ",\n\n");
        text.append(ko ? "Moim에서 아직 확인하지 않은 알림입니다:\n\n" : "Here is what you have not seen in Moim yet:\n\n");
        for (Item item : items) {
            text.append("* ").append(item.title()).append('\n');
            if (item.excerpt() != null && !item.excerpt().isBlank()) {
                text.append("  \"").append(item.excerpt().replaceAll("\\s+", " ").strip()).append("\"\n");
            }
            if (item.url() != null) {
                text.append("  ").append(item.url()).append('\n');
            }
            text.append('\n');
        }
        String how = switch (mode) {
            case IMMEDIATE -> ko ? "바로 받기" : "immediately";
            default -> ko ? "모아서 받기" : "as a digest";
        };
        text.append("--\n");
        text.append(ko ? "알림 메일 설정(" + how + ")에 따라 보낸 메일입니다. 프로필에서 바꿀 수 있습니다: " + profileUrl + "\n"
                : "You get this mail because your notification mail is set to \"" + how + "\". Change it on your profile: " + profileUrl + "\n");
        text.append(ko ? "그만 받으려면 프로필에서 \"받지 않음\"을 고르거나 메일 프로그램의 수신 거부 버튼을 누르세요.\n"
                : "To stop them, choose \"Never\" on your profile, or use your mail program's unsubscribe button.\n");
        return new Composed(subject, text.toString());
    }
}
