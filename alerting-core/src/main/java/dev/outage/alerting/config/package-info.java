/**
 * Alertmanager's configuration file, {@code alertmanager.yml}, as an immutable typed model.
 *
 * <p>{@link dev.outage.alerting.config.AlertmanagerConfigLoader} reads and validates a file as
 * Alertmanager 0.25 does, returning an {@link dev.outage.alerting.config.AlertmanagerConfig} or
 * the errors with file, line, column and YAML path. Email integrations are fully typed
 * ({@link dev.outage.alerting.config.EmailConfig}); other integrations are kept as written.
 */
package dev.outage.alerting.config;
