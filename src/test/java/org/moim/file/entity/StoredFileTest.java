package org.moim.file.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoredFileTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Blob BLOB = new Blob("b".repeat(64), 42, NOW);

    @Test
    void aFileTakesItsSizeFromItsContentAndSortsByItsLowerCasedName() {
        StoredFile file = new StoredFile("w", "Report.PDF", "application/pdf", BLOB, null, null, null, NOW);
        assertThat(file.size()).isEqualTo(42);
        assertThat(file.sha256()).isEqualTo(BLOB.sha256());
        assertThat(file.thumbnail()).isEqualTo(ThumbnailState.NONE);
        assertThat(file.target()).isEmpty();
        file.rename("Äpfel.txt", NOW.plusSeconds(1));
        assertThat(file.name()).isEqualTo("Äpfel.txt");
        assertThat(file.updatedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(file.isUploadedBy("someone")).isFalse();
    }

    @Test
    void aTargetNeedsItsScope() {
        AttachmentTarget card = new AttachmentTarget("card", "c1");
        assertThatThrownBy(() -> new StoredFile("w", "a", "text/plain", BLOB, null, card, null, NOW)).isInstanceOf(IllegalArgumentException.class);
        StoredFile file = new StoredFile("w", "a", "text/plain", BLOB, null, card, new AttachmentTarget("board", "b1"), NOW);
        assertThat(file.target()).contains(card);
        assertThat(file.scope()).contains(new AttachmentTarget("board", "b1"));
    }

    @Test
    void aFileMovesToAMessageOnlyWithinItsScope() {
        AttachmentTarget channel = new AttachmentTarget("channel", "ch1");
        AttachmentTarget message = new AttachmentTarget("message", "m1");
        StoredFile loose = new StoredFile("w", "a", "text/plain", BLOB, null, null, null, NOW);
        loose.attachTo(message, channel, NOW.plusSeconds(1));
        assertThat(loose.target()).contains(message);
        assertThat(loose.scope()).contains(channel);
        assertThat(loose.updatedAt()).isEqualTo(NOW.plusSeconds(1));

        StoredFile inChannel = new StoredFile("w", "b", "text/plain", BLOB, null, channel, channel, NOW);
        inChannel.attachTo(message, channel, NOW);
        assertThat(inChannel.target()).contains(message);

        StoredFile onCard = new StoredFile("w", "c", "text/plain", BLOB, null, new AttachmentTarget("card", "c1"),
                new AttachmentTarget("board", "b1"), NOW);
        assertThatThrownBy(() -> onCard.attachTo(message, channel, NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(onCard.scope()).contains(new AttachmentTarget("board", "b1"));
    }

    @Test
    void aThumbnailGoesFromPendingToReadyOrNoneButReadyStaysReady() {
        StoredFile file = new StoredFile("w", "a.png", "image/png", BLOB, null, null, null, NOW);
        file.thumbnailPending("job");
        assertThat(file.thumbnail()).isEqualTo(ThumbnailState.PENDING);
        assertThat(file.thumbnailJobId()).isEqualTo("job");
        file.thumbnailReady();
        file.thumbnailNone();
        assertThat(file.thumbnail()).isEqualTo(ThumbnailState.READY);
    }

    @Test
    void attachmentTargetsParseOnlyKindAndId() {
        assertThat(AttachmentTarget.parse("card:6f0c-1")).isEqualTo(new AttachmentTarget("card", "6f0c-1"));
        assertThat(AttachmentTarget.parse("card")).isNull();
        assertThat(AttachmentTarget.parse("Card:1")).isNull();
        assertThat(AttachmentTarget.parse("card:../x")).isNull();
        assertThat(AttachmentTarget.parse("card:")).isNull();
    }
}
