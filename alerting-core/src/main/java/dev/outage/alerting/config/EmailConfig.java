package dev.outage.alerting.config;

import java.util.Map;
import java.util.Objects;

/**
 * One {@code email_configs} entry of a receiver, with the global SMTP defaults already applied
 * as Alertmanager applies them. Empty strings mean "not set"; absent secrets are null.
 *
 * @param to the recipients, comma-separated as written
 * @param from the sender address (the global {@code smtp_from} when not written)
 * @param hello the name sent in HELO/EHLO (global {@code smtp_hello}, default {@code localhost})
 * @param smarthost the SMTP server (global {@code smtp_smarthost} when not written)
 * @param authUsername the SMTP AUTH user name, or empty for no authentication
 * @param authPassword the password for PLAIN/LOGIN authentication, or null
 * @param authPasswordFile a file holding the password, or empty
 * @param authSecret the secret for CRAM-MD5 authentication, or null
 * @param authIdentity the identity for PLAIN authentication, or empty
 * @param requireTls whether STARTTLS is required (global {@code smtp_require_tls}, default true)
 * @param tlsConfig the TLS settings, never null
 * @param headers the headers with canonical names ({@code Subject}, {@code To}...), as templates
 * @param html the HTML body template, or empty
 * @param text the text body template, or empty
 * @param sendResolved whether resolved alerts are notified (default false for email)
 */
public record EmailConfig(
        String to,
        String from,
        String hello,
        HostPort smarthost,
        String authUsername,
        Secret authPassword,
        String authPasswordFile,
        Secret authSecret,
        String authIdentity,
        boolean requireTls,
        TlsConfig tlsConfig,
        Map<String, String> headers,
        String html,
        String text,
        boolean sendResolved) {

    /** Alertmanager's default HTML body. */
    public static final String DEFAULT_HTML = "{{ template \"email.default.html\" . }}";

    /** Checks that the required parts are present and copies the headers. */
    public EmailConfig {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(hello, "hello");
        Objects.requireNonNull(smarthost, "smarthost");
        Objects.requireNonNull(authUsername, "authUsername");
        Objects.requireNonNull(authPasswordFile, "authPasswordFile");
        Objects.requireNonNull(authIdentity, "authIdentity");
        Objects.requireNonNull(tlsConfig, "tlsConfig");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
    }

    /** Returns whether a password is written inline (rather than in {@code auth_password_file}). */
    public boolean hasInlinePassword() {
        return authPassword != null && !authPassword.isEmpty();
    }
}
