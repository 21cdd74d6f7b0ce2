package org.moim.notification.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.identity.control.AccountStore;
import org.moim.identity.entity.Account;
import org.moim.job.control.JobAttempts;
import org.moim.job.control.Jobs;
import org.moim.job.entity.Job;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.MalformedMessage;
import org.moim.platform.messaging.RetryDelays;
import org.moim.platform.security.RateLimiter;

/** Alerts: asked for in a request, sent from the {@code moim.alerts} queue. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Alerts {

    public static final String QUEUE = "moim.alerts";

    static final String JOB_FAILED_SUBJECT = "Moim: a background job failed";
    static final String TEST_MAIL_SUBJECT = "Moim test mail";
    static final String TEST_MAIL_TEXT = """
            This is a test mail from Moim: your mail settings work.
            Moim에서 보낸 테스트 메일입니다. 메일 설정이 올바르게 동작합니다.
            """;

    @Inject
    Jobs jobs;

    @Inject
    JobAttempts attempts;

    @Inject
    AccountStore accounts;

    @Inject
    Mailer mailer;

    @Inject
    RateLimiter limiter;

    /** Through a provider: {@link AccountMails} asks this bean to queue mails, too. */
    @Inject
    jakarta.enterprise.inject.Instance<AccountMails> accountMails;

    /** Through a provider, like {@link #accountMails}: notification mail queues its jobs here too. */
    @Inject
    jakarta.enterprise.inject.Instance<NotificationMails> notificationMails;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.test-mail.per-account", defaultValue = "5")
    int testMailsPerHour;

    @Inject
    @ConfigProperty(name = "moim.mail.retry-delays", defaultValue = DEFAULT_RETRY_DELAYS)
    String retryDelaysText;

    /** Waits before each further attempt of a mail the server did not take: about 28 hours in all. */
    static final String DEFAULT_RETRY_DELAYS = "PT30S,PT2M,PT10M,PT30M,PT1H,PT2H,PT4H,PT8H,PT12H";

    RetryDelays retryDelays;

    @PostConstruct
    void readConfig() {
        retryDelays = RetryDelays.parse("moim.mail.retry-delays", retryDelaysText);
    }

    /** Queues the test mail to the account's own address; the job tells how it went. */
    public Job requestTestMail(String accountId) {
        accounts.byId(accountId);
        limiter.acquire(new RateLimiter.Limit("test-mail-account", testMailsPerHour, Duration.ofHours(1)), accountId);
        return jobs.enqueue(QUEUE, TestMailAlert.TYPE, TestMailAlert.VERSION, accountId, new TestMailAlert(accountId).payload());
    }

    /**
     * Queues a plain-text mail to the account's address (receipts and the like), in the caller's
     * transaction; the job is the account's.
     */
    public Job requestMail(String accountId, String subject, String text) {
        return jobs.enqueue(QUEUE, MailAlert.TYPE, MailAlert.VERSION, accountId, new MailAlert(accountId, subject, text).payload());
    }

    /**
     * Queues a composed {@link Letter} to any address (an invitee who may have no account), in the
     * caller's transaction; the job is {@code ownerAccountId}'s (who caused the mail).
     */
    public Job requestLetter(String ownerAccountId, String to, Letter letter) {
        return jobs.enqueue(QUEUE, LetterMail.TYPE, LetterMail.VERSION, ownerAccountId, new LetterMail(to, letter).payload());
    }

    /**
     * Sends the alert in a message, unless its job is finished already (a redelivery). A mail the
     * SMTP server did not take waits for its next attempt ({@code moim.mail.retry-delays}, held
     * on the job, queued again by the job poller) and the message is acknowledged; any other
     * failure is recorded on the job and rethrown, so the broker redelivers.
     */
    public void deliver(Envelope envelope) {
        Runnable send = switch (envelope.type()) {
            case TestMailAlert.TYPE -> testMail(TestMailAlert.from(envelope));
            case MailAlert.TYPE -> mail(MailAlert.from(envelope));
            case JobFailedMail.TYPE -> jobFailedMail(JobFailedMail.from(envelope));
            case PasswordResetMail.TYPE -> passwordResetMail(PasswordResetMail.from(envelope));
            case VerificationMail.TYPE -> verificationMail(VerificationMail.from(envelope));
            case LetterMail.TYPE -> letter(LetterMail.from(envelope));
            case NotificationMailAlert.TYPE -> notificationMail(NotificationMailAlert.from(envelope));
            default -> throw new MalformedMessage("unknown alert type " + envelope.type());
        };
        String key = envelope.idempotencyKey();
        if (!attempts.beginWhenVisible(key)) {
            return;
        }
        try {
            send.run();
        } catch (MailFailed e) {
            attempts.failedRetryLater(key, e.getMessage(), retryDelays);
            return;
        } catch (RuntimeException e) {
            attempts.failed(key, e.getMessage());
            throw e;
        }
        attempts.succeeded(key);
    }

    private Runnable testMail(TestMailAlert alert) {
        return () -> mailer.send(accounts.byId(alert.accountId()).email(), TEST_MAIL_SUBJECT, TEST_MAIL_TEXT);
    }

    private Runnable mail(MailAlert alert) {
        return () -> mailer.send(accounts.byId(alert.accountId()).email(), alert.subject(), alert.text());
    }

    private Runnable verificationMail(VerificationMail alert) {
        return () -> accountMails.get().sendVerification(alert);
    }

    private Runnable letter(LetterMail alert) {
        return () -> mailer.send(alert.to(), alert.letter());
    }

    private Runnable passwordResetMail(PasswordResetMail alert) {
        return () -> accountMails.get().sendPasswordReset(alert);
    }

    private Runnable notificationMail(NotificationMailAlert alert) {
        return () -> notificationMails.get().send(alert);
    }

    private Runnable jobFailedMail(JobFailedMail alert) {
        return () -> {
            Optional<Job> failed = jobs.find(alert.jobId());
            if (failed.isEmpty()) {
                return; // its owner was deleted meanwhile (the job went with the account)
            }
            Job job = failed.get();
            Account owner = accounts.byId(job.ownerAccountId());
            mailer.send(owner.email(), JOB_FAILED_SUBJECT, jobFailedText(job));
        };
    }

    static String jobFailedText(Job job) {
        return """
                A background job you started in Moim failed after %d attempts and will not be tried again.
                Moim에서 시작한 백그라운드 작업이 %d번 시도 후 실패했으며 더 이상 재시도하지 않습니다.

                Job / 작업: %s (%s)
                Last error / 마지막 오류: %s
                """.formatted(job.attempts(), job.attempts(), job.type(), job.id(),
                job.lastError() == null ? "-" : job.lastError());
    }
}
