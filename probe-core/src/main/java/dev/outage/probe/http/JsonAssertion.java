package dev.outage.probe.http;

import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An expectation about one value of a JSON reply: the value at a JSON pointer equals a literal.
 *
 * <p>The expected text is read as a JSON literal when it is one ({@code true}, {@code 1.5}, {@code
 * null}, {@code "ok"}), else as a plain string; numbers compare by value ({@code 1} equals {@code
 * 1.0}); a string in the reply also matches the same text written without quotes.
 *
 * @param pointer an RFC 6901 JSON pointer such as {@code /status} ({@code ""} is the whole reply)
 * @param expected the expected value as written
 */
public record JsonAssertion(String pointer, String expected) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Checks the pointer syntax. */
    public JsonAssertion {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(expected, "expected");
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("JSON pointer must start with '/': '" + pointer + "'");
        }
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad JSON pointer '" + pointer + "': " + e.getMessage(), e);
        }
    }

    /**
     * Parses {@code POINTER=VALUE} or {@code POINTER == VALUE}, e.g. {@code /status=true}.
     *
     * @throws IllegalArgumentException naming the text when it has no {@code =} or a bad pointer
     */
    public static JsonAssertion parse(String text) {
        Objects.requireNonNull(text, "text");
        int at = text.indexOf("==");
        int length = 2;
        if (at < 0) {
            at = text.indexOf('=');
            length = 1;
        }
        if (at < 0) {
            throw new IllegalArgumentException("expected POINTER=VALUE, got '" + text + "'");
        }
        return new JsonAssertion(
                text.substring(0, at).strip(), text.substring(at + length).strip());
    }

    /** Returns null when the document satisfies the assertion, else why not. */
    public String check(JsonNode document) {
        JsonNode actual = document.at(pointer);
        if (actual.isMissingNode()) {
            return "no value at " + display();
        }
        return matches(actual) ? null : display() + " is " + actual + ", expected " + expected;
    }

    private boolean matches(JsonNode actual) {
        JsonNode wanted;
        try {
            wanted = JSON.readTree(expected);
        } catch (JacksonException e) {
            wanted = null;
        }
        if (wanted != null && !wanted.isMissingNode()) {
            if (wanted.isNumber() && actual.isNumber()) {
                return wanted.decimalValue().compareTo(actual.decimalValue()) == 0;
            }
            if (wanted.equals(actual)) {
                return true;
            }
        }
        return actual.isString() && actual.asString().equals(expected);
    }

    private String display() {
        return pointer.isEmpty() ? "the document" : pointer;
    }

    @Override
    public String toString() {
        return pointer + " == " + expected;
    }
}
