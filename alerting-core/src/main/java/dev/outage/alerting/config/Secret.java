package dev.outage.alerting.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret from the configuration, such as an SMTP password, that never prints its value.
 *
 * <p>{@link #toString()} returns {@code <secret>}; only {@link #reveal()} gives the value, and
 * callers must not log or print what it returns.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Returns a secret holding the value; null is refused. */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    /** Returns the secret value; never log or print it. */
    public String reveal() {
        return value;
    }

    /** Returns whether the value is empty. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** Compares in constant time, so that equality checks leak nothing about the value. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return Secret.class.hashCode();
    }

    /** Returns {@code <secret>}, never the value. */
    @Override
    public String toString() {
        return "<secret>";
    }
}
