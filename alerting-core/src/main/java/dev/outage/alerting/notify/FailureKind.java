package dev.outage.alerting.notify;

/** Where a notification failed; each kind is counted separately by the metrics listener. */
public enum FailureKind {
    /** A template, address or secret file could not be turned into a message. */
    MESSAGE,
    /** No SMTP conversation: connection refused, timed out, lost, or the greeting/EHLO rejected. */
    CONNECTION,
    /** TLS failed: STARTTLS required but not offered or refused, handshake or certificate failure. */
    TLS,
    /** SMTP AUTH failed or no usable mechanism was offered. */
    AUTH,
    /** The server refused the sender ({@code MAIL FROM}). */
    SENDER,
    /** The server refused a recipient ({@code RCPT TO}). */
    RCPT,
    /** The server refused {@code DATA} or rejected the message at its end. */
    DATA
}
