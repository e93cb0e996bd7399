package dev.outage.alerting.config;

import java.util.Objects;

/**
 * A {@code host:port} network address such as an SMTP smarthost; the port may be a number or a
 * service name, as Go's {@code net.SplitHostPort} allows.
 *
 * @param host the host name or IP address (without brackets), possibly empty
 * @param port the port, never empty
 */
public record HostPort(String host, String port) {

    /** Checks that both parts are present and the port is not empty. */
    public HostPort {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        if (port.isEmpty()) {
            throw new IllegalArgumentException("port cannot be empty for host '" + host + "'");
        }
    }

    /**
     * Parses {@code host:port} or {@code [v6addr]:port} as Alertmanager does.
     *
     * @throws IllegalArgumentException with Go's reason when the text is no host and port
     */
    public static HostPort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw invalid(text, "missing port in address");
        }
        String host;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw invalid(text, "missing ']' in address");
            }
            if (close + 1 == text.length()) {
                throw invalid(text, "missing port in address");
            }
            if (close + 1 != colon) {
                throw invalid(
                        text, text.charAt(close + 1) == ':' ? "too many colons in address" : "missing port in address");
            }
            host = text.substring(1, close);
            if (host.indexOf('[') >= 0) {
                throw invalid(text, "unexpected '[' in address");
            }
        } else {
            host = text.substring(0, colon);
            if (host.indexOf(':') >= 0) {
                throw invalid(text, "too many colons in address");
            }
            if (host.indexOf('[') >= 0) {
                throw invalid(text, "unexpected '[' in address");
            }
            if (host.indexOf(']') >= 0) {
                throw invalid(text, "unexpected ']' in address");
            }
        }
        String port = text.substring(colon + 1);
        if (port.indexOf('[') >= 0) {
            throw invalid(text, "unexpected '[' in address");
        }
        if (port.indexOf(']') >= 0) {
            throw invalid(text, "unexpected ']' in address");
        }
        if (port.isEmpty()) {
            throw new IllegalArgumentException("address \"" + text + "\": port cannot be empty");
        }
        return new HostPort(host, port);
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        return new IllegalArgumentException("address " + text + ": " + reason);
    }

    /** Returns {@code host:port}, with brackets around an IPv6 host. */
    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
