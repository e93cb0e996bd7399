package dev.outage.alerting.dispatch;

import dev.outage.alerting.notify.DeliveryResult;
import dev.outage.alerting.notify.EmailNotifier;
import dev.outage.alerting.notify.template.TemplateData;
import java.util.Objects;

/**
 * One notifier of a receiver, such as its first {@code email_configs} entry.
 *
 * @param name the integration name within its receiver, such as {@code email[0]}
 * @param sendResolved whether resolved alerts are sent
 * @param sender what sends a notification; it blocks until done and must not throw
 */
public record Integration(String name, boolean sendResolved, Sender sender) {

    /** Checks that nothing is null. */
    public Integration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sender, "sender");
    }

    /** Returns an integration that sends with the email notifier. */
    public static Integration email(int index, EmailNotifier notifier) {
        return new Integration("email[" + index + "]", notifier.config().sendResolved(), notifier::send);
    }

    /** Sends one notification. */
    @FunctionalInterface
    public interface Sender {
        /** Sends the notification for the data and returns the outcome; blocks; never throws. */
        DeliveryResult send(TemplateData data);
    }
}
