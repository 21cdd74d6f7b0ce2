package org.moim.notification.control;

import java.util.Objects;
import java.util.Optional;

/**
 * One mail ready to send: subject, a plain-text part and an HTML part (sent as
 * {@code multipart/alternative}), and for notifications the address of their one-click
 * unsubscribe (RFC 8058: {@code List-Unsubscribe} and {@code List-Unsubscribe-Post}); account
 * mails (verification, reset, invitations) have none. Made by {@link MailTemplate#render}.
 */
public record Letter(String subject, String text, String html, Optional<String> unsubscribeUrl) {

    public Letter {
        Objects.requireNonNull(subject);
        Objects.requireNonNull(text);
        Objects.requireNonNull(html);
        Objects.requireNonNull(unsubscribeUrl);
    }

    /** The same letter with a one-click unsubscribe address (notification mails). */
    public Letter withUnsubscribe(String url) {
        return new Letter(subject, text, html, Optional.of(url));
    }
}
