package org.moim.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moim.it.Api;
import org.moim.it.Api.Reply;
import org.moim.it.Deployments;

/**
 * The API's contract: the live {@code /openapi} document validates (OpenAPI Generator's parser,
 * swagger-parser, reports nothing), every operation says what it answers, no list comes back as a
 * bare array, every page takes {@code limit} and {@code cursor}, and the checked-in snapshot the
 * Java client is generated from ({@code src/test/openapi/moim.json}, see
 * {@code GeneratedClientIT}) is the live document.
 */
@ExtendWith(ArquillianExtension.class)
class OpenApiContractIT {

    /**
     * Lists that answer a bare JSON array because they cannot grow past a small bound; each entry
     * says why. Anything else that lists must answer a page ({@code items}, {@code nextCursor}).
     */
    static final Map<String, String> BOUNDED_LISTS = Map.of(
            "GET /api/v1/me/sessions", "the caller's own signed-in sessions: one per device, ended ones are purged",
            "GET /api/v1/calls/ice-servers", "the configured STUN/TURN servers",
            "GET /api/v1/workspaces/{workspaceId}/boards/{boardId}/lists",
            "a board's lists, which the board view returns whole as well (a board is one screen)",
            "GET /api/v1/workspaces/{workspaceId}/boards/{boardId}/labels",
            "a board's labels: at most moim.boards.labels-per-board (50), and the board view returns them whole as well");

    /** Media types whose answers are bytes or pages, not JSON a client decodes. */
    static final Set<String> UNTYPED_MEDIA = Set.of("text/html", "text/html;charset=UTF-8", "text/calendar",
            "image/png", "audio/mp4", "application/octet-stream");

    static final Path SNAPSHOT = Path.of(System.getProperty("moim.openapi.snapshot", "src/test/openapi/moim.json"));

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    @Test
    void theDocumentValidatesWithoutAMessage() {
        SwaggerParseResult result = parse(liveDocument());
        assertThat(result.getMessages())
                .as("OpenAPI Generator's parser on /openapi (fix the annotations or platform.web.ContractFilter)")
                .isEmpty();
    }

    @Test
    void everyOperationHasAUniqueIdAndSaysWhatItAnswers() {
        OpenAPI openAPI = parse(liveDocument()).getOpenAPI();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        operations(openAPI, (name, operation) -> {
            if (operation.getOperationId() == null || !ids.add(operation.getOperationId())) {
                problems.add(name + ": operationId " + operation.getOperationId() + " missing or repeated");
            }
            boolean answers = false;
            for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
                String code = response.getKey();
                if (code.startsWith("2") || code.startsWith("3")) {
                    answers = true;
                }
                if ((code.equals("200") || code.equals("201")) && response.getValue().getContent() != null) {
                    response.getValue().getContent().forEach((media, type) -> {
                        if (!UNTYPED_MEDIA.contains(media) && (type.getSchema() == null
                                || type.getSchema().get$ref() == null && type.getSchema().getType() == null
                                && type.getSchema().getTypes() == null)) {
                            problems.add(name + ": " + code + " " + media + " has no schema");
                        }
                    });
                }
                if ((code.equals("200") || code.equals("201")) && response.getValue().getContent() == null
                        && !name.startsWith("HEAD")) {
                    problems.add(name + ": " + code + " says nothing of its body (@APIResponse with "
                            + "@Content(schema = @Schema(implementation = …)))");
                }
            }
            if (!answers) {
                problems.add(name + ": no 2xx or 3xx response described (add @APIResponse(responseCode = \"200\", …))");
            }
        });
        assertThat(problems).as("operations of /openapi").isEmpty();
    }

    @Test
    void noListComesBackAsABareArray() {
        OpenAPI openAPI = parse(liveDocument()).getOpenAPI();
        List<String> bare = new ArrayList<>();
        List<String> pagesWithoutParameters = new ArrayList<>();
        operations(openAPI, (name, operation) -> {
            ApiResponse ok = operation.getResponses().get("200");
            if (ok == null || ok.getContent() == null) {
                return;
            }
            for (MediaType media : ok.getContent().values()) {
                Schema<?> schema = resolve(openAPI, media.getSchema());
                if (schema == null) {
                    continue;
                }
                if (isArray(schema) && !BOUNDED_LISTS.containsKey(name)) {
                    bare.add(name);
                }
                if (schema.getProperties() != null && schema.getProperties().containsKey("items")
                        && schema.getProperties().containsKey("nextCursor")) {
                    List<String> query = operation.getParameters() == null ? List.of() : operation.getParameters().stream()
                            .filter(p -> "query".equals(p.getIn())).map(Parameter::getName).toList();
                    if (!query.contains("limit") || !query.contains("cursor")) {
                        pagesWithoutParameters.add(name);
                    }
                }
            }
        });
        assertThat(bare)
                .as("Lists that grow answer a page {items, nextCursor} with ?limit= and ?cursor= (see "
                        + "platform.persistence.Page and Keyset, and docs/pagination in README); a list with a small fixed "
                        + "bound may answer an array when it is added to OpenApiContractIT.BOUNDED_LISTS with its reason")
                .isEmpty();
        assertThat(pagesWithoutParameters).as("pages take ?limit= and ?cursor= (query parameters of the operation)").isEmpty();
    }

    @Test
    void theCheckedInSnapshotIsTheLiveDocument() throws IOException {
        String live = normalized(liveDocument());
        if (Boolean.getBoolean("moim.openapi.refresh")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, live);
        }
        String snapshot = Files.exists(SNAPSHOT) ? Files.readString(SNAPSHOT) : "";
        assertThat(snapshot)
                .as(SNAPSHOT + " (what the Java client is generated from) is not the live /openapi. If the API change is "
                        + "meant, refresh it: mvn verify -Dskip.mariadb -Dit.test=OpenApiContractIT -Dmoim.openapi.refresh=true, "
                        + "review `git diff " + "src/test/openapi` and commit it (never edit it by hand)")
                .isEqualTo(live);
    }

    private String liveDocument() {
        // The first call builds the document from every resource's annotations: on a busy two-core
        // machine that took over 30 s once.
        Reply reply = new Api(base).request("GET", "/openapi").header("Accept", "application/json")
                .timeout(Duration.ofMinutes(3)).send();
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    private static SwaggerParseResult parse(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIParser().readContents(document, null, options);
    }

    /** Keys sorted at every level and two-space indents, so the snapshot's diffs show what changed. */
    static String normalized(String document) throws IOException {
        ObjectMapper mapper = new ObjectMapper()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(SerializationFeature.INDENT_OUTPUT);
        Object tree = mapper.readValue(document, Object.class);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return mapper.writer(printer).writeValueAsString(tree) + "\n";
    }

    private interface OperationVisitor {
        void visit(String name, Operation operation);
    }

    private static void operations(OpenAPI openAPI, OperationVisitor visitor) {
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().entrySet()) {
            path.getValue().readOperationsMap().forEach((method, operation) ->
                    visitor.visit(method + " " + path.getKey(), operation));
        }
    }

    private static Schema<?> resolve(OpenAPI openAPI, Schema<?> schema) {
        if (schema != null && schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            return openAPI.getComponents().getSchemas().get(name);
        }
        return schema;
    }

    private static boolean isArray(Schema<?> schema) {
        return "array".equals(schema.getType()) || schema.getTypes() != null && schema.getTypes().contains("array");
    }
}
