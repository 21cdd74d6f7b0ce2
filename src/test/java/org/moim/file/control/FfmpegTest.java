package org.moim.file.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real ffmpeg (Debian package; .ci/run installs it). */
class FfmpegTest {

    @TempDir
    Path dir;

    private Ffmpeg ffmpeg(String command) {
        Ffmpeg ffmpeg = new Ffmpeg();
        ffmpeg.command = command;
        ffmpeg.timeout = Duration.ofMinutes(1);
        return ffmpeg;
    }

    @Test
    void aWebmOpusRecordingBecomesAacInMp4() throws Exception {
        Path webm = dir.resolve("tone.webm");
        ffmpeg("ffmpeg").run(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
                "-c:a", "libopus", "-f", "webm", webm.toString()));
        Path m4a = dir.resolve("out.m4a");

        ffmpeg("ffmpeg").toAacInMp4(webm, m4a);

        byte[] audio = Files.readAllBytes(m4a);
        assertThat(new String(audio, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries", "stream=codec_name",
                "-of", "default=noprint_wrappers=1:nokey=1", m4a.toString()).redirectErrorStream(true).start();
        assertThat(new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo("aac");
    }

    @Test
    void contentFfmpegCannotReadFailsWithItsLastWordsButNotTheServersPaths() throws Exception {
        Path broken = dir.resolve("recording");
        Files.writeString(broken, "not a recording at all");

        assertThatThrownBy(() -> ffmpeg("ffmpeg").toAacInMp4(broken, dir.resolve("out.m4a")))
                .isInstanceOf(Ffmpeg.Failed.class)
                .hasMessageStartingWith("ffmpeg could not convert the recording (exit 1): ")
                .hasMessageContaining("recording: ")
                .hasMessageNotContaining(dir.toString());
    }

    @Test
    void aMissingFfmpegSaysWhatToInstall() {
        assertThatThrownBy(() -> ffmpeg("/nonexistent/ffmpeg").toAacInMp4(dir.resolve("a"), dir.resolve("b")))
                .isInstanceOf(Ffmpeg.Failed.class).hasMessageContaining("ffmpeg package").hasMessageContaining("moim.voice.ffmpeg");
    }
}
