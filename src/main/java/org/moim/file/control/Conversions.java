package org.moim.file.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.moim.job.control.JobAttempts;
import org.moim.platform.messaging.Envelope;

/**
 * Work on the {@code moim.conversion} queue: thumbnails ({@link ThumbnailRequest}) and voice
 * messages ({@link VoiceRequest}). Each message is handled under its job's attempt rules (docs/jobs.md): a
 * finished job's message is ignored, a failure is recorded and rethrown so the broker retries.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Conversions {

    public static final String QUEUE = "moim.conversion";

    @Inject
    JobAttempts attempts;

    @Inject
    Thumbnails thumbnails;

    @Inject
    VoiceMessages voice;

    public void deliver(Envelope envelope) {
        Runnable work = switch (envelope.type()) {
            case VoiceRequest.TYPE -> {
                VoiceRequest request = VoiceRequest.from(envelope);
                yield () -> voice.convert(request.fileId());
            }
            default -> {
                ThumbnailRequest request = ThumbnailRequest.from(envelope);
                yield () -> thumbnails.make(request.fileId());
            }
        };
        String key = envelope.idempotencyKey();
        if (!attempts.beginWhenVisible(key)) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            attempts.failed(key, e.getMessage());
            throw e;
        }
        attempts.succeeded(key);
    }
}
