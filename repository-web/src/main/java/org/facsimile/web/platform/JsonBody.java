package org.facsimile.web.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.facsimile.vocab.csvw.JsonNesting;

/**
 * The one way a JSON request body becomes a typed value. Every refusal is a problem with where it
 * is (a JSON path), never the text sent: 400 for a body that is missing or not JSON, 422 for JSON
 * of the wrong shape (not an object, a member of the wrong type, nesting past {@link
 * JsonNesting#MAX_DEPTH} levels, text PostgreSQL cannot store). A leading byte-order mark is
 * ignored, as RFC 8259 allows. Members the type does not name are ignored, so older clients keep
 * working when a request grows.
 *
 * <p>Resources take the body as a {@code String} and call {@link #read}; binding a body straight
 * to a type lets JSON-B's failures through as 500s, which ArchitectureTest forbids.
 */
public final class JsonBody {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Jsonb JSONB = JsonbBuilder.create();

    private JsonBody() {}

    /** The body as a {@code type}; an empty body is refused. */
    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw notJson("the body is empty");
        }
        String text = body.charAt(0) == '\uFEFF' ? body.substring(1) : body;
        JsonObject object = object(text);
        texts(object, "$");
        check(object, type, "$");
        try {
            T value = JSONB.fromJson(text, type);
            if (value == null) {
                throw shape("$", "a JSON object is required");
            }
            return value;
        } catch (JsonbException | IllegalArgumentException | NullPointerException e) {
            // what the type itself refuses after every member had the right JSON type
            throw shape("$", "not a valid " + type.getSimpleName());
        }
    }

    /** The body as a {@code type}, or {@code ifEmpty} when nothing (or only white space) was sent. */
    public static <T> T read(String body, Class<T> type, Supplier<T> ifEmpty) {
        return body == null || body.isBlank() ? ifEmpty.get() : read(body, type);
    }

    private static JsonObject object(String text) {
        String deep = JsonNesting.tooDeep(text, JsonNesting.MAX_DEPTH);
        if (deep != null) {
            throw shape("$", deep);
        }
        JsonValue value;
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) {
                throw notJson("more follows the first value");
            }
        } catch (ProblemException e) {
            throw e;
        } catch (JsonParsingException e) {
            String at = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNumber() + ", column "
                            + e.getLocation().getColumnNumber();
            throw notJson("not valid JSON" + at);
        } catch (RuntimeException e) {
            throw notJson("not valid JSON");
        }
        if (!(value instanceof JsonObject object)) {
            throw shape("$", "the body must be a JSON object, not " + kind(value));
        }
        return object;
    }

    /** Whether {@code value} can become a {@code type}; refuses with the path where it cannot. */
    private static void check(JsonValue value, Type type, String path) {
        Class<?> raw = raw(type);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (raw.isPrimitive()) {
                throw shape(path, "must not be null");
            }
            return;
        }
        if (raw == String.class) {
            expect(value, JsonValue.ValueType.STRING, path, "a string");
        } else if (raw == Boolean.class || raw == boolean.class) {
            if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
                throw shape(path, "must be true or false, not " + kind(value));
            }
        } else if (raw == Integer.class || raw == int.class) {
            whole(value, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (raw == Long.class || raw == long.class) {
            whole(value, path, Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
            expect(value, JsonValue.ValueType.NUMBER, path, "a number");
            if (Double.isInfinite(((JsonNumber) value).doubleValue())) {
                throw shape(path, "is too large a number");
            }
        } else if (raw.isEnum()) {
            expect(value, JsonValue.ValueType.STRING, path, "a string");
            String name = ((JsonString) value).getString();
            if (Arrays.stream(raw.getEnumConstants())
                    .noneMatch(c -> ((Enum<?>) c).name().equals(name))) {
                throw shape(
                        path,
                        "must be one of "
                                + String.join(
                                        ", ",
                                        Arrays.stream(raw.getEnumConstants())
                                                .map(c -> ((Enum<?>) c).name())
                                                .toList()));
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            expect(value, JsonValue.ValueType.ARRAY, path, "an array");
            Type element = argument(type, 0);
            JsonArray array = (JsonArray) value;
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).getValueType() == JsonValue.ValueType.NULL) {
                    throw shape(path + "[" + i + "]", "must not be null");
                }
                check(array.get(i), element, path + "[" + i + "]");
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            expect(value, JsonValue.ValueType.OBJECT, path, "an object");
            Type member = argument(type, 1);
            for (Map.Entry<String, JsonValue> entry : ((JsonObject) value).entrySet()) {
                String at = member(path, entry.getKey());
                if (entry.getValue().getValueType() == JsonValue.ValueType.NULL) {
                    throw shape(at, "must not be null");
                }
                check(entry.getValue(), member, at);
            }
        } else if (raw.isRecord()) {
            expect(value, JsonValue.ValueType.OBJECT, path, "an object");
            JsonObject object = (JsonObject) value;
            for (RecordComponent component : raw.getRecordComponents()) {
                JsonValue member = object.get(component.getName());
                if (member != null) {
                    check(member, component.getGenericType(), member(path, component.getName()));
                }
            }
        }
        // any other type is left to JSON-B, whose refusal is answered with the path "$"
    }

    private static void whole(JsonValue value, String path, long min, long max) {
        expect(value, JsonValue.ValueType.NUMBER, path, "a whole number");
        BigDecimal number = ((JsonNumber) value).bigDecimalValue();
        if (number.stripTrailingZeros().scale() > 0) {
            throw shape(path, "must be a whole number");
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw shape(path, "must be between " + min + " and " + max);
        }
    }

    /** Every string and member name of the body, wherever it is, checked by {@link #text}. */
    private static void texts(JsonValue value, String path) {
        if (value instanceof JsonString s) {
            text(s.getString(), path);
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                texts(array.get(i), path + "[" + i + "]");
            }
        } else if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                text(entry.getKey(), path);
                texts(entry.getValue(), member(path, entry.getKey()));
            }
        }
    }

    private static void text(String s, String path) {
        String bad = Text.unstorable(s);
        if (bad != null) {
            throw shape(path, bad);
        }
    }

    private static void expect(JsonValue value, JsonValue.ValueType type, String path, String what) {
        if (value.getValueType() != type) {
            throw shape(path, "must be " + what + ", not " + kind(value));
        }
    }

    private static String kind(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    private static String member(String path, String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*")
                ? path + "." + name
                : path + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Problem.Where where(String path, String message) {
        return new Problem.Where(null, null, null, path, message);
    }

    /** A 400: what was sent is no JSON object at all (where: the whole body). */
    private static ProblemException notJson(String message) {
        return new ProblemException(
                400, "invalid-json", "Invalid JSON", "the body: " + message, List.of(where("$", message)));
    }

    private static ProblemException shape(String path, String message) {
        return new ProblemException(
                422, "invalid-body", "Invalid request body", path + ": " + message, List.of(where(path, message)));
    }
}
