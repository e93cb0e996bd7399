package dev.outage.alerting.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code global} section: defaults for every receiver. Empty strings mean "not set"; absent
 * secrets and the absent smarthost are null.
 *
 * @param resolveTimeout after how long an alert without end time counts as resolved (default 5m)
 * @param smtpFrom the default sender address
 * @param smtpHello the default HELO/EHLO name (default {@code localhost})
 * @param smtpSmarthost the default SMTP server, or null
 * @param smtpAuthUsername the default SMTP AUTH user name
 * @param smtpAuthPassword the default password, or null
 * @param smtpAuthPasswordFile the default password file
 * @param smtpAuthSecret the default CRAM-MD5 secret, or null
 * @param smtpAuthIdentity the default PLAIN identity
 * @param smtpRequireTls whether STARTTLS is required by default (default true)
 * @param otherSettings every other global setting as written (plain strings, lists and maps),
 *     such as {@code slack_api_url} or {@code http_config}; secrets among them are {@link Secret}
 */
public record GlobalConfig(
        Duration resolveTimeout,
        String smtpFrom,
        String smtpHello,
        HostPort smtpSmarthost,
        String smtpAuthUsername,
        Secret smtpAuthPassword,
        String smtpAuthPasswordFile,
        Secret smtpAuthSecret,
        String smtpAuthIdentity,
        boolean smtpRequireTls,
        Map<String, Object> otherSettings) {

    /** Checks the required parts and copies the other settings. */
    public GlobalConfig {
        Objects.requireNonNull(resolveTimeout, "resolveTimeout");
        Objects.requireNonNull(smtpFrom, "smtpFrom");
        Objects.requireNonNull(smtpHello, "smtpHello");
        Objects.requireNonNull(smtpAuthUsername, "smtpAuthUsername");
        Objects.requireNonNull(smtpAuthPasswordFile, "smtpAuthPasswordFile");
        Objects.requireNonNull(smtpAuthIdentity, "smtpAuthIdentity");
        otherSettings = Map.copyOf(otherSettings);
    }

    /** Returns Alertmanager's defaults, used when there is no {@code global} section. */
    public static GlobalConfig defaults() {
        return new GlobalConfig(Duration.ofMinutes(5), "", "localhost", null, "", null, "", null, "", true, Map.of());
    }
}
