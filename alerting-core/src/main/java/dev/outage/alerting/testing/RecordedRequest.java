package dev.outage.alerting.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One request that a {@link FakeAlertmanager} received.
 *
 * @param method the HTTP method
 * @param path the raw path, such as {@code /api/v2/alerts}
 * @param query the raw query without {@code ?}, or the empty string
 * @param headers header values by lower-case name
 * @param body the request body, possibly empty
 */
public record RecordedRequest(
        String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    /** Checks and copies the fields. */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /** Returns the body (a copy). */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Returns the body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Returns the first value of the header, or null when absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Returns {@code METHOD path} for messages; the body and headers are left out. */
    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query);
    }
}
