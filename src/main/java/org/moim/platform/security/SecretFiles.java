package org.moim.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Secrets generated once under the data directory: owner-only, written whole or not at all. */
public final class SecretFiles {

    private SecretFiles() {
    }

    /** Writes the text to a temporary owner-only file and moves it into place atomically. */
    public static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
