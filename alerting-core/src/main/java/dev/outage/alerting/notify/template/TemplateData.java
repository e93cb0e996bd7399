package dev.outage.alerting.notify.template;

import dev.outage.alerting.model.LabelSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The data a notification template sees as dot: Alertmanager's template {@code Data}.
 *
 * <pre>{@code
 * TemplateData data = TemplateData.of("ops-mail", LabelSet.of("alertname", "DiskFull"),
 *         List.of(TemplateAlert.of(alert, Instant.now())), "http://alertmanager:9093");
 * }</pre>
 *
 * @param receiver the receiver name, regex-quoted as Alertmanager does ({@code .Receiver})
 * @param status {@code firing} when any alert fires, else {@code resolved}
 * @param alerts the alerts of the notification
 * @param groupLabels the labels of the aggregation group
 * @param commonLabels the labels all alerts share
 * @param commonAnnotations the annotations all alerts share
 * @param externalUrl the URL of the Alertmanager (or of this dispatcher), possibly empty
 */
public record TemplateData(
        String receiver,
        String status,
        List<TemplateAlert> alerts,
        LabelSet groupLabels,
        LabelSet commonLabels,
        LabelSet commonAnnotations,
        String externalUrl) {

    /** Copies the alert list and refuses nulls. */
    public TemplateData {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(status, "status");
        alerts = List.copyOf(alerts);
        Objects.requireNonNull(groupLabels, "groupLabels");
        Objects.requireNonNull(commonLabels, "commonLabels");
        Objects.requireNonNull(commonAnnotations, "commonAnnotations");
        Objects.requireNonNull(externalUrl, "externalUrl");
    }

    /**
     * Returns the data for a notification as Alertmanager computes it: the status, the common
     * labels and annotations, and the receiver name quoted like Go's {@code regexp.QuoteMeta}.
     */
    public static TemplateData of(
            String receiver, LabelSet groupLabels, List<TemplateAlert> alerts, String externalUrl) {
        String status = alerts.stream().anyMatch(TemplateAlert::isFiring) ? "firing" : "resolved";
        LabelSet commonLabels = common(alerts, true);
        LabelSet commonAnnotations = common(alerts, false);
        return new TemplateData(
                quoteMeta(receiver), status, alerts, groupLabels, commonLabels, commonAnnotations, externalUrl);
    }

    private static LabelSet common(List<TemplateAlert> alerts, boolean labels) {
        if (alerts.isEmpty()) {
            return LabelSet.empty();
        }
        Map<String, String> common =
                new LinkedHashMap<>(pick(alerts.get(0), labels).asMap());
        for (TemplateAlert alert : alerts.subList(1, alerts.size())) {
            LabelSet other = pick(alert, labels);
            common.entrySet().removeIf(e -> !e.getValue().equals(other.get(e.getKey())));
        }
        return LabelSet.of(common);
    }

    private static LabelSet pick(TemplateAlert alert, boolean labels) {
        return labels ? alert.labels() : alert.annotations();
    }

    static String quoteMeta(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
