package dev.outage.alerting.model;

/**
 * The two syntaxes in which Alertmanager reads {@code matchers:} strings.
 *
 * <p>Alertmanager 0.25 reads them with the {@link #CLASSIC} parser; the {@link #UTF8} parser
 * arrived in 0.27 (behind the {@code utf8-strict-mode} feature flag). outage reads {@link #CLASSIC}
 * unless told otherwise, because that is what the 0.25 reference binaries accept.
 */
public enum MatcherSyntax {
    /**
     * Alertmanager's classic parser ({@code pkg/labels}): a Prometheus label name, an operator,
     * then a value that may be double-quoted; lenient about stray backslashes.
     */
    CLASSIC,
    /**
     * Alertmanager's UTF-8 parser ({@code matcher/parse}): label names may be any double-quoted
     * UTF-8 text; unquoted names and values are limited to characters without special meaning;
     * strict about escapes.
     */
    UTF8
}
