package org.moim.file.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code ffmpeg} program (Debian package {@code ffmpeg}), run as a separate process: a
 * decoder crash or a hostile file cannot take the server down, and a time limit stops a run that
 * hangs. Only paths Moim made itself are passed to it.
 */
@ApplicationScoped
public class Ffmpeg {

    /** What a run leaves of ffmpeg's error output in a message: its last line, shortened. */
    private static final int MAX_ERROR = 300;

    @Inject
    @ConfigProperty(name = "moim.voice.ffmpeg", defaultValue = "ffmpeg")
    String command;

    @Inject
    @ConfigProperty(name = "moim.voice.timeout", defaultValue = "PT2M")
    Duration timeout;

    /** A run that failed: ffmpeg is missing, exited with an error, or took too long. */
    public static class Failed extends RuntimeException {
        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Converts the first audio stream of {@code recording} to AAC (96 kbit/s) in an MP4 container
     * with its index at the front (playable while it loads), dropping any video.
     */
    public void toAacInMp4(Path recording, Path audio) {
        run(List.of(command, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-i", recording.toString(),
                "-vn", "-map", "0:a:0", "-c:a", "aac", "-b:a", "96k", "-movflags", "+faststart", "-f", "mp4",
                audio.toString()));
    }

    void run(List<String> arguments) {
        Path errors = null;
        try {
            errors = Files.createTempFile("moim-ffmpeg-", ".log");
            Process process;
            try {
                process = new ProcessBuilder(arguments)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(errors.toFile())
                        .start();
            } catch (IOException e) {
                throw new Failed("Cannot run " + command + " (is the ffmpeg package installed? moim.voice.ffmpeg): " + e.getMessage(), e);
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new Failed("ffmpeg took longer than " + timeout + " and was stopped", null);
            }
            if (process.exitValue() != 0) {
                // ffmpeg names its input; the job's owner has no business with the server's paths.
                String line = lastLine(errors);
                for (String argument : arguments) {
                    if (argument.startsWith("/")) {
                        line = line.replace(argument, Path.of(argument).getFileName().toString());
                    }
                }
                throw new Failed("ffmpeg could not convert the recording (exit " + process.exitValue() + "): " + line, null);
            }
        } catch (IOException e) {
            throw new Failed("Cannot run ffmpeg: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("Interrupted while ffmpeg ran", e);
        } finally {
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException e) {
                    // a temporary file; the operating system cleans up
                }
            }
        }
    }

    private static String lastLine(Path errors) throws IOException {
        List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        String last = lines.isEmpty() ? "no message" : lines.get(lines.size() - 1).strip();
        return last.length() <= MAX_ERROR ? last : last.substring(0, MAX_ERROR - 1) + "…";
    }
}
