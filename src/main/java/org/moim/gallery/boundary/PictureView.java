package org.moim.gallery.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.file.entity.StoredFile;
import org.moim.gallery.control.Gallery;
import org.moim.identity.entity.Account;
import org.moim.platform.web.MoimApi;

@Schema(name = "Picture", description = "An image file in the gallery, with its comment count and reactions.")
public record PictureView(
        @Schema(description = "The file's id.") String id,
        String workspaceId,
        String name,
        @Schema(description = "Bytes.") long size,
        @Schema(example = "image/jpeg") String contentType,
        @Schema(description = "Absent when the uploader's account is gone.") Person uploader,
        @Schema(description = "Where the file is attached (board, card, channel, message); absent for the workspace's own.") Place target,
        @Schema(enumeration = {"pending", "ready", "none"}) String thumbnail,
        String contentUrl,
        @Schema(description = "Present when thumbnail is ready (PNG, at most 256×256).") String thumbnailUrl,
        @Schema(description = "Number of comments.") long comments,
        @Schema(description = "Reactions given, in palette order; codes nobody gave are absent.", type = SchemaType.ARRAY, implementation = ReactionView.class) List<ReactionView> reactions,
        Instant createdAt) {

    @Schema(name = "PictureUploader")
    public record Person(String id, String displayName) {
    }

    @Schema(name = "PicturePlace")
    public record Place(String kind, String id) {
    }

    @Schema(name = "PictureReactionCount")
    public record ReactionView(@Schema(enumeration = {"like", "love", "laugh", "wow", "sad", "clap"}) String code, long count,
                               @Schema(description = "Whether the caller gave it.") boolean mine) {
    }

    static final String FILES = "/" + MoimApi.PATH + "/files/";

    static PictureView from(Gallery.Picture picture) {
        StoredFile file = picture.file();
        Account uploader = file.uploader();
        String thumbnail = file.thumbnail().name().toLowerCase(Locale.ROOT);
        return new PictureView(file.id(), file.workspaceId(), file.name(), file.size(), file.contentType(),
                uploader == null ? null : new Person(uploader.id(), uploader.displayName()),
                file.target().map(t -> new Place(t.kind(), t.id())).orElse(null),
                thumbnail, FILES + file.id() + "/content",
                "ready".equals(thumbnail) ? FILES + file.id() + "/thumbnail" : null,
                picture.comments(),
                picture.reactions().stream().map(r -> new ReactionView(r.code(), r.count(), r.mine())).toList(),
                file.createdAt());
    }
}
