package org.moim.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moim.job.control.Jobs;
import org.moim.job.entity.JobFinished;
import org.moim.notification.entity.NotificationDraft;

/**
 * Tells the owner of a job how it ended, in the transaction that records the final status: a
 * {@code job.finished} notification (pushed live after commit), and for a {@code DEAD} job a mail
 * through the alerts queue ({@link JobFailedMail}).
 *
 * <p>Mail jobs are the exception: a dead {@code test-mail} gets the notification but no mail (the
 * mail server is what failed), and the failure mail itself is silent (it is no work its owner
 * asked for, and a failure mail about a failure mail would never end). Thumbnails are silent too.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JobNotices {

    public static final String KIND = "job.finished";

    /**
     * Job types whose end is not notified at all: work nobody asked for in so many words. The
     * failure mail, other mails the system sends ({@code mail}: receipts and the like), and thumbnails (type {@code thumbnail} of the file feature, named here as text
     * so that notification does not depend on files): a file shows its thumbnail's state itself.
     */
    static final Set<String> SILENT = Set.of(JobFailedMail.TYPE, MailAlert.TYPE, PasswordResetMail.TYPE, VerificationMail.TYPE,
            LetterMail.TYPE, NotificationMailAlert.TYPE, "thumbnail");
    /** Job types whose death is not mailed: they are mail themselves. */
    static final Set<String> NOT_MAILED = Set.of(TestMailAlert.TYPE, JobFailedMail.TYPE, MailAlert.TYPE, PasswordResetMail.TYPE,
            VerificationMail.TYPE, LetterMail.TYPE, NotificationMailAlert.TYPE);


    @Inject
    Inbox inbox;

    @Inject
    Jobs jobs;

    void finished(@Observes JobFinished event) {
        if (SILENT.contains(event.type())) {
            return;
        }
        inbox.deliver(draft(event), List.of(event.ownerAccountId()));
        if (!event.succeeded() && !NOT_MAILED.contains(event.type())) {
            jobs.enqueue(Alerts.QUEUE, JobFailedMail.TYPE, JobFailedMail.VERSION, event.ownerAccountId(),
                    new JobFailedMail(event.jobId()).payload());
        }
    }

    static NotificationDraft draft(JobFinished event) {
        // Titles (docs/notifications.md) name test mails and voice messages in words, other jobs by their type.
        String outcome = event.succeeded() ? "succeeded" : "failed";
        return new NotificationDraft(KIND, null, null, "job", event.jobId(),
                Map.of("type", event.type(), "outcome", outcome, "variant", event.type() + "." + outcome),
                event.succeeded() ? null : event.lastError(), null);
    }
}
