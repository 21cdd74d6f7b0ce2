package org.moim.platform.web;

import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The rules every operation of the OpenAPI document follows, applied once here rather than by
 * hand on each resource method (registered as {@code mp.openapi.filter}):
 * <ul>
 * <li>an operation id is its tag in lower camel case followed by the Java method name
 * ({@code Labels} + {@code list} = {@code labelsList}), so methods named alike in different
 * resources stay apart and a generated client has one stable name per operation; an id that
 * already starts with its tag's prefix (set with {@code @Operation(operationId = …)}) is kept,
 * which is how two methods of one tag with the same name are told apart;</li>
 * <li>each tag is listed once (resources sharing a tag each declare it), in name order (the
 * checked-in snapshot does not change with the order classes are scanned in);</li>
 * <li>a path parameter is always required;</li>
 * <li>a response header without a schema ({@code @Header(name = "Location")}) is a string;</li>
 * <li>a request body whose media type is declared ({@code @RequestBody(content = @Content(mediaType = …))})
 * loses the untyped {@code *}{@code /*} entry Payara adds beside it for {@code @Consumes(WILDCARD)} and
 * form parameters.</li>
 * </ul>
 * {@code OpenApiContractIT} validates the result and fails on what this cannot fix.
 */
public class ContractFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getTags() != null) {
            Map<String, Tag> unique = new TreeMap<>();
            for (Tag tag : openAPI.getTags()) {
                Tag first = unique.putIfAbsent(tag.getName(), tag);
                if (first != null && first.getDescription() == null) {
                    first.setDescription(tag.getDescription());
                }
            }
            openAPI.setTags(new ArrayList<>(unique.values()));
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            requirePathParameters(item.getParameters());
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation operation : item.getOperations().values()) {
                requirePathParameters(operation.getParameters());
                operation.setOperationId(operationId(operation));
                dropWildcardBody(operation.getRequestBody());
                typeHeaders(operation);
            }
        }
    }

    static String operationId(Operation operation) {
        String method = operation.getOperationId();
        List<String> tags = operation.getTags();
        if (method == null || tags == null || tags.isEmpty()) {
            return method;
        }
        String prefix = lowerCamel(tags.get(0));
        if (method.startsWith(prefix) && (method.length() == prefix.length()
                || Character.isUpperCase(method.charAt(prefix.length())))) {
            return method;
        }
        return prefix + Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }

    /** "Board members" -> "boardMembers", "Real-time" -> "realTime". */
    static String lowerCamel(String tag) {
        StringBuilder out = new StringBuilder();
        for (String word : tag.split("[^A-Za-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            out.append(out.isEmpty() ? word.toLowerCase(Locale.ROOT)
                    : Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    private static void typeHeaders(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
            if (response.getHeaders() == null) {
                continue;
            }
            for (Header header : response.getHeaders().values()) {
                if (header.getSchema() == null && header.getRef() == null) {
                    header.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
                }
            }
        }
    }

    private static void dropWildcardBody(RequestBody body) {
        if (body == null || body.getContent() == null || body.getContent().getMediaTypes() == null) {
            return;
        }
        if (body.getContent().getMediaTypes().size() > 1 && body.getContent().hasMediaType(MediaType.WILDCARD)) {
            body.getContent().removeMediaType(MediaType.WILDCARD);
        }
    }

    private static void requirePathParameters(List<Parameter> parameters) {
        if (parameters == null) {
            return;
        }
        for (Parameter parameter : parameters) {
            if (parameter.getIn() == Parameter.In.PATH) {
                parameter.setRequired(true);
            }
        }
    }
}
