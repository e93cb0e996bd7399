package dev.outage.alerting.config;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of loading an {@code alertmanager.yml}: the configuration or the reasons why
 * Alertmanager would reject it.
 */
public sealed interface ConfigLoadResult {

    /** A configuration that Alertmanager accepts. */
    record Loaded(AlertmanagerConfig config) implements ConfigLoadResult {
        /** Checks that the configuration is present. */
        public Loaded {
            Objects.requireNonNull(config, "config");
        }
    }

    /**
     * A configuration that Alertmanager rejects. The first error is the one Alertmanager reports
     * when the file has a single problem; with several problems Alertmanager stops at one of
     * them, while this list holds every one found.
     */
    record Rejected(List<ConfigError> errors) implements ConfigLoadResult {
        /** Checks that there is at least one error. */
        public Rejected {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a rejected configuration needs at least one error");
            }
        }
    }

    /** Returns whether the configuration loaded. */
    default boolean isLoaded() {
        return this instanceof Loaded;
    }

    /**
     * Returns the configuration.
     *
     * @throws IllegalStateException naming the first error when the configuration was rejected
     */
    default AlertmanagerConfig orElseThrow() {
        if (this instanceof Loaded loaded) {
            return loaded.config();
        }
        throw new IllegalStateException(
                "configuration rejected: " + ((Rejected) this).errors().get(0));
    }
}
