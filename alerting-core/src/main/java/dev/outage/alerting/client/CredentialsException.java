package dev.outage.alerting.client;

import java.io.IOException;

/** Thrown when a credentials file cannot be read; never retried. */
final class CredentialsException extends IOException {
    private static final long serialVersionUID = 1L;

    CredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
