package org.moim.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.identity.control.AccountStore;
import org.moim.identity.entity.Account;
import org.moim.job.control.JobAttempts;
import org.moim.job.control.Jobs;
import org.moim.job.entity.Job;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.security.RateLimiter;

/** Alerts: asked for in a request, sent from the {@code moim.alerts} queue. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Alerts {

    public static final String QUEUE = "moim.alerts";

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

    @Inject
    @ConfigProperty(name = "moim.rate-limit.test-mail.per-account", defaultValue = "5")
    int testMailsPerHour;

    /** Queues the test mail to the account's own address; the job tells how it went. */
    public Job requestTestMail(String accountId) {
        accounts.byId(accountId);
        limiter.acquire(new RateLimiter.Limit("test-mail-account", testMailsPerHour, Duration.ofHours(1)), accountId);
        return jobs.enqueue(QUEUE, TestMailAlert.TYPE, TestMailAlert.VERSION, accountId, new TestMailAlert(accountId).payload());
    }

    /**
     * Sends the alert in a message, unless its job is finished already (a redelivery). A failure
     * is recorded on the job and rethrown, so the broker redelivers.
     */
    public void deliver(Envelope envelope) {
        TestMailAlert alert = TestMailAlert.from(envelope);
        String key = envelope.idempotencyKey();
        if (!attempts.begin(key)) {
            return;
        }
        try {
            Account account = accounts.byId(alert.accountId());
            mailer.send(account.email(), TEST_MAIL_SUBJECT, TEST_MAIL_TEXT);
        } catch (RuntimeException e) {
            attempts.failed(key, e.getMessage());
            throw e;
        }
        attempts.succeeded(key);
    }
}
