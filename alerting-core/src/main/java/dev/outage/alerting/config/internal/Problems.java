package dev.outage.alerting.config.internal;

import dev.outage.alerting.config.ConfigError;
import dev.outage.alerting.config.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the errors and the positions of one decoding run.
 *
 * <p>Go's YAML decoder, which Alertmanager uses, treats two kinds of error differently: type
 * errors (an unknown or repeated field, a value of the wrong YAML type) are collected and reported
 * together at the end, while an error returned by a field's own decoder (a bad duration, URL,
 * regex, host:port...) stops decoding at once and is the only one reported, even when a type error
 * came earlier in the file. {@link #errors()} therefore lists decoder errors before type errors, so
 * that the first error is the one Alertmanager names.
 */
final class Problems {

    private final String file;
    private final List<ConfigError> errors = new ArrayList<>();
    private final List<ConfigError> typeErrors = new ArrayList<>();
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

    /** Records an error that Go's YAML decoder collects rather than stops at (a type error). */
    void typeError(YamlNode at, String path, String message) {
        typeErrors.add(new ConfigError(file, position(at, path), message));
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
        return !errors.isEmpty() || !typeErrors.isEmpty();
    }

    /** Returns how many type errors were recorded so far, to pass to {@link #noTypeErrorsSince}. */
    int typeErrorMark() {
        return typeErrors.size();
    }

    /**
     * Tells whether no type error was recorded after {@code mark}: a Go type that validates itself
     * after decoding its fields does not get to validate when one of them had a type error.
     */
    boolean noTypeErrorsSince(int mark) {
        return typeErrors.size() == mark;
    }

    /** Returns the errors found so far: decoder errors in document order, then type errors. */
    List<ConfigError> errors() {
        List<ConfigError> all = new ArrayList<>(errors);
        all.addAll(typeErrors);
        return all;
    }

    Map<String, SourcePosition> positions() {
        return positions;
    }
}
