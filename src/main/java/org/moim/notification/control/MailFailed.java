package org.moim.notification.control;

/** The SMTP server did not take a mail. The message is retried, then dead-lettered. */
public class MailFailed extends RuntimeException {
    public MailFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
