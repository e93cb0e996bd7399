package dev.outage.alerting.codec;

import java.util.Objects;

/**
 * One thing wrong with a JSON body or an alert: where it is and what is wrong, in
 * Alertmanager's words where Alertmanager has words for it.
 *
 * <p>{@code pointer} is an RFC 6901 JSON pointer into the body ({@code /0/labels/bad-name});
 * {@code line} and {@code column} are 1-based and 0 when the problem was found after parsing
 * (a validation of a decoded value) rather than by the parser.
 *
 * @param alertIndex the index of the alert in the posted array, or -1 when the problem is not
 *     about one alert (a malformed body)
 * @param pointer the JSON pointer of the offending value; the empty string for the whole body
 * @param message what is wrong, never null
 * @param line the 1-based line in the body, or 0 when unknown
 * @param column the 1-based column in the body, or 0 when unknown
 */
public record Problem(int alertIndex, String pointer, String message, int line, int column) {

    /** Checks the fields. */
    public Problem {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
        if (alertIndex < -1 || line < 0 || column < 0) {
            throw new IllegalArgumentException(
                    "bad problem position: alert " + alertIndex + ", " + line + ":" + column);
        }
    }

    /** Returns a problem about one alert, found by validation. */
    static Problem ofAlert(int alertIndex, String pointer, String message) {
        return new Problem(alertIndex, pointer, message, 0, 0);
    }

    /**
     * Returns the problem as one line: {@code alert 0 at /0/labels/a-b: invalid label set:
     * invalid name "a-b"}, with {@code line L, column C} where known.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (alertIndex >= 0) {
            out.append("alert ").append(alertIndex).append(' ');
        }
        out.append("at ").append(pointer.isEmpty() ? "/" : pointer);
        if (line > 0) {
            out.append(" (line ")
                    .append(line)
                    .append(", column ")
                    .append(column)
                    .append(')');
        }
        return out.append(": ").append(message).toString();
    }
}
