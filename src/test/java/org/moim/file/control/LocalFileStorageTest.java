package org.moim.file.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileStorageTest {

    private static final String SHA = "a".repeat(64);

    @TempDir
    Path root;

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void stagedContentAppearsUnderItsKeyOnlyWhenKept() throws IOException {
        LocalFileStorage storage = new LocalFileStorage(root);
        FileStorage.Staged staged = storage.stage(new ByteArrayInputStream("hello".getBytes()));
        assertThat(staged.size()).isEqualTo(5);
        assertThat(storage.exists(StorageKey.blob(SHA))).isFalse();

        storage.keep(staged, StorageKey.blob(SHA));

        assertThat(storage.exists(StorageKey.blob(SHA))).isTrue();
        assertThat(storage.size(StorageKey.blob(SHA))).isEqualTo(5);
        try (InputStream in = storage.open(StorageKey.blob(SHA), 1)) {
            assertThat(new String(in.readAllBytes())).isEqualTo("ello");
        }
        assertThat(files()).containsExactly(root.resolve("blobs/aa/aa/" + SHA));
        storage.discard(staged);  // after keep: nothing to do
        assertThat(storage.exists(StorageKey.blob(SHA))).isTrue();
    }

    @Test
    void aStreamThatFailsLeavesNothingBehind() {
        LocalFileStorage storage = new LocalFileStorage(root);
        InputStream failing = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 100_000) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> storage.stage(failing)).hasMessage("connection reset");
        assertThat(storage.exists(StorageKey.blob(SHA))).isFalse();
        assertThat(root.resolve("staging")).isEmptyDirectory();
    }

    @Test
    void keepingTheSameContentTwiceReplacesItAndDeleteRemovesIt() throws IOException {
        LocalFileStorage storage = new LocalFileStorage(root);
        storage.keep(storage.stage(new ByteArrayInputStream("same".getBytes())), StorageKey.blob(SHA));
        storage.keep(storage.stage(new ByteArrayInputStream("same".getBytes())), StorageKey.blob(SHA));
        assertThat(files()).hasSize(1);
        storage.delete(StorageKey.blob(SHA));
        storage.delete(StorageKey.blob(SHA));
        assertThat(files()).isEmpty();
        assertThatThrownBy(() -> storage.open(StorageKey.blob(SHA), 0)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void oldStagedFilesAndOldContentAreFoundForTheSweep() throws IOException {
        LocalFileStorage storage = new LocalFileStorage(root);
        FileStorage.Staged old = storage.stage(new ByteArrayInputStream(new byte[3]));
        storage.stage(new ByteArrayInputStream(new byte[3]));
        Path oldPath = root.resolve("staging").resolve(old.id() + ".part");
        Files.setLastModifiedTime(oldPath, FileTime.from(Instant.now().minusSeconds(7200)));
        assertThat(storage.deleteStagedBefore(Instant.now().minusSeconds(3600))).isEqualTo(1);
        assertThat(oldPath).doesNotExist();

        storage.keep(storage.stage(new ByteArrayInputStream(new byte[1])), StorageKey.thumbnail(SHA));
        List<StorageKey> keys = new ArrayList<>();
        storage.forEach(StorageKey.Kind.THUMBNAIL, Instant.now().plusSeconds(1), keys::add);
        assertThat(keys).containsExactly(StorageKey.thumbnail(SHA));
        keys.clear();
        storage.forEach(StorageKey.Kind.THUMBNAIL, Instant.now().minusSeconds(60), keys::add);
        assertThat(keys).isEmpty();
    }

    @Test
    void keysAreHashesNeverNames() {
        assertThatThrownBy(() -> StorageKey.blob("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageKey.blob("A".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalFileStorage(root).discard(new FileStorage.Staged("../x", 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
