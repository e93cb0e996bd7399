package dev.outage.alerting.config;

import java.util.Objects;

/**
 * One reason why Alertmanager would reject a configuration, with where it was found.
 *
 * @param file the file name as given to the loader (or a label such as {@code <string>})
 * @param position where the offending key or value starts
 * @param message Alertmanager's reason, such as {@code undefined receiver "x" used in route}
 */
public record ConfigError(String file, SourcePosition position, String message) {

    /** Checks that every part is present. */
    public ConfigError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(message, "message");
    }

    /** Returns {@code file:line:column: message (at yaml.path)}. */
    @Override
    public String toString() {
        String path = position.yamlPath().isEmpty() ? "" : " (at " + position.yamlPath() + ")";
        return file + ":" + position.line() + ":" + position.column() + ": " + message + path;
    }
}
