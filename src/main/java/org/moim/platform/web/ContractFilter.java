package org.moim.platform.web;

import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
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
 * <li>a request or response schema that Payara wrote out in full as a copy of a component schema
 * ({@code @Schema(implementation = X.class)} inside {@code @Content}) refers to that component
 * instead, so a generated client has one type per view ({@code Workspace}, not
 * {@code WorkspacesCreate201Response}); a copy is recognised by being equal to the component, or
 * else by having the same property names as exactly one component;</li>
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
        Components components = new Components(openAPI);
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
                components.refer(operation);
            }
        }
    }

    /** The component schemas, to recognise the copies Payara writes into operations. */
    private static final class Components {
        private final Map<String, String> byShape = new HashMap<>();
        private final Map<Set<String>, String> byPropertyNames = new HashMap<>();

        Components(OpenAPI openAPI) {
            if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
                return;
            }
            openAPI.getComponents().getSchemas().forEach((name, schema) -> {
                byShape.merge(canonical(schema), name, (a, b) -> AMBIGUOUS);
                if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                    byPropertyNames.merge(Set.copyOf(schema.getProperties().keySet()), name, (a, b) -> AMBIGUOUS);
                }
            });
        }

        void refer(Operation operation) {
            if (operation.getRequestBody() != null) {
                refer(operation.getRequestBody().getContent());
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(response -> refer(response.getContent()));
            }
        }

        private void refer(Content content) {
            if (content == null || content.getMediaTypes() == null) {
                return;
            }
            for (org.eclipse.microprofile.openapi.models.media.MediaType media : content.getMediaTypes().values()) {
                Schema schema = media.getSchema();
                if (schema == null || schema.getRef() != null) {
                    continue;
                }
                if (schema.getItems() != null && schema.getItems().getRef() == null) {
                    String name = componentOf(schema.getItems());
                    if (name != null) {
                        schema.setItems(OASFactory.createSchema().ref(name));
                    }
                } else {
                    String name = componentOf(schema);
                    if (name != null) {
                        media.setSchema(OASFactory.createSchema().ref(name));
                    }
                }
            }
        }

        private String componentOf(Schema schema) {
            if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
                return null;
            }
            String name = byShape.get(canonical(schema));
            if (name == null) {
                name = byPropertyNames.get(Set.copyOf(schema.getProperties().keySet()));
            }
            return AMBIGUOUS.equals(name) ? null : name;
        }

        private static final String AMBIGUOUS = "";

        private static String canonical(Object value) {
            if (value instanceof Schema schema) {
                return schema.getRef() != null ? "$ref:" + schema.getRef() : canonical(schema.getAll());
            }
            if (value instanceof Map<?, ?> map) {
                Map<String, String> sorted = new TreeMap<>();
                map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
                return sorted.toString();
            }
            if (value instanceof List<?> list) {
                StringBuilder out = new StringBuilder("[");
                list.forEach(v -> out.append(canonical(v)).append(','));
                return out.append(']').toString();
            }
            return String.valueOf(value);
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
