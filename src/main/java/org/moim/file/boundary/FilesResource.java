package org.moim.file.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.file.control.FileCatalog;
import org.moim.file.control.FileQuery;
import org.moim.file.control.FileRegistry;
import org.moim.file.control.MalformedUpload;
import org.moim.file.control.UploadIncomplete;
import org.moim.file.control.Uploads;
import org.moim.file.entity.StoredFile;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;
import org.moim.platform.web.StreamedBody;

@Path("workspaces/{workspaceId}/files")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Files", description = "Uploads, downloads and the workspace file browser. See docs/files.md.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Your role does not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace (or target) of yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class FilesResource {

    private static final int MAX_FIELD = 4096;

    @Inject
    Uploads uploads;

    @Inject
    FileCatalog catalog;

    @Inject
    JsonWebToken jwt;

    // Uploads are not one transaction: the bytes stream with none open (Uploads explains).

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @StreamedBody
    @Operation(summary = "Upload a file from a form",
            description = "multipart/form-data with one file part (any field name, with a filename); an optional text field "
                    + "'name' before it overrides the filename. Streamed: the size limit and the quota are checked while it arrives. "
                    + "The content type is sniffed from the bytes.")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA))
    @APIResponse(responseCode = "201", description = "Stored", headers = @Header(name = "Location", description = "/api/v1/files/{id}"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FileView.class)))
    @APIResponse(responseCode = "400", description = "Bad name, no file part, two files, a broken body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than the limit per file, or than what is left of the quota", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Claims to be an image and is not", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response uploadForm(@PathParam("workspaceId") String workspaceId,
                               @QueryParam("target") @Parameter(description = "Attach to kind:id, e.g. card:6f0c…") String target,
                               @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                               @HeaderParam("Expect") String expect,
                               InputStream input) {
        UploadBody body = new UploadBody(input, expect);
        return answerBefore(body, () -> uploadForm(workspaceId, target, contentType, body));
    }

    private Response uploadForm(String workspaceId, String target, String contentType, InputStream body) {
        String me = jwt.getSubject();
        MultipartReader reader;
        try {
            reader = new MultipartReader(body, MultipartReader.boundary(contentType));
        } catch (MultipartReader.Malformed e) {
            throw new MalformedUpload(e.getMessage() + ".");
        }
        FileRegistry.Admission admission = uploads.admit(new Uploads.Upload(workspaceId, me, target, null, null));
        String nameField = null;
        MultipartReader.Part file;
        try {
            while ((file = reader.next()) != null && file.disposition("filename") == null) {
                if ("name".equals(file.disposition("name"))) {
                    nameField = field(file.content());
                }
            }
        } catch (MultipartReader.Malformed e) {
            throw new MalformedUpload(e.getMessage() + ".");
        } catch (IOException e) {
            throw new UploadIncomplete("The request broke off before the file: " + e.getMessage() + ".");
        }
        if (file == null) {
            throw new MalformedUpload("The form has no file part (a part with a filename).");
        }
        Uploads.Upload upload = new Uploads.Upload(workspaceId, me, target,
                nameField != null ? nameField : file.disposition("filename"), file.header("content-type"));
        StoredFile stored = uploads.upload(admission, upload, file.content(), -1, () -> {
            try {
                MultipartReader.Part more;
                while ((more = reader.next()) != null) {
                    if (more.disposition("filename") != null) {
                        throw new MalformedUpload("The form has more than one file part; send one file per request.");
                    }
                }
            } catch (MultipartReader.Malformed e) {
                throw new MalformedUpload(e.getMessage() + ".");
            }
        });
        return created(stored);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @StreamedBody
    @Operation(summary = "Upload a file as the request body",
            description = "For integrators: the body is the file (e.g. curl -T report.pdf, or --data-binary @report.pdf). "
                    + "The name comes from ?name= or from Content-Disposition (filename*=UTF-8''… for Unicode). "
                    + "Content-Length, when sent, must match the bytes that arrive. The Content-Type is not trusted: "
                    + "the stored type is sniffed, and an image type for content that is none answers 415.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Stored", headers = @Header(name = "Location", description = "/api/v1/files/{id}"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FileView.class)))
    @APIResponse(responseCode = "400", description = "Bad or missing name, a body shorter than its Content-Length", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than the limit per file, or than what is left of the quota", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Claims to be an image and is not", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upload(@PathParam("workspaceId") String workspaceId,
                           @QueryParam("target") @Parameter(description = "Attach to kind:id, e.g. card:6f0c…") String target,
                           @QueryParam("name") @Parameter(description = "The file's name (or send Content-Disposition)") String name,
                           @HeaderParam("Content-Disposition") String disposition,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                           @HeaderParam("Expect") String expect,
                           InputStream input) {
        UploadBody body = new UploadBody(input, expect);
        return answerBefore(body, () -> upload(workspaceId, target, name, disposition, contentType, contentLength, body));
    }

    private Response upload(String workspaceId, String target, String name, String disposition, String contentType,
                            String contentLength, InputStream body) {
        String me = jwt.getSubject();
        String fileName = name != null ? name : disposition == null ? null : HeaderParameters.parse(disposition).get("filename");
        if (fileName == null) {
            throw new InvalidField("name", "give the file's name as ?name= or in Content-Disposition (filename*=UTF-8''…)");
        }
        Uploads.Upload upload = new Uploads.Upload(workspaceId, me, target, fileName, contentType);
        FileRegistry.Admission admission = uploads.admit(upload);
        StoredFile stored = uploads.upload(admission, upload, body, length(contentLength), () -> { });
        return created(stored);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @StreamedBody
    @Operation(summary = "Upload a file as the request body (PUT)",
            description = "The same as POST with a raw body, for clients that upload with PUT (curl -T). Every request makes a new file.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Stored", headers = @Header(name = "Location", description = "/api/v1/files/{id}"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FileView.class)))
    public Response put(@PathParam("workspaceId") String workspaceId,
                        @QueryParam("target") String target,
                        @QueryParam("name") String name,
                        @HeaderParam("Content-Disposition") String disposition,
                        @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                        @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                        @HeaderParam("Expect") String expect,
                        InputStream body) {
        return upload(workspaceId, target, name, disposition, contentType, contentLength, expect, body);
    }

    @GET
    @Transactional
    @Operation(summary = "Files I can see in the workspace",
            description = "Filters combine: uploader (account id), type (image/png, or a family: image/*), target (kind:id: a card's "
                    + "files, or a board's including its cards'), q (part of the name, any case). Sorted by date (newest first), "
                    + "name (A–Z) or size (largest first); order=asc|desc reverses. Keyset-paginated.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = FilePage.class)))
    @APIResponse(responseCode = "400", description = "A bad filter, sort or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FilePage list(@PathParam("workspaceId") String workspaceId,
                         @QueryParam("uploader") String uploader,
                         @QueryParam("type") @Parameter(description = "image/png or image/*") String type,
                         @QueryParam("target") @Parameter(description = "kind:id") String target,
                         @QueryParam("q") @Parameter(description = "Part of the name") String q,
                         @QueryParam("sort") @DefaultValue("date") @Parameter(description = "date, name or size") String sort,
                         @QueryParam("order") @Parameter(description = "asc or desc") String order,
                         @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
                         @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return FilePage.from(catalog.list(workspaceId, jwt.getSubject(), FileQuery.of(uploader, type, target, q, sort, order, limit, cursor)));
    }

    @GET
    @Path("usage")
    @Transactional
    @Operation(summary = "The workspace's storage usage", description = "Bytes and files used against the quota, and the size limit per file.")
    @APIResponse(responseCode = "200", description = "Usage", content = @Content(schema = @Schema(implementation = StorageUsageView.class)))
    public StorageUsageView usage(@PathParam("workspaceId") String workspaceId) {
        return StorageUsageView.from(workspaceId, catalog.usage(workspaceId, jwt.getSubject()));
    }

    /**
     * Runs an upload; if it is refused before its body was read to the end, the rest is drained
     * first so the client receives the answer (see {@link UploadBody}).
     */
    private static Response answerBefore(UploadBody body, Supplier<Response> upload) {
        try {
            return upload.get();
        } catch (UploadIncomplete e) {
            throw e;  // the client is gone
        } catch (ProblemException e) {
            body.drain();
            throw e;
        }
    }

    private static Response created(StoredFile file) {
        return Response.created(URI.create(FileView.FILES + file.id())).entity(FileView.from(file)).build();
    }

    private static long length(String contentLength) {
        if (contentLength == null || contentLength.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A small text field of the form, read whole. */
    private static String field(InputStream content) throws IOException {
        byte[] bytes = content.readNBytes(MAX_FIELD + 1);
        if (bytes.length > MAX_FIELD) {
            throw new InvalidField("name", "must be at most " + MAX_FIELD + " bytes long");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
