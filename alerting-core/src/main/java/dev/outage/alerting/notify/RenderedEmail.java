package dev.outage.alerting.notify;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A notification email after templating, before it is sent.
 *
 * @param from the envelope sender ({@code MAIL FROM}) address
 * @param recipients the envelope recipient ({@code RCPT TO}) addresses
 * @param headers the header values by name (Subject, To, From and custom ones), each one line
 *     with CR and LF removed
 * @param text the plain-text body, or empty for none
 * @param html the HTML body, or empty for none
 */
public record RenderedEmail(
        String from, List<String> recipients, Map<String, String> headers, String text, String html) {

    /** Copies the lists and refuses nulls. */
    public RenderedEmail {
        Objects.requireNonNull(from, "from");
        recipients = List.copyOf(recipients);
        headers = Map.copyOf(headers);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    /** Returns the Subject header, empty when there is none. */
    public String subject() {
        return headers.getOrDefault("Subject", "");
    }
}
