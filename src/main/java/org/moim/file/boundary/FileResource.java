package org.moim.file.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.file.control.FileStorage;
import org.moim.file.control.StorageKey;
import org.moim.file.control.StoredFiles;
import org.moim.file.control.VoiceMessages;
import org.moim.file.entity.StoredFile;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("files/{id}")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Files")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such file you may see (deleted files are gone: 404)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class FileResource {

    @Inject
    StoredFiles files;

    @Inject
    FileStorage storage;

    @Inject
    VoiceMessages voice;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(summary = "A file's details")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(schema = @Schema(implementation = FileView.class)))
    public FileView get(@PathParam("id") String id) {
        return FileView.from(files.get(id, jwt.getSubject()));
    }

    @GET
    @Path("content")
    @Transactional
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a file",
            description = "Range (one range; 206, or 416 past the end), ETag with If-None-Match (304) and If-Range. Images, audio, "
                    + "video and plain text come inline, everything else (and with ?download=true everything) as an attachment; "
                    + "always with nosniff and a sandboxing Content-Security-Policy.")
    @APIResponse(responseCode = "200", description = "The content",
            headers = {@Header(name = "ETag"), @Header(name = "Content-Disposition"), @Header(name = "Accept-Ranges")},
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "206", description = "The requested range", headers = @Header(name = "Content-Range"))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "416", description = "The range starts past the end; Content-Range: bytes */size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response content(@PathParam("id") String id,
                            @HeaderParam("Range") String range,
                            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                            @HeaderParam("If-Range") String ifRange,
                            @QueryParam("download") @Parameter(description = "true: always as an attachment") boolean download) {
        StoredFile file = files.get(id, jwt.getSubject());
        return Downloads.send(storage, new Downloads.Download(StorageKey.blob(file.sha256()), file.size(), file.contentType(),
                file.name(), file.sha256(), download), range, ifNoneMatch, ifRange);
    }

    @GET
    @Path("thumbnail")
    @Transactional
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "A file's thumbnail", description = "PNG, at most 256×256. 404 unless the file's thumbnail is ready.")
    @APIResponse(responseCode = "200", description = "The thumbnail", content = @Content(mediaType = "image/png"))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    public Response thumbnail(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        StoredFile file = files.withThumbnail(id, jwt.getSubject());
        StorageKey key = StorageKey.thumbnail(file.sha256());
        long size;
        try {
            size = storage.size(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Downloads.send(storage, new Downloads.Download(key, size, "image/png", file.name() + ".png",
                "thumbnail-" + file.sha256(), false), null, ifNoneMatch, null);
    }

    @POST
    @Path("conversion")
    @Transactional
    @Operation(summary = "Convert a voice recording for playback",
            description = "For a recording (WebM/Opus as browsers record it, Ogg, Matroska, WAV, FLAC): a background job converts it "
                    + "to AAC in MP4, which every browser plays, keeping the original. The file's conversion is pending, then ready "
                    + "(playbackUrl) or failed; ask again to retry a failed one. Its uploader, or an owner or manager.")
    @APIResponse(responseCode = "202", description = "Queued; Location is the job",
            headers = @Header(name = "Location", description = "/api/v1/jobs/{id}"),
            content = @Content(schema = @Schema(implementation = FileView.class)))
    @APIResponse(responseCode = "200", description = "Nothing to queue: converted already (this recording's audio exists), or pending",
            content = @Content(schema = @Schema(implementation = FileView.class)))
    @APIResponse(responseCode = "403", description = "Not yours, and your role does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not a recording (not-a-recording)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response convert(@PathParam("id") String id) {
        boolean queued = voice.request(id, jwt.getSubject());
        FileView view = FileView.from(files.get(id, jwt.getSubject()));
        return queued
                ? Response.accepted(view).location(java.net.URI.create("/" + MoimApi.PATH + "/jobs/" + view.conversionJobId())).build()
                : Response.ok(view).build();
    }

    @GET
    @Path("playback")
    @Transactional
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "A voice message's playable audio",
            description = "AAC in MP4 (audio/mp4), with Range and ETag like the content. 404 unless the conversion is ready.")
    @APIResponse(responseCode = "200", description = "The audio", content = @Content(mediaType = "audio/mp4"))
    @APIResponse(responseCode = "206", description = "The requested range", headers = @Header(name = "Content-Range"))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    public Response playback(@PathParam("id") String id,
                             @HeaderParam("Range") String range,
                             @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                             @HeaderParam("If-Range") String ifRange) {
        StoredFile file = voice.withPlayback(id, jwt.getSubject());
        StorageKey key = StorageKey.audio(file.sha256());
        long size;
        try {
            size = storage.size(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Downloads.send(storage, new Downloads.Download(key, size, VoiceMessages.PLAYBACK_TYPE, file.name() + ".m4a",
                "audio-" + file.sha256(), false), range, ifNoneMatch, ifRange);
    }

    @PATCH
    @Transactional
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Rename a file", description = "Its uploader, or an owner or manager.")
    @APIResponse(responseCode = "200", description = "Renamed", content = @Content(schema = @Schema(implementation = FileView.class)))
    @APIResponse(responseCode = "400", description = "Bad name", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not yours, and your role does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FileView rename(@PathParam("id") String id, @Valid @NotNull RenameFileRequest body) {
        return FileView.from(files.rename(id, jwt.getSubject(), body.name));
    }

    @DELETE
    @Transactional
    @Operation(summary = "Delete a file",
            description = "Its uploader, or an owner or manager. Immediate: afterwards the file answers 404. Its content is "
                    + "deleted from storage right after, unless another file has the same content.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not yours, and your role does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id) {
        files.delete(id, jwt.getSubject());
        return Response.noContent().build();
    }
}
