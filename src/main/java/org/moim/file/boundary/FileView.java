package org.moim.file.boundary;

import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.file.entity.AttachmentTarget;
import org.moim.file.entity.StoredFile;
import org.moim.identity.entity.Account;
import org.moim.platform.web.MoimApi;

@Schema(name = "File", description = "A file in a workspace.")
public record FileView(
        String id,
        String workspaceId,
        @Schema(description = "1 to 255 characters, as given (NFC).", example = "회의록 2026-11.pdf") String name,
        @Schema(description = "Bytes.") long size,
        @Schema(description = "Sniffed from the content when it was uploaded, never taken from the client.", example = "application/pdf")
        String contentType,
        @Schema(description = "SHA-256 of the content, lower-case hex; also the download's ETag.") String sha256,
        @Schema(description = "Absent when the uploader's account is gone.") Uploader uploader,
        @Schema(description = "Where the file is attached; absent for the workspace's own files.") Target target,
        @Schema(enumeration = {"pending", "ready", "none"}, description = "pending: a job is making it; ready: GET thumbnailUrl; none: not an image the server can read.")
        String thumbnail,
        @Schema(description = "The job making the thumbnail (GET /api/v1/jobs/{id}; only the uploader may read it).") String thumbnailJobId,
        @Schema(enumeration = {"none", "pending", "ready", "failed"},
                description = "Voice messages: pending while the recording is converted to audio every browser plays (show "
                        + "\"converting…\"); ready: play playbackUrl; failed: the conversion job died, POST …/conversion to try "
                        + "again; none: no conversion was asked for.")
        String conversion,
        @Schema(description = "The conversion job (GET /api/v1/jobs/{id}; only who asked for it may read it).") String conversionJobId,
        String contentUrl,
        @Schema(description = "Present when thumbnail is ready.") String thumbnailUrl,
        @Schema(description = "Present when conversion is ready: AAC in MP4 (audio/mp4).") String playbackUrl,
        @Schema(description = "Changes with every rename.") long version,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "FileUploader")
    public record Uploader(String id, String displayName) {
    }

    @Schema(name = "AttachmentTarget", description = "A card, board, channel or message, as kind and id.")
    public record Target(@Schema(example = "card") String kind, String id) {
        static Target from(AttachmentTarget target) {
            return target == null ? null : new Target(target.kind(), target.id());
        }
    }

    static final String FILES = "/" + MoimApi.PATH + "/files/";

    static FileView from(StoredFile file) {
        Account uploader = file.uploader();
        String thumbnail = file.thumbnail().name().toLowerCase(Locale.ROOT);
        String conversion = file.conversion().name().toLowerCase(Locale.ROOT);
        return new FileView(file.id(), file.workspaceId(), file.name(), file.size(), file.contentType(), file.sha256(),
                uploader == null ? null : new Uploader(uploader.id(), uploader.displayName()),
                Target.from(file.target().orElse(null)),
                thumbnail, file.thumbnailJobId(),
                conversion, file.conversionJobId(),
                FILES + file.id() + "/content",
                "ready".equals(thumbnail) ? FILES + file.id() + "/thumbnail" : null,
                "ready".equals(conversion) ? FILES + file.id() + "/playback" : null,
                file.version(), file.createdAt(), file.updatedAt());
    }
}
