package dev.outage.probe.prometheus;

import java.util.Objects;

/**
 * A line of the text format that could not be read; the parser skips it and goes on.
 *
 * @param line the 1-based line number
 * @param column the 1-based column where reading failed
 * @param message what was expected
 */
public record MetricsSyntaxError(int line, int column, String message) {

    /** Checks the position is 1-based. */
    public MetricsSyntaxError {
        Objects.requireNonNull(message, "message");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("position is 1-based: " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return line + ":" + column + ": " + message;
    }
}
