package dev.outage.alerting.codec;

import dev.outage.alerting.model.LabelSet;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/** Reading helpers over a Jackson parser that fail with a {@link Problem} at the current token. */
final class JsonIn {

    static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** A problem found while reading; caught by the codec and turned into a result or exception. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings("serial")
        final Problem problem;

        Failure(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    final JsonParser parser;

    JsonIn(JsonParser parser) {
        this.parser = parser;
    }

    JsonToken next() {
        return parser.nextToken();
    }

    Failure fail(int alertIndex, String pointer, String message) {
        TokenStreamLocation location = parser.currentTokenLocation();
        return new Failure(new Problem(
                alertIndex, pointer, message, Math.max(location.getLineNr(), 0), Math.max(location.getColumnNr(), 0)));
    }

    Failure fail(String pointer, String message) {
        return fail(-1, pointer, message);
    }

    void expect(JsonToken token, JsonToken expected, String pointer, String what) {
        if (token != expected) {
            throw fail(pointer, "expected " + what + ", got " + describe(token));
        }
    }

    /** Reads a string or null at the current token. */
    String string(JsonToken token, String pointer) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw fail(pointer, "expected a string, got " + describe(token));
        }
        return parser.getString();
    }

    String requiredString(JsonToken token, String pointer) {
        String value = string(token, pointer);
        if (value == null) {
            throw fail(pointer, "expected a string, got null");
        }
        return value;
    }

    boolean bool(JsonToken token, String pointer) {
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        throw fail(pointer, "expected true or false, got " + describe(token));
    }

    Instant timestamp(JsonToken token, String pointer) {
        String text = string(token, pointer);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Timestamps.parse(text);
        } catch (DateTimeException e) {
            throw fail(pointer, "invalid timestamp \"" + text + "\": " + e.getMessage());
        }
    }

    Instant requiredTimestamp(JsonToken token, String pointer) {
        Instant value = timestamp(token, pointer);
        if (value == null) {
            throw fail(pointer, "timestamp missing");
        }
        return value;
    }

    /** Reads an object of string values at the current token; null reads as empty. */
    LabelSet labelSet(JsonToken token, String pointer) {
        if (token == JsonToken.VALUE_NULL) {
            return LabelSet.empty();
        }
        expect(token, JsonToken.START_OBJECT, pointer, "an object of strings");
        TreeMap<String, String> map = new TreeMap<>();
        while ((token = next()) == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            map.put(name, requiredString(next(), pointer + "/" + AlertmanagerCodec.escape(name)));
        }
        return LabelSet.of(map);
    }

    List<String> stringList(JsonToken token, String pointer) {
        if (token == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(token, JsonToken.START_ARRAY, pointer, "an array of strings");
        List<String> list = new ArrayList<>();
        while ((token = next()) != JsonToken.END_ARRAY) {
            list.add(requiredString(token, pointer + "/" + list.size()));
        }
        return list;
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the body";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
