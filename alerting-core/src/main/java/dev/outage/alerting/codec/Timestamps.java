package dev.outage.alerting.codec;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the timestamp forms Alertmanager's API accepts and writes RFC 3339 in UTC.
 *
 * <p>Alertmanager reads {@code startsAt}/{@code endsAt} with go-openapi's date-time parser,
 * which tries several layouts: RFC 3339 with {@code Z} or {@code +hh:mm} and any fraction,
 * {@code .000}/{@code .000000} fractions with a {@code +hhmm} offset, a local time without
 * offset (read as UTC), minutes precision ({@code 2006-01-02T15:04}, optionally {@code Z}),
 * and {@code 2006-01-02 15:04:05}. This class accepts exactly those.
 */
final class Timestamps {

    /** Go's zero time, which Alertmanager treats as "not set". */
    static final Instant GO_ZERO = Instant.parse("0001-01-01T00:00:00Z");

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Timestamps() {}

    /**
     * Returns the instant, or null when the text is Go's zero time.
     *
     * @throws DateTimeException naming what is wrong
     */
    static Instant parse(String text) {
        Cursor in = new Cursor(text);
        int year = in.digits(4, "year");
        in.expect('-');
        int month = in.digits(2, "month");
        in.expect('-');
        int day = in.digits(2, "day");
        boolean spaceSeparated = in.peek() == ' ';
        if (!spaceSeparated) {
            in.expect('T');
        } else {
            in.pos++;
        }
        int hour = in.digits(2, "hour");
        in.expect(':');
        int minute = in.digits(2, "minute");
        int second = 0;
        long nanos = 0;
        int fractionDigits = -1;
        char fractionSeparator = 0;
        if (in.peek() == ':') {
            in.pos++;
            second = in.digits(2, "second");
            if (in.peek() == '.' || in.peek() == ',') {
                fractionSeparator = in.text.charAt(in.pos++);
                int start = in.pos;
                nanos = in.fraction();
                fractionDigits = in.pos - start;
            }
        } else if (spaceSeparated) {
            throw new DateTimeException("expected seconds after minutes");
        }
        int offsetSeconds = offset(in, spaceSeparated, second, fractionDigits, fractionSeparator);
        if (in.pos != text.length()) {
            throw new DateTimeException("unexpected text after the time: \"" + text.substring(in.pos) + "\"");
        }
        checkRange(hour, 23, "hour");
        checkRange(minute, 59, "minute");
        checkRange(second, 59, "second");
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            throw new DateTimeException("date out of range");
        }
        long epochSecond = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        Instant instant = Instant.ofEpochSecond(epochSecond, nanos);
        return instant.equals(GO_ZERO) ? null : instant;
    }

    private static int offset(Cursor in, boolean spaceSeparated, int second, int fractionDigits, char separator) {
        char c = in.peek();
        if (c == 0) {
            return 0;
        }
        if (spaceSeparated) {
            throw new DateTimeException("unexpected text after the time");
        }
        if (c == 'Z') {
            in.pos++;
            return 0;
        }
        if (c != '+' && c != '-') {
            throw new DateTimeException("expected Z or a +hh:mm offset");
        }
        in.pos++;
        int hours = in.digits(2, "offset hour");
        int minutes;
        if (in.peek() == ':') {
            in.pos++;
            minutes = in.digits(2, "offset minute");
        } else if (separator == '.' && (fractionDigits == 3 || fractionDigits == 6)) {
            minutes = in.digits(2, "offset minute");
        } else {
            throw new DateTimeException("expected a +hh:mm offset");
        }
        checkRange(hours, 23, "offset hour");
        checkRange(minutes, 59, "offset minute");
        int seconds = hours * 3600 + minutes * 60;
        return c == '-' ? -seconds : seconds;
    }

    private static void checkRange(int value, int max, String what) {
        if (value > max) {
            throw new DateTimeException(what + " out of range");
        }
    }

    /** Appends the instant as RFC 3339 in UTC, with 0, 3, 6 or 9 fraction digits. */
    static void format(Instant instant, StringBuilder out) {
        long epochSecond = instant.getEpochSecond();
        long epochDay = Math.floorDiv(epochSecond, 86_400);
        int secondOfDay = Math.floorMod(epochSecond, 86_400);
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        pad(out, date.getYear(), 4).append('-');
        pad(out, date.getMonthValue(), 2).append('-');
        pad(out, date.getDayOfMonth(), 2).append('T');
        pad(out, secondOfDay / 3600, 2).append(':');
        pad(out, secondOfDay / 60 % 60, 2).append(':');
        pad(out, secondOfDay % 60, 2);
        int nanos = instant.getNano();
        if (nanos != 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(out, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                pad(out, nanos / 1000, 6);
            } else {
                pad(out, nanos, 9);
            }
        }
        out.append('Z');
    }

    /** Returns the instant as RFC 3339 in UTC. */
    static String format(Instant instant) {
        StringBuilder out = new StringBuilder(30);
        format(instant, out);
        return out.toString();
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        if (value < 0 || value > 9999 && width == 4) {
            throw new DateTimeException("year out of the RFC 3339 range: " + value);
        }
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }

    private static final class Cursor {
        final String text;
        int pos;

        Cursor(String text) {
            this.text = text;
        }

        char peek() {
            return pos < text.length() ? text.charAt(pos) : 0;
        }

        void expect(char c) {
            if (peek() != c) {
                throw new DateTimeException("expected '" + c + "' at position " + (pos + 1));
            }
            pos++;
        }

        int digits(int count, String what) {
            int value = 0;
            for (int i = 0; i < count; i++) {
                char c = peek();
                if (c < '0' || c > '9') {
                    throw new DateTimeException(
                            "expected " + count + " digits of the " + what + " at position " + (pos + 1));
                }
                value = value * 10 + (c - '0');
                pos++;
            }
            return value;
        }

        long fraction() {
            long nanos = 0;
            int count = 0;
            while (peek() >= '0' && peek() <= '9') {
                if (count < 9) {
                    nanos = nanos * 10 + (peek() - '0');
                }
                count++;
                pos++;
            }
            if (count == 0) {
                throw new DateTimeException("expected digits of the fraction at position " + (pos + 1));
            }
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
            return nanos % NANOS_PER_SECOND;
        }
    }
}
