package dev.outage.alerting.config;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Reads and prints durations in Prometheus' notation ({@code 30s}, {@code 1h30m}, {@code 1d},
 * {@code 1w}, {@code 1y} = 365 days, {@code 100ms}), as Alertmanager's configuration does.
 */
public final class PrometheusDuration {

    private static final Pattern SYNTAX = Pattern.compile(
            "(?:([0-9]+)y)?(?:([0-9]+)w)?(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?(?:([0-9]+)ms)?");
    private static final long[] UNIT_MILLIS = {
        365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L
    };
    /** Go's time.Duration holds at most this many milliseconds. */
    private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000L;

    private PrometheusDuration() {}

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException with Prometheus' message, such as
     *     {@code not a valid duration string: "5x"}, {@code empty duration string} or
     *     {@code duration out of range}
     */
    public static Duration parse(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty duration string");
        }
        java.util.regex.Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a valid duration string: \"" + text + "\"");
        }
        long total = 0;
        for (int unit = 0; unit < UNIT_MILLIS.length; unit++) {
            String digits = m.group(unit + 1);
            if (digits == null) {
                continue;
            }
            long value;
            try {
                value = Long.parseLong(digits);
                total = Math.addExact(total, Math.multiplyExact(value, UNIT_MILLIS[unit]));
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("duration out of range", e);
            }
            if (total > MAX_MILLIS) {
                throw new IllegalArgumentException("duration out of range");
            }
        }
        return Duration.ofMillis(total);
    }

    /** Returns the duration in Prometheus' notation, largest units first ({@code 1h30m}, {@code 0s}); sub-millisecond parts are dropped. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        String[] names = {"y", "w", "d", "h", "m", "s", "ms"};
        StringBuilder out = new StringBuilder();
        for (int unit = 0; unit < UNIT_MILLIS.length; unit++) {
            // Like Prometheus, years and weeks are only used when they divide the rest exactly.
            if (unit < 2 && millis % UNIT_MILLIS[unit] != 0) {
                continue;
            }
            long count = millis / UNIT_MILLIS[unit];
            if (count > 0) {
                out.append(count).append(names[unit]);
                millis -= count * UNIT_MILLIS[unit];
            }
        }
        return out.toString();
    }
}
