package dev.outage.alerting.dispatch;

import dev.outage.alerting.notify.DeliveryResult;
import dev.outage.alerting.notify.FailureKind;
import dev.outage.alerting.notify.template.TemplateAlert;
import dev.outage.alerting.notify.template.TemplateData;
import java.util.ArrayList;
import java.util.List;

/** An integration sender that records notifications and fails while told to. */
final class RecordingSender implements Integration.Sender {

    private final List<TemplateData> sent = new ArrayList<>();
    private volatile boolean failing;

    void failing(boolean failing) {
        this.failing = failing;
    }

    synchronized List<TemplateData> sent() {
        return List.copyOf(sent);
    }

    /** Returns each notification as "status: alertname/instance..." for compact assertions. */
    synchronized List<String> summaries() {
        List<String> out = new ArrayList<>();
        for (TemplateData data : sent) {
            StringBuilder line = new StringBuilder(data.status()).append(':');
            for (TemplateAlert alert : data.alerts()) {
                line.append(' ')
                        .append(alert.labels().getOrEmpty("instance"))
                        .append('=')
                        .append(alert.status());
            }
            out.add(line.toString());
        }
        return out;
    }

    @Override
    public synchronized DeliveryResult send(TemplateData data) {
        if (failing) {
            return new DeliveryResult.Failed(FailureKind.CONNECTION, true, "connection refused", 1);
        }
        sent.add(data);
        return new DeliveryResult.Delivered(List.of("ops@example.org"), "s", "250 ok", 1);
    }
}
