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
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("address " + text + ": missing ']' in address");
            }
            if (close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("address " + text + ": missing port in address");
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("address " + text + ": missing port in address");
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
            if (host.indexOf(':') >= 0) {
                throw new IllegalArgumentException("address " + text + ": too many colons in address");
            }
        }
        if (port.isEmpty()) {
            throw new IllegalArgumentException("address \"" + text + "\": port cannot be empty");
        }
        return new HostPort(host, port);
    }

    /** Returns {@code host:port}, with brackets around an IPv6 host. */
    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
