package org.moim.file.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VoiceConversionStateTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static StoredFile recording() {
        return new StoredFile("w", "voice.webm", "video/webm", new Blob("c".repeat(64), 5543, NOW), null, null, null, NOW);
    }

    @Test
    void aFileIsNoVoiceMessageUntilSomeoneAsks() {
        StoredFile file = recording();
        assertThat(file.conversion()).isEqualTo(ConversionState.NONE);
        assertThat(file.conversionJobId()).isNull();
    }

    @Test
    void pendingThenReady() {
        StoredFile file = recording();
        file.conversionPending("job-1");
        assertThat(file.conversion()).isEqualTo(ConversionState.PENDING);
        assertThat(file.conversionJobId()).isEqualTo("job-1");
        file.conversionReady();
        assertThat(file.conversion()).isEqualTo(ConversionState.READY);
    }

    @Test
    void onlyAPendingConversionFailsAndAFailedOneCanBeAskedForAgain() {
        StoredFile file = recording();
        file.conversionFailed();
        assertThat(file.conversion()).as("nothing was pending").isEqualTo(ConversionState.NONE);
        file.conversionPending("job-1");
        file.conversionFailed();
        assertThat(file.conversion()).isEqualTo(ConversionState.FAILED);
        file.conversionPending("job-2");
        assertThat(file.conversion()).isEqualTo(ConversionState.PENDING);
        assertThat(file.conversionJobId()).isEqualTo("job-2");
        file.conversionReady();
        file.conversionFailed();
        assertThat(file.conversion()).as("a late death of an old job changes nothing").isEqualTo(ConversionState.READY);
    }
}
