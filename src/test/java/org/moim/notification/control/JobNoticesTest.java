package org.moim.notification.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.moim.job.control.Jobs;
import org.moim.job.entity.Job;
import org.moim.job.entity.JobFinished;
import org.moim.job.entity.JobStatus;
import org.moim.notification.entity.NotificationDraft;

class JobNoticesTest {

    private final String owner = UUID.randomUUID().toString();
    private final List<NotificationDraft> notified = new ArrayList<>();
    private final List<String> recipients = new ArrayList<>();
    private final List<String> queued = new ArrayList<>();
    private final JobNotices notices = new JobNotices();

    JobNoticesTest() {
        notices.inbox = new Inbox() {
            @Override
            public void deliver(NotificationDraft draft, Collection<String> recipientAccountIds) {
                notified.add(draft);
                recipients.addAll(recipientAccountIds);
            }
        };
        notices.jobs = new Jobs() {
            @Override
            public Job enqueue(String queue, String type, int version, String ownerAccountId, JsonObject payload) {
                queued.add(queue + " " + type + " " + ownerAccountId + " " + payload);
                return null;
            }
        };
    }

    private JobFinished finished(String type, JobStatus status, String error) {
        return new JobFinished(UUID.randomUUID().toString(), type, owner, status, 4, error);
    }

    @Test
    void aSucceededJobTellsItsOwnerAndMailsNothing() {
        JobFinished event = finished("voice-conversion", JobStatus.SUCCEEDED, null);

        notices.finished(event);

        assertThat(notified).singleElement().satisfies(draft -> {
            assertThat(draft.kind()).isEqualTo("job.finished");
            assertThat(draft.actorId()).as("the system did it").isNull();
            assertThat(draft.subjectType()).isEqualTo("job");
            assertThat(draft.subjectId()).isEqualTo(event.jobId());
            assertThat(draft.title()).isEqualTo("Background job “voice-conversion” finished");
            assertThat(draft.excerpt()).isNull();
        });
        assertThat(recipients).containsExactly(owner);
        assertThat(queued).isEmpty();
    }

    @Test
    void aDeadJobTellsItsOwnerWithTheErrorAndQueuesAFailureMail() {
        JobFinished event = finished("voice-conversion", JobStatus.DEAD, "ffmpeg exited with 1");

        notices.finished(event);

        assertThat(notified).singleElement().satisfies(draft -> {
            assertThat(draft.title()).isEqualTo("Background job “voice-conversion” failed");
            assertThat(draft.excerpt()).isEqualTo("ffmpeg exited with 1");
        });
        assertThat(queued).containsExactly("moim.alerts job-failed-mail " + owner + " {\"jobId\":\"" + event.jobId() + "\"}");
    }

    @Test
    void aDeadTestMailIsNotifiedInItsOwnWordsButNotMailed() {
        notices.finished(finished(TestMailAlert.TYPE, JobStatus.DEAD, "The mail server did not accept the mail"));

        assertThat(notified).singleElement().extracting(NotificationDraft::title).isEqualTo("Your test mail could not be sent");
        assertThat(queued).as("the mail server is what failed").isEmpty();
    }

    @Test
    void thumbnailsAreSilentWhateverHappens() {
        notices.finished(finished("thumbnail", JobStatus.SUCCEEDED, null));
        notices.finished(finished("thumbnail", JobStatus.DEAD, "Cannot read the content"));

        assertThat(notified).isEmpty();
        assertThat(queued).isEmpty();
    }

    @Test
    void mailsTheSystemSendsAreSilentAndNeverMailedAboutThemselves() {
        notices.finished(finished(MailAlert.TYPE, JobStatus.SUCCEEDED, null));
        notices.finished(finished(MailAlert.TYPE, JobStatus.DEAD, "The mail server did not accept the mail"));

        assertThat(notified).as("nobody asked for a receipt mail as a job").isEmpty();
        assertThat(queued).isEmpty();
    }

    @Test
    void theFailureMailsOwnEndIsSilent() {
        notices.finished(finished(JobFailedMail.TYPE, JobStatus.DEAD, "The mail server did not accept the mail"));
        notices.finished(finished(JobFailedMail.TYPE, JobStatus.SUCCEEDED, null));

        assertThat(notified).isEmpty();
        assertThat(queued).as("no failure mail about a failure mail").isEmpty();
    }
}
