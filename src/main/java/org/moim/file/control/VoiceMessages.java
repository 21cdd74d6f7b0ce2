package org.moim.file.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.moim.file.entity.ConversionState;
import org.moim.file.entity.StoredFile;
import org.moim.job.control.Jobs;
import org.moim.job.entity.Job;
import org.moim.job.entity.JobFinished;
import org.moim.platform.problem.NotFound;

/**
 * Voice messages: a recording (WebM/Opus from a browser's MediaRecorder, or Ogg, Matroska, WAV,
 * FLAC) converted in the background by {@link Ffmpeg} to AAC in MP4, which every browser plays.
 * The original stays as it is. The converted audio is kept under the recording's SHA-256, so the
 * same recording is converted once however many files hold it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class VoiceMessages {

    private static final Logger LOG = Logger.getLogger(VoiceMessages.class.getName());

    /** Sniffed types that are recordings ffmpeg converts (MediaRecorder writes WebM or Ogg). */
    static final Set<String> RECORDINGS = Set.of("audio/webm", "video/webm", "video/x-matroska", "audio/ogg", "audio/wav", "audio/flac");

    /** The type of the converted audio. */
    public static final String PLAYBACK_TYPE = "audio/mp4";

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    FilePolicy policy;

    @Inject
    FileStorage storage;

    @Inject
    Ffmpeg ffmpeg;

    @Inject
    Jobs jobs;

    /**
     * Asks for the file's conversion (its uploader, or a role that may change others' files): a
     * job is queued, unless the audio exists already (ready at once) or a conversion is pending or
     * done (nothing changes). A failed conversion is asked for again this way. True when a job was queued.
     */
    public boolean request(String fileId, String accountId) {
        StoredFile file = policy.require(fileId, accountId, FilePolicy.Use.CHANGE);
        if (!RECORDINGS.contains(file.contentType())) {
            throw new NotARecording(file.contentType());
        }
        if (file.conversion() == ConversionState.PENDING || file.conversion() == ConversionState.READY) {
            return false;
        }
        if (storage.exists(StorageKey.audio(file.sha256()))) {
            file.conversionReady();
            em.flush();
            return false;
        }
        Job job = jobs.enqueue(Conversions.QUEUE, VoiceRequest.TYPE, VoiceRequest.VERSION, accountId, new VoiceRequest(file.id()).payload());
        file.conversionPending(job.id());
        em.flush();
        return true;
    }

    /** The file, whose converted audio is ready; 404 while there is none (yet). */
    public StoredFile withPlayback(String fileId, String accountId) {
        StoredFile file = policy.require(fileId, accountId, FilePolicy.Use.SEE);
        if (file.conversion() != ConversionState.READY) {
            throw new NotFound("The converted audio (" + file.conversion().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return file;
    }

    /**
     * Converts the file's recording. Idempotent: a deleted file, a file that is no longer pending,
     * and a recording converted already need no work. Any failure is thrown, so the job is retried
     * and, when it dies, the conversion is {@code FAILED} (see {@link #giveUp}).
     */
    public void convert(String fileId) {
        StoredFile file = em.find(StoredFile.class, fileId);
        if (file == null || file.conversion() != ConversionState.PENDING) {
            return;
        }
        StorageKey audio = StorageKey.audio(file.sha256());
        if (!storage.exists(audio)) {
            Path work = null;
            try {
                work = Files.createTempDirectory("moim-voice-");
                Path recording = work.resolve("recording");
                Path converted = work.resolve("audio.m4a");
                try (InputStream content = storage.open(StorageKey.blob(file.sha256()), 0)) {
                    Files.copy(content, recording, StandardCopyOption.REPLACE_EXISTING);
                }
                ffmpeg.toAacInMp4(recording, converted);
                try (InputStream result = Files.newInputStream(converted)) {
                    storage.keep(storage.stage(result), audio);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot convert the recording of file " + fileId + ": " + e.getMessage(), e);
            } finally {
                deleteQuietly(work);
            }
            LOG.fine(() -> "Converted the recording of file " + fileId);
        }
        file.conversionReady();
    }

    /** A conversion job that ran out of attempts: the file shows the failure, and can be asked again. */
    void giveUp(@Observes JobFinished finished) {
        if (finished.succeeded() || !VoiceRequest.TYPE.equals(finished.type())) {
            return;
        }
        em.createQuery("select f from StoredFile f where f.conversionJobId = :job", StoredFile.class)
                .setParameter("job", finished.jobId())
                .getResultList()
                .forEach(StoredFile::conversionFailed);
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.fine(() -> "Temporary files under " + directory + " stay: " + e.getMessage());
        }
    }
}
