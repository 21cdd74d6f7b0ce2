package org.moim.file.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * File content on the local file system, under {@code moim.files.dir} (default
 * {@code <moim.data.dir>/files}):
 * <pre>
 *   staging/&lt;uuid&gt;.part              uploads being written
 *   blobs/ab/cd/abcd…(64 hex)          content, by SHA-256
 *   thumbnails/ab/cd/abcd….png         thumbnails, by the SHA-256 of their image
 *   audio/ab/cd/abcd….m4a              voice messages converted for playback, by the SHA-256 of the recording
 * </pre>
 * Staging and content share one file system, so keeping is an atomic rename: a reader finds
 * either nothing or the whole content. Staged data is forced to disk before the rename.
 * Every node of a cluster needs the same directory (a shared file system) for local storage.
 */
@ApplicationScoped
public class LocalFileStorage implements FileStorage {

    private static final Logger LOG = Logger.getLogger(LocalFileStorage.class.getName());
    private static final Pattern STAGED = Pattern.compile("[0-9a-f-]{36}\\.part");
    private static final int BUFFER = 64 * 1024;

    @Inject
    @ConfigProperty(name = "moim.data.dir", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "moim.files.dir")
    Optional<String> filesDir;

    private Path root;
    private Path staging;

    public LocalFileStorage() {
    }

    /** For tests: storage under this directory. */
    public LocalFileStorage(Path root) {
        useRoot(root);
    }

    /** Creates the directories when the application starts, not at the first upload. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        LOG.fine(() -> "File storage ready under " + root);
    }

    @PostConstruct
    void start() {
        useRoot(Path.of(filesDir.filter(d -> !d.isBlank()).orElse(dataDir + "/files")));
    }

    private void useRoot(Path directory) {
        root = directory.toAbsolutePath().normalize();
        staging = root.resolve("staging");
        try {
            for (Path dir : new Path[] {staging, root.resolve("blobs"), root.resolve("thumbnails"), root.resolve("audio")}) {
                Files.createDirectories(dir);
            }
            if (!Files.getFileStore(staging).equals(Files.getFileStore(root.resolve("blobs")))) {
                LOG.warning(() -> "File storage: " + staging + " and " + root.resolve("blobs")
                        + " are on different file systems; keeping uploads will fail (atomic moves need one file system)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the file storage under " + root, e);
        }
        LOG.info(() -> "File storage under " + root);
    }

    Path path(StorageKey key) {
        String sha = key.sha256();
        String dir = key.kind().directory();
        String file = sha + key.kind().suffix();
        return root.resolve(dir).resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(file);
    }

    private Path staged(Staged staged) {
        String name = staged.id() + ".part";
        if (!STAGED.matcher(name).matches()) {
            throw new IllegalArgumentException("not a staged id: " + staged.id());
        }
        return staging.resolve(name);
    }

    @Override
    public Staged stage(InputStream content) throws IOException {
        String id = UUID.randomUUID().toString();
        Path temporary = staging.resolve(id + ".part");
        long size = 0;
        try (FileChannel out = FileChannel.open(temporary, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                ownerOnly())) {
            byte[] bytes = new byte[BUFFER];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            int n;
            while ((n = content.read(bytes)) >= 0) {
                buffer.clear().limit(n);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                size += n;
            }
            out.force(false);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temporary);
            throw e;
        }
        return new Staged(id, size);
    }

    @Override
    public void keep(Staged staged, StorageKey key) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        try {
            Files.move(staged(staged), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The staging directory and " + target.getParent() + " are not on one file system", e);
        }
    }

    @Override
    public void discard(Staged staged) {
        if (staged != null) {
            deleteQuietly(staged(staged));
        }
    }

    @Override
    public boolean exists(StorageKey key) {
        return Files.isRegularFile(path(key));
    }

    @Override
    public long size(StorageKey key) throws IOException {
        return Files.size(path(key));
    }

    @Override
    public InputStream open(StorageKey key, long offset) throws IOException {
        FileChannel channel = FileChannel.open(path(key), StandardOpenOption.READ);
        try {
            channel.position(offset);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return Channels.newInputStream(channel);
    }

    @Override
    public void delete(StorageKey key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    @Override
    public int deleteStagedBefore(Instant before) throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
            for (Path file : files) {
                if (STAGED.matcher(file.getFileName().toString()).matches() && writtenBefore(file, before)) {
                    Files.deleteIfExists(file);
                    deleted++;
                }
            }
        }
        return deleted;
    }

    @Override
    public void forEach(StorageKey.Kind kind, Instant before, Consumer<StorageKey> action) throws IOException {
        Path dir = root.resolve(kind.directory());
        String suffix = kind.suffix();
        try (Stream<Path> files = Files.walk(dir, 3)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!name.endsWith(suffix)) {
                    continue;
                }
                String sha = name.substring(0, name.length() - suffix.length());
                if (StorageKey.isSha256(sha) && Files.isRegularFile(file) && writtenBefore(file, before)) {
                    action.accept(new StorageKey(kind, sha));
                }
            }
        }
    }

    private static boolean writtenBefore(Path file, Instant before) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(before);
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        try {
            if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
            }
        } catch (UnsupportedOperationException ignored) {
            // not POSIX
        }
        return new FileAttribute<?>[0];
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning(() -> "Cannot delete " + file + ": " + e.getMessage() + " (the hourly sweep will)");
        }
    }
}
