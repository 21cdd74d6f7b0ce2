package org.moim.platform.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.moim.platform.problem.FieldError;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/**
 * Reads every JSON request body bound to one of Moim's request types, strictly: UTF-8 only (a
 * {@code charset} other than UTF-8, or bytes that are not UTF-8, is refused rather than turned
 * into U+FFFD), exactly one JSON value with nothing after it, and values of the declared JSON
 * types (a string where a string is declared, never a number or a boolean coerced into one; an
 * integer that fits where an integer is declared; an object where an object is declared, never an
 * array whose last element stands in for it). Every mismatch is a 400 {@code malformed-request}
 * problem naming the field ({@code items[2].name}). Only then does JSON-B bind the body, with the
 * same defaults the container's own reader uses. Members the type does not declare are ignored,
 * so clients may send fields a later version will read.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)   // before the container's JSON-B reader for the same media types
@ApplicationScoped
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJson implements MessageBodyReader<Object> {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Map<Class<?>, Map<String, Type>> MEMBERS = new ConcurrentHashMap<>();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.getName().startsWith("org.moim.") && !type.isInterface();
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "JSON bodies are UTF-8; charset=" + printable(charset) + " is not accepted.");
        }
        byte[] bytes = entity.readAllBytes();
        if (isBlank(bytes)) {
            return null;   // no body: the method's @NotNull says so as a validation problem
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("The request body is not valid UTF-8.", List.of());
        }
        JsonValue value = parse(text);
        List<FieldError> errors = new ArrayList<>();
        check(value, genericType == null ? type : genericType, "", errors);
        if (!errors.isEmpty()) {
            throw malformed("The request body does not match the declared types.", errors);
        }
        try {
            return JSONB.fromJson(text, genericType == null ? type : genericType);
        } catch (JsonbException e) {
            throw malformed("The request body is not valid JSON for this operation.", List.of());
        }
    }

    /** Exactly one JSON value, and nothing but white space after it. */
    private static JsonValue parse(String text) {
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw malformed("The request body is not valid JSON.", List.of());
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw malformed("The request body has more after its JSON value.", List.of());
            }
            return value;
        } catch (JsonParsingException | IllegalStateException e) {
            String where = e instanceof JsonParsingException parsing && parsing.getLocation() != null
                    ? " (line " + parsing.getLocation().getLineNumber() + ", column " + parsing.getLocation().getColumnNumber() + ")"
                    : "";
            throw malformed("The request body is not valid JSON" + where + ".", List.of());
        }
    }

    /** Adds an error for every value that does not have the JSON type {@code type} declares. */
    static void check(JsonValue value, Type type, String path, List<FieldError> errors) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (type instanceof Class<?> c && c.isPrimitive()) {
                errors.add(new FieldError(name(path), "must not be null"));
            }
            return;
        }
        Class<?> raw = raw(type);
        if (raw == Object.class || JsonValue.class.isAssignableFrom(raw)) {
            return;
        }
        if (raw == Optional.class) {
            check(value, argument(type, 0), path, errors);
        } else if (raw == String.class || raw == char.class || raw == Character.class || raw.isEnum() || isTextual(raw)) {
            expect(value, JsonValue.ValueType.STRING, "a string", path, errors);
        } else if (raw == boolean.class || raw == Boolean.class) {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                errors.add(new FieldError(name(path), "must be true or false"));
            }
        } else if (isIntegral(raw)) {
            if (!(value instanceof JsonNumber number) || !number.isIntegral() || !fits(number, raw)) {
                errors.add(new FieldError(name(path), "must be a whole number" + range(raw)));
            }
        } else if (Number.class.isAssignableFrom(raw) || raw == double.class || raw == float.class) {
            expect(value, JsonValue.ValueType.NUMBER, "a number", path, errors);
        } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            if (!(value instanceof JsonArray array)) {
                errors.add(new FieldError(name(path), "must be an array"));
                return;
            }
            Type element = raw.isArray() ? elementOf(type) : argument(type, 0);
            for (int i = 0; i < array.size(); i++) {
                check(array.get(i), element, path + "[" + i + "]", errors);
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonObject object)) {
                errors.add(new FieldError(name(path), "must be an object"));
                return;
            }
            Type valueType = argument(type, 1);
            object.forEach((key, member) -> check(member, valueType, join(path, key), errors));
        } else {
            if (!(value instanceof JsonObject object)) {
                errors.add(new FieldError(name(path), "must be an object"));
                return;
            }
            Map<String, Type> members = MEMBERS.computeIfAbsent(raw, StrictJson::members);
            object.forEach((key, member) -> {
                Type declared = members.get(key);
                if (declared != null) {
                    check(member, declared, join(path, key), errors);
                }
            });
        }
    }

    /** The JSON names and types of what JSON-B binds: record components, or fields. */
    private static Map<String, Type> members(Class<?> type) {
        Map<String, Type> members = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                JsonbProperty property = component.getAnnotation(JsonbProperty.class);
                if (property == null) {
                    property = field(type, component.getName()).map(f -> f.getAnnotation(JsonbProperty.class)).orElse(null);
                }
                members.put(property == null || property.value().isEmpty() ? component.getName() : property.value(),
                        component.getGenericType());
            }
            return members;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                        || field.isAnnotationPresent(JsonbTransient.class)) {
                    continue;
                }
                JsonbProperty property = field.getAnnotation(JsonbProperty.class);
                members.putIfAbsent(property == null || property.value().isEmpty() ? field.getName() : property.value(),
                        field.getGenericType());
            }
        }
        return members;
    }

    private static Optional<Field> field(Class<?> type, String name) {
        try {
            return Optional.of(type.getDeclaredField(name));
        } catch (NoSuchFieldException e) {
            return Optional.empty();
        }
    }

    private static void expect(JsonValue value, JsonValue.ValueType expected, String what, String path, List<FieldError> errors) {
        if (value.getValueType() != expected) {
            errors.add(new FieldError(name(path), "must be " + what));
        }
    }

    private static boolean isTextual(Class<?> raw) {
        String name = raw.getName();
        return name.startsWith("java.time.") || raw == java.util.UUID.class || raw == java.net.URI.class;
    }

    private static boolean isIntegral(Class<?> raw) {
        return raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == short.class || raw == Short.class || raw == byte.class || raw == Byte.class
                || raw == BigInteger.class;
    }

    private static boolean fits(JsonNumber number, Class<?> raw) {
        if (raw == BigInteger.class) {
            return true;
        }
        BigDecimal value = number.bigDecimalValue();
        long min;
        long max;
        if (raw == int.class || raw == Integer.class) {
            min = Integer.MIN_VALUE;
            max = Integer.MAX_VALUE;
        } else if (raw == short.class || raw == Short.class) {
            min = Short.MIN_VALUE;
            max = Short.MAX_VALUE;
        } else if (raw == byte.class || raw == Byte.class) {
            min = Byte.MIN_VALUE;
            max = Byte.MAX_VALUE;
        } else {
            min = Long.MIN_VALUE;
            max = Long.MAX_VALUE;
        }
        return value.compareTo(BigDecimal.valueOf(min)) >= 0 && value.compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    private static String range(Class<?> raw) {
        if (raw == int.class || raw == Integer.class) {
            return " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        return raw == long.class || raw == Long.class ? " from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE : "";
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return raw(parameterized.getRawType());
        }
        if (type instanceof GenericArrayType array) {
            return java.lang.reflect.Array.newInstance(raw(array.getGenericComponentType()), 0).getClass();
        }
        if (type instanceof WildcardType wildcard) {
            return raw(wildcard.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> variable) {
            return raw(variable.getBounds()[0]);
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length > index) {
            return parameterized.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Type elementOf(Type type) {
        if (type instanceof GenericArrayType array) {
            return array.getGenericComponentType();
        }
        return raw(type).getComponentType();
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String name(String path) {
        return path.isEmpty() ? "(body)" : path;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }

    private static ProblemException malformed(String detail, List<FieldError> errors) {
        return new ProblemException(ProblemType.MALFORMED, detail, errors);
    }
}
