package org.moim.platform.web;

import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * form parameters;</li>
 * <li>a schema carries only what its annotation says: Payara writes the defaults of every
 * {@code @Schema} attribute into the document ({@code examples: [""]}, {@code maxProperties: 0},
 * {@code minLength: 0}, {@code readOnly: false}…), and {@code maxProperties: 0} says an object may
 * have no property at all, which a generator believes;</li>
 * <li>a request or response schema, or a component's property, written out in full that is
 * exactly a named schema of the document's components becomes a reference to it ({@code $ref}): Payara writes each one out, and
 * a generated client then names its types after operations, or (OpenAPI Generator with 3.1)
 * types it as a string.</li>
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
        Map<String, String> named = namedShapes(openAPI);
        referToComponentsInComponents(openAPI, named);
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
                referToComponents(operation, named);
            }
        }
    }

    /** Each component schema's shape, for shapes only one component has: shape → name. */
    private static Map<String, String> namedShapes(OpenAPI openAPI) {
        Map<String, String> named = new HashMap<>();
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return named;
        }
        Set<String> twice = new HashSet<>();
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            if (named.putIfAbsent(shape(schema), name) != null) {
                twice.add(shape(schema));
            }
        });
        twice.forEach(named::remove);
        return named;
    }

    /** A component's property (or its items) written out in full that is exactly another named component becomes a reference to it. */
    private static void referToComponentsInComponents(OpenAPI openAPI, Map<String, String> named) {
        if (named.isEmpty() || openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema component : openAPI.getComponents().getSchemas().values()) {
            if (component.getProperties() != null) {
                Map<String, Schema> properties = new java.util.LinkedHashMap<>(component.getProperties());
                properties.replaceAll((key, property) -> referenced(property, named));
                component.setProperties(properties);
            }
        }
    }

    private static void referToComponents(Operation operation, Map<String, String> named) {
        if (named.isEmpty()) {
            return;
        }
        List<org.eclipse.microprofile.openapi.models.media.Content> contents = new ArrayList<>();
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            contents.add(operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().stream()
                    .filter(response -> response.getContent() != null)
                    .forEach(response -> contents.add(response.getContent()));
        }
        for (var content : contents) {
            if (content.getMediaTypes() != null) {
                content.getMediaTypes().values().forEach(media -> media.setSchema(referenced(media.getSchema(), named)));
            }
        }
    }

    /** The schema, or a reference to the component it is exactly; its items and properties likewise. */
    private static Schema referenced(Schema schema, Map<String, String> named) {
        if (schema == null || schema.getRef() != null) {
            return schema;
        }
        String name = named.get(shape(schema));
        if (name != null) {
            return OASFactory.createSchema().ref(name);
        }
        if (schema.getItems() != null) {
            schema.setItems(referenced(schema.getItems(), named));
        }
        if (schema.getProperties() != null) {
            Map<String, Schema> properties = new java.util.LinkedHashMap<>(schema.getProperties());
            properties.replaceAll((key, property) -> referenced(property, named));
            schema.setProperties(properties);
        }
        return schema;
    }

    /** Everything a schema says, nested schemas included, as one comparable text. */
    static String shape(Object value) {
        if (value instanceof Schema schema) {
            Map<String, Object> said = new TreeMap<>();
            said.put("$ref", schema.getRef());
            said.put("type", schema.getType());
            said.put("format", schema.getFormat());
            said.put("description", schema.getDescription());
            said.put("enum", schema.getEnumeration());
            said.put("required", schema.getRequired());
            said.put("items", schema.getItems());
            said.put("properties", schema.getProperties());
            said.put("additionalProperties", schema.getAdditionalPropertiesSchema());
            said.put("examples", schema.getExamples());
            return shape(said);
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder("{");
            new TreeMap<>(map).forEach((key, item) -> text.append(key).append('=').append(shape(item)).append(','));
            return text.append('}').toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ContractFilter::shape).toList().toString();
        }
        return String.valueOf(value);
    }

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getExamples() != null && schema.getExamples().stream().allMatch(""::equals)) {
            schema.setExamples(null);
        }
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinContains())) {
            schema.setMinContains(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        return schema;
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
