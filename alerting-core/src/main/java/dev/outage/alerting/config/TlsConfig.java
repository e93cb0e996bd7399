package dev.outage.alerting.config;

import java.util.Objects;

/**
 * TLS settings of an integration ({@code tls_config}); empty strings mean "not set".
 *
 * @param caFile file with the CA certificates to trust, or empty for the system's
 * @param certFile file with the client certificate, or empty
 * @param keyFile file with the client key, or empty
 * @param serverName the name to verify the server certificate against, or empty for the host
 * @param insecureSkipVerify whether the server certificate is not verified at all
 * @param minVersion the lowest TLS version ({@code TLS10} ... {@code TLS13}), or empty
 * @param maxVersion the highest TLS version, or empty
 */
public record TlsConfig(
        String caFile,
        String certFile,
        String keyFile,
        String serverName,
        boolean insecureSkipVerify,
        String minVersion,
        String maxVersion) {

    private static final TlsConfig DEFAULTS = new TlsConfig("", "", "", "", false, "", "");

    /** Checks that no text is null. */
    public TlsConfig {
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(minVersion, "minVersion");
        Objects.requireNonNull(maxVersion, "maxVersion");
    }

    /** Returns the settings used when none are written: verify against the system's CAs. */
    public static TlsConfig defaults() {
        return DEFAULTS;
    }
}
