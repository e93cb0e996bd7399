package dev.outage.alerting.codec;

import java.util.Objects;

/**
 * One matcher of a silence as the API writes it.
 *
 * @param name the label name
 * @param value the value, or an RE2 regular expression when {@code isRegex}
 * @param isRegex whether the value is a regular expression (anchored by Alertmanager)
 * @param isEqual true for {@code =}/{@code =~}, false for {@code !=}/{@code !~}
 */
public record SilenceMatcher(String name, String value, boolean isRegex, boolean isEqual) {

    /** Checks the fields. */
    public SilenceMatcher {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** Returns an equality matcher, {@code name="value"}. */
    public static SilenceMatcher equal(String name, String value) {
        return new SilenceMatcher(name, value, false, true);
    }

    /** Returns the matcher in Alertmanager's notation, such as {@code name=~"a|b"}. */
    @Override
    public String toString() {
        String operator = (isEqual ? "=" : "!") + (isRegex ? "~" : (isEqual ? "" : "="));
        return name + operator + '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
