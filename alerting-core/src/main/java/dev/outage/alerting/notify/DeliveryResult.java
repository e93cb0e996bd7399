package dev.outage.alerting.notify;

import java.util.List;
import java.util.Objects;

/** The outcome of sending one notification: delivered, or failed with a reason. */
public sealed interface DeliveryResult {

    /** Returns how many SMTP attempts were made, at least 1 unless the message could not be built. */
    int attempts();

    /** Returns whether the notification reached the SMTP server and was accepted. */
    default boolean isDelivered() {
        return this instanceof Delivered;
    }

    /**
     * The server accepted the message at the end of DATA.
     *
     * @param recipients the envelope recipients
     * @param subject the Subject header as sent (decoded)
     * @param reply the server's last reply, such as {@code 250 2.0.0 Ok: queued as 12AB}
     * @param attempts how many attempts it took
     */
    record Delivered(List<String> recipients, String subject, String reply, int attempts) implements DeliveryResult {
        /** Copies the recipients. */
        public Delivered {
            recipients = List.copyOf(recipients);
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(reply, "reply");
        }
    }

    /**
     * The notification was not delivered.
     *
     * @param kind where it failed
     * @param transientFailure whether a later retry can help (SMTP 4xx replies, lost
     *     connections); permanent failures (5xx, certificates, templates) are not retried
     * @param reason the server's answer or the local cause, never containing a secret
     * @param attempts how many attempts were made (0 when the message could not be built)
     */
    record Failed(FailureKind kind, boolean transientFailure, String reason, int attempts) implements DeliveryResult {
        /** Checks that kind and reason are present. */
        public Failed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
