package org.moim.notification.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.moim.identity.entity.Account.Language;
import org.moim.notification.entity.MailMode;

/**
 * The words of a notification mail, in the reader's language, as {@link MailTemplate}s: one
 * template for a single notification (its title is the subject) and one for several. The
 * notifications are the template's {@link MailTemplate.Entry entries}: each title links to its
 * item, with what was written as a quote. The small print says why the mail came, links to the
 * profile's notification mail setting and to the unsubscribe page. Links are absolute: the app's
 * root and the notification's browser route.
 */
public final class NotificationMailText {

    private static final String EN_BODY = """
            Hello {name},

            Here is what you have not seen in Moim yet:

            {entries}

            {appUrl}

            --

            You get this mail because your notification mail is set to “{how}”. Change it on your profile: {profileUrl}

            To stop these mails, choose “Never” there, use your mail program's unsubscribe button, or unsubscribe here: {unsubscribeUrl}""";

    private static final String KO_BODY = """
            {name}님, 안녕하세요.

            Moim에서 아직 확인하지 않은 알림입니다.

            {entries}

            {appUrl}

            --

            알림 메일 설정(“{how}”)에 따라 보낸 메일입니다. 프로필에서 바꿀 수 있습니다: {profileUrl}

            그만 받으려면 프로필에서 “받지 않음”을 고르거나, 메일 프로그램의 수신 거부 버튼을 누르거나, 여기에서 수신 거부하세요: {unsubscribeUrl}""";

    static final Map<Language, MailTemplate> ONE = Map.of(
            Language.EN, new MailTemplate("Moim: {title}", EN_BODY),
            Language.KO, new MailTemplate("Moim: {title}", KO_BODY));

    static final Map<Language, MailTemplate> MANY = Map.of(
            Language.EN, new MailTemplate("Moim: {count} notifications you have not seen", EN_BODY),
            Language.KO, new MailTemplate("Moim: 확인하지 않은 알림 {count}개", KO_BODY));

    /** Where a notification mail's links go: the app, the profile's mail setting, and the unsubscribe page. */
    public record Links(String appUrl, String profileUrl, String unsubscribePageUrl) {
    }

    private NotificationMailText() {
    }

    /** The mail about {@code items} (at least one), without its unsubscribe header (the caller adds it). */
    public static Letter compose(Language language, String name, MailMode mode, List<MailTemplate.Entry> items, Links links) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a notification mail names at least one notification");
        }
        boolean ko = language == Language.KO;
        Map<String, String> params = new HashMap<>();
        params.put("name", name);
        params.put("title", items.get(0).title());
        params.put("count", String.valueOf(items.size()));
        params.put("how", switch (mode) {
            case IMMEDIATE -> ko ? "바로 받기" : "immediately";
            default -> ko ? "모아서 받기" : "as a digest";
        });
        params.put("appUrl", links.appUrl());
        params.put("actionLabel", ko ? "Moim 열기" : "Open Moim");
        params.put("profileUrl", links.profileUrl());
        params.put("profileLabel", ko ? "알림 메일 설정" : "notification mail settings");
        params.put("unsubscribeUrl", links.unsubscribePageUrl());
        params.put("unsubscribeLabel", ko ? "수신 거부" : "unsubscribe");
        return MailTemplate.in(language, items.size() == 1 ? ONE : MANY).render(params, items);
    }
}
