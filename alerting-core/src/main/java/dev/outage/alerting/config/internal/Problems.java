package dev.outage.alerting.config.internal;

import dev.outage.alerting.config.ConfigError;
import dev.outage.alerting.config.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects the errors and the positions of one decoding run. */
final class Problems {

    private final String file;
    private final List<ConfigError> errors = new ArrayList<>();
    private final Map<String, SourcePosition> positions = new HashMap<>();

    Problems(String file) {
        this.file = file;
    }

    void error(YamlNode at, String path, String message) {
        errors.add(new ConfigError(file, position(at, path), message));
    }

    void error(SourcePosition at, String message) {
        errors.add(new ConfigError(file, at, message));
    }

    void remember(YamlNode at, String path) {
        positions.putIfAbsent(path, position(at, path));
    }

    SourcePosition position(YamlNode at, String path) {
        return at == null
                ? new SourcePosition(1, 1, path)
                : new SourcePosition(Math.max(1, at.line()), Math.max(1, at.column()), path);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<ConfigError> errors() {
        return errors;
    }

    Map<String, SourcePosition> positions() {
        return positions;
    }
}
