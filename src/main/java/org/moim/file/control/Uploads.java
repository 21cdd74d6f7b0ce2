package org.moim.file.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.moim.file.entity.StoredFile;
import org.moim.platform.persistence.DuplicateKeys;

/**
 * One upload, from the first byte to the recorded file: admitted (a short transaction), streamed
 * into staging while counted, hashed and limited (no transaction), its type sniffed, then
 * recorded (a short transaction). Whatever goes wrong, the staged bytes are removed: an upload
 * either becomes a file whole or leaves nothing, in storage or in the database.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class Uploads {

    private static final int ATTEMPTS = 3;

    @Inject
    FileRegistry registry;

    @Inject
    FileStorage storage;

    /** What the client said about the upload; none of it is trusted beyond the name. */
    public record Upload(String workspaceId, String accountId, String target, String name, String declaredType) {
    }

    /** Read the rest of the request once the file's bytes are in (the end of a multipart body). */
    @FunctionalInterface
    public interface Remainder {
        void read() throws IOException;
    }

    /** Before the first byte: may the caller upload here at all, and how much? */
    public FileRegistry.Admission admit(Upload upload) {
        return registry.admit(upload.workspaceId(), upload.accountId(), upload.target());
    }

    /**
     * Streams {@code content} into storage and records it as a file. {@code declaredLength}
     * (the Content-Length of a raw upload, or -1) is checked against the bytes that arrived;
     * {@code remainder} reads and checks what follows the content before anything is recorded.
     */
    public StoredFile upload(FileRegistry.Admission admission, Upload upload, InputStream content, long declaredLength, Remainder remainder) {
        String name = FileNames.check("name", upload.name());
        FileLimits.Allowance allowance = admission.allowance();
        if (declaredLength > allowance.maxBytes()) {
            throw allowance.exceeded();
        }
        UploadStream counted = new UploadStream(content, allowance.maxBytes(), allowance::exceeded);
        FileStorage.Staged staged;
        try {
            staged = storage.stage(counted);
        } catch (IOException e) {
            if (counted.broken()) {
                throw new UploadIncomplete("The connection broke after " + counted.count() + " bytes.");
            }
            throw new UncheckedIOException("Cannot stage an upload", e);
        }
        try {
            if (declaredLength >= 0 && counted.count() != declaredLength) {
                throw new UploadIncomplete("The body ended after " + counted.count() + " of the " + declaredLength + " bytes it announced.");
            }
            try {
                remainder.read();
            } catch (IOException e) {
                throw new UploadIncomplete("The request broke off after the file: " + e.getMessage() + ".");
            }
            String type = ContentSniffer.sniff(counted.head(), counted.headLength(), name);
            if (ContentSniffer.claimsImage(upload.declaredType(), name) && !ContentSniffer.isImage(type)) {
                throw new NotAnImage(type);
            }
            String sha256 = counted.sha256();
            for (int attempt = 1; ; attempt++) {
                try {
                    return registry.record(admission, name, type, staged, sha256);
                } catch (RuntimeException e) {
                    // Two first uploads to a workspace, or of the same content, at once: the loser retries.
                    if (attempt == ATTEMPTS || !DuplicateKeys.in(e)) {
                        throw e;
                    }
                }
            }
        } finally {
            storage.discard(staged);
        }
    }
}
