package dev.outage.alerting.config;

/**
 * Where something was written in a configuration file.
 *
 * @param line the 1-based line
 * @param column the 1-based column
 * @param yamlPath the path from the document root, such as {@code route.routes[0].receiver}
 */
public record SourcePosition(int line, int column, String yamlPath) {

    /** Checks that line and column are positive and the path is present. */
    public SourcePosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column must be positive: " + line + ":" + column);
        }
        java.util.Objects.requireNonNull(yamlPath, "yamlPath");
    }

    /** Returns {@code line:column}. */
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
