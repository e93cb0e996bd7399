package dev.outage.alerting.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One alert as a client posts it to Alertmanager's {@code POST /api/v2/alerts}.
 *
 * <pre>{@code
 * Alert alert = Alert.builder(LabelSet.of("alertname", "DiskFull", "severity", "page"))
 *         .annotation("summary", "disk full, again")
 *         .generatorUrl("http://127.0.0.1:9090/graph")
 *         .build();
 * }</pre>
 *
 * @param labels the identifying labels; Alertmanager requires at least one
 * @param annotations informational key/value pairs, possibly empty
 * @param startsAt when the alert started, or null to let Alertmanager use the receive time
 * @param endsAt when the alert ends (a time in the past resolves it), or null while firing
 * @param generatorUrl a link back to what produced the alert, or null
 */
public record Alert(LabelSet labels, LabelSet annotations, Instant startsAt, Instant endsAt, String generatorUrl) {

    /** Checks that label sets are present; the field values are checked by the codec. */
    public Alert {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(annotations, "annotations");
    }

    /** Returns a builder for an alert with the given labels. */
    public static Builder builder(LabelSet labels) {
        return new Builder(labels);
    }

    /** Returns Alertmanager's fingerprint of the labels, as 16 hex digits. */
    public String fingerprint() {
        return labels.fingerprintHex();
    }

    /**
     * Returns whether the alert is resolved at the given time: it has an end time that is not
     * after {@code now}.
     */
    public boolean isResolvedAt(Instant now) {
        return endsAt != null && !endsAt.isAfter(now);
    }

    /** Builds an {@link Alert}; only the labels are required. */
    public static final class Builder {
        private final LabelSet labels;
        private LabelSet annotations = LabelSet.empty();
        private Instant startsAt;
        private Instant endsAt;
        private String generatorUrl;

        private Builder(LabelSet labels) {
            this.labels = Objects.requireNonNull(labels, "labels");
        }

        /** Adds or replaces one annotation. */
        public Builder annotation(String name, String value) {
            annotations = annotations.with(name, value);
            return this;
        }

        /** Replaces all annotations. */
        public Builder annotations(LabelSet annotations) {
            this.annotations = Objects.requireNonNull(annotations, "annotations");
            return this;
        }

        /** Sets the start time; null lets Alertmanager choose. */
        public Builder startsAt(Instant startsAt) {
            this.startsAt = startsAt;
            return this;
        }

        /** Sets the end time; null means firing until further notice. */
        public Builder endsAt(Instant endsAt) {
            this.endsAt = endsAt;
            return this;
        }

        /** Sets the generator URL; null leaves it out. */
        public Builder generatorUrl(String generatorUrl) {
            this.generatorUrl = generatorUrl;
            return this;
        }

        /** Returns the alert. */
        public Alert build() {
            return new Alert(labels, annotations, startsAt, endsAt, generatorUrl);
        }
    }
}
