package dev.outage.alerting.codec;

/** How a list of alerts is written in a {@code POST /api/v2/alerts} body. */
public enum Dialect {
    /**
     * A bare JSON array, {@code [{"labels": ...}]}: what Alertmanager's API v2 specifies and
     * what Prometheus sends. Use it for every real Alertmanager.
     */
    CANONICAL,
    /**
     * An object wrapping the array, {@code {"alerts": [...]}}: only for receivers that refuse the
     * canonical array, such as Grafana's built-in Alertmanager; a real Alertmanager answers 400.
     */
    WRAPPED
}
