package dev.outage.alerting.codec;

import java.time.DateTimeException;
import java.time.Instant;

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
        if (month < 1 || month > 12) {
            throw new DateTimeException("month out of range");
        }
        if (day < 1 || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
            throw new DateTimeException("day out of range");
        }
        long epochSecond =
                daysFromCivil(year, month, day) * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
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

    /** Returns the days since 1970-01-01 of a proleptic Gregorian date. */
    private static long daysFromCivil(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /**
     * Writes the instant as RFC 3339 in UTC, with 0, 3, 6 or 9 fraction digits, into the buffer
     * (at least 30 chars) and returns the length.
     *
     * @throws DateTimeException if the year is outside 0..9999
     */
    static int format(Instant instant, char[] out) {
        long epochSecond = instant.getEpochSecond();
        long days = Math.floorDiv(epochSecond, 86_400) + 719_468;
        int secondOfDay = Math.floorMod(epochSecond, 86_400);
        long era = Math.floorDiv(days, 146_097);
        long dayOfEra = days - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            throw new DateTimeException("year out of the RFC 3339 range: " + year);
        }
        digits(out, 0, (int) year, 4);
        out[4] = '-';
        digits(out, 5, month, 2);
        out[7] = '-';
        digits(out, 8, day, 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        int length = 19;
        int nanos = instant.getNano();
        if (nanos != 0) {
            out[length++] = '.';
            if (nanos % 1_000_000 == 0) {
                length = digits(out, length, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                length = digits(out, length, nanos / 1000, 6);
            } else {
                length = digits(out, length, nanos, 9);
            }
        }
        out[length++] = 'Z';
        return length;
    }

    private static int digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    /** Appends the instant as RFC 3339 in UTC. */
    static void format(Instant instant, StringBuilder out) {
        char[] buffer = new char[30];
        out.append(buffer, 0, format(instant, buffer));
    }

    /** Returns the instant as RFC 3339 in UTC. */
    static String format(Instant instant) {
        char[] buffer = new char[30];
        return new String(buffer, 0, format(instant, buffer));
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
