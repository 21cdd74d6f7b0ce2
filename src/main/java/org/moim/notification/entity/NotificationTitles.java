package org.moim.notification.entity;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.moim.identity.entity.Account.Language;

/**
 * A notification's title in its reader's language, from its kind and parameters: rendered when it
 * is read (the inbox API, the live push, mail), never stored as the only words. A template names
 * its parameters in braces; a parameter whose name ends in {@code At} is an instant, shown in the
 * reader's time zone. {@code variant} (when given) picks {@code kind.variant} before {@code kind}.
 * Rows written before parameters existed (params null) keep their stored English title.
 */
public final class NotificationTitles {

    private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z]+)}");

    /** Per template key: English, Korean. */
    private static final Map<String, String[]> TEMPLATES = Map.ofEntries(
            Map.entry("card.assigned", t("You were assigned to “{card}”", "“{card}” 카드에 배정되었습니다")),
            Map.entry("card.mentioned", t("You were mentioned in “{card}”", "“{card}” 카드에서 회원님이 언급되었습니다")),
            Map.entry("comment.mentioned", t("You were mentioned in a comment on “{card}”", "“{card}” 카드의 댓글에서 회원님이 언급되었습니다")),
            Map.entry("card.due-soon", t("“{card}” is due {dueAt}", "“{card}” 카드의 마감이 다가옵니다: {dueAt}")),
            Map.entry("chat.mentioned", t("{actor} mentioned you in a chat", "{actor}님이 채팅에서 회원님을 언급했습니다")),
            Map.entry("chat.direct", t("{actor} sent you a direct message", "{actor}님이 다이렉트 메시지를 보냈습니다")),
            Map.entry("chat.channel", t("{actor} notified #{channel}", "{actor}님이 #{channel} 채널에 알렸습니다")),
            Map.entry("gallery.mentioned", t("{actor} mentioned you in a comment on “{picture}”",
                    "{actor}님이 “{picture}” 사진의 댓글에서 회원님을 언급했습니다")),
            Map.entry("gallery.commented", t("{actor} commented on your picture “{picture}”",
                    "{actor}님이 회원님의 사진 “{picture}”에 댓글을 남겼습니다")),
            Map.entry("gallery.reacted", t("{actor} reacted ({reaction}) to your picture “{picture}”",
                    "{actor}님이 회원님의 사진 “{picture}”에 반응했습니다 ({reaction})")),
            Map.entry("chat.channel-added", t("{actor} added you to #{channel}", "{actor}님이 회원님을 #{channel} 채널에 추가했습니다")),
            Map.entry("keyword-bot.handover", t("{actor} asked for a person in #{channel}", "{actor}님이 #{channel} 채널에서 담당자를 찾습니다")),
            Map.entry("call.started", t("{actor} started a call", "{actor}님이 통화를 시작했습니다")),
            Map.entry("event.invited", t("{actor} invited you to “{event}”", "{actor}님이 “{event}” 일정에 회원님을 초대했습니다")),
            Map.entry("event.reminder", t("“{event}” starts {startAt}", "“{event}” 일정이 곧 시작합니다: {startAt}")),
            Map.entry("event.reminder.all-day", t("“{event}” is today", "오늘 “{event}” 일정이 있습니다")),
            Map.entry("invitation.received", t("{actor} invited you to “{workspace}” as {role}",
                    "{actor}님이 회원님을 “{workspace}” 워크스페이스에 {role}(으)로 초대했습니다")),
            Map.entry("invitation.answered.accepted", t("{actor} accepted your invitation to “{workspace}”",
                    "{actor}님이 “{workspace}” 워크스페이스 초대를 수락했습니다")),
            Map.entry("invitation.answered.declined", t("{actor} declined your invitation to “{workspace}”",
                    "{actor}님이 “{workspace}” 워크스페이스 초대를 거절했습니다")),
            Map.entry("job.finished.test-mail.succeeded", t("Your test mail was sent", "테스트 메일을 보냈습니다")),
            Map.entry("job.finished.test-mail.failed", t("Your test mail could not be sent", "테스트 메일을 보내지 못했습니다")),
            Map.entry("job.finished.voice.succeeded", t("Your voice message is ready to play", "음성 메시지를 재생할 수 있습니다")),
            Map.entry("job.finished.voice.failed", t("Your voice message could not be converted", "음성 메시지를 변환하지 못했습니다")),
            Map.entry("job.finished.succeeded", t("Background job “{type}” finished", "백그라운드 작업 “{type}”이(가) 끝났습니다")),
            Map.entry("job.finished.failed", t("Background job “{type}” failed", "백그라운드 작업 “{type}”이(가) 실패했습니다")));

    private static final Map<String, String> ROLES_KO = Map.of("OWNER", "소유자", "ADMIN", "관리자", "MEMBER", "멤버", "GUEST", "게스트");

    private NotificationTitles() {
    }

    private static String[] t(String en, String ko) {
        return new String[] {en, ko};
    }

    /** Whether a title can be rendered for this kind and variant (used to refuse drafts nobody could read). */
    public static boolean knows(String kind, Map<String, String> params) {
        return template(kind, params) != null;
    }

    /**
     * The title in {@code language}, instants in {@code zone}; null when the kind has no template
     * (the caller keeps the stored title).
     */
    public static String render(String kind, Map<String, String> params, Language language, ZoneId zone) {
        String[] template = template(kind, params);
        if (template == null) {
            return null;
        }
        String text = template[language == Language.KO ? 1 : 0];
        Matcher slot = SLOT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (slot.find()) {
            String name = slot.group(1);
            String value = params.getOrDefault(name, "");
            if (name.endsWith("At")) {
                value = when(value, language, zone);
            } else if ("role".equals(name) && language == Language.KO) {
                value = ROLES_KO.getOrDefault(value, value);
            }
            slot.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        slot.appendTail(out);
        return Notification.clip(out.toString(), Notification.MAX_TITLE);
    }

    private static String[] template(String kind, Map<String, String> params) {
        String variant = params.get("variant");
        if (variant != null && TEMPLATES.containsKey(kind + "." + variant)) {
            return TEMPLATES.get(kind + "." + variant);
        }
        String outcome = params.get("outcome");
        if (outcome != null && TEMPLATES.containsKey(kind + "." + outcome)) {
            return TEMPLATES.get(kind + "." + outcome);
        }
        return TEMPLATES.get(kind);
    }

    /** An instant in the reader's zone: "Dec 8, 14:30" or "12월 8일 14:30". */
    static String when(String instant, Language language, ZoneId zone) {
        try {
            DateTimeFormatter format = language == Language.KO
                    ? DateTimeFormatter.ofPattern("M월 d일 HH:mm", Locale.KOREAN)
                    : DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH);
            return format.withZone(zone).format(Instant.parse(instant));
        } catch (DateTimeException | NullPointerException e) {
            return instant == null ? "" : instant;
        }
    }
}
