package dev.outage.alerting.config.internal;

import dev.outage.alerting.config.TimeInterval;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parses the fields of a time interval with Alertmanager 0.25's checks and messages. */
final class TimeIntervalRanges {

    static final Pattern CLOCK = Pattern.compile("(([01][0-9])|(2[0-3])):[0-5][0-9]|24:00");
    static final List<String> WEEKDAYS =
            List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");
    static final List<String> MONTHS = List.of(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december");

    /** The four kinds of range lists of a time interval, each with Alertmanager's own checks. */
    enum RangeKind {
        WEEKDAY("[]timeinterval.WeekdayRange"),
        DAY_OF_MONTH("[]timeinterval.DayOfMonthRange"),
        MONTH("[]timeinterval.MonthRange"),
        YEAR("[]timeinterval.YearRange");

        private final String goType;

        RangeKind(String goType) {
            this.goType = goType;
        }

        /** Returns the Go type named in Alertmanager's type errors for a list of this kind. */
        String goType() {
            return goType;
        }
    }

    /** Parses {@code a} or {@code a:b} of one kind, throwing Alertmanager's message when invalid. */
    static TimeInterval.Range range(String text, RangeKind kind) {
        int colon = text.indexOf(':', kind == RangeKind.DAY_OF_MONTH && text.startsWith("-") ? 1 : 0);
        String first = colon < 0 ? text : text.substring(0, colon);
        String second = colon < 0 ? text : text.substring(colon + 1);
        int begin = rangeValue(first, kind);
        int end = rangeValue(second, kind);
        switch (kind) {
            case WEEKDAY -> {
                if (begin > end) {
                    throw new IllegalArgumentException("start day cannot be before end day");
                }
            }
            case DAY_OF_MONTH -> {
                if (begin < 0 && end > 0) {
                    throw new IllegalArgumentException("end day must be negative if start day is negative");
                }
                if ((begin > 0) == (end > 0) && end < begin) {
                    throw new IllegalArgumentException("end day " + end + " is always before start day " + begin);
                }
            }
            case MONTH -> {
                if (begin > end) {
                    throw new IllegalArgumentException(
                            "end month " + monthName(end) + " is before start month " + monthName(begin));
                }
            }
            case YEAR -> {
                if (begin > end) {
                    throw new IllegalArgumentException("end year " + end + " is before start year " + begin);
                }
            }
        }
        return new TimeInterval.Range(begin, end);
    }

    private static String monthName(int month) {
        return month >= 1 && month <= 12 ? MONTHS.get(month - 1) : String.valueOf(month);
    }

    private static int rangeValue(String text, RangeKind kind) {
        String lower = text.toLowerCase(Locale.ROOT);
        switch (kind) {
            case WEEKDAY -> {
                int day = WEEKDAYS.indexOf(lower);
                if (day < 0) {
                    throw new IllegalArgumentException(text + " is not a valid weekday");
                }
                return day;
            }
            case MONTH -> {
                int month = MONTHS.indexOf(lower);
                if (month >= 0) {
                    return month + 1;
                }
                try {
                    return Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(text + " is not a valid month", e);
                }
            }
            default -> {
                int value;
                try {
                    value = Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("strconv.Atoi: parsing \"" + text + "\": invalid syntax", e);
                }
                if (kind == RangeKind.DAY_OF_MONTH && (value == 0 || value > 31 || value < -31)) {
                    throw new IllegalArgumentException(value + " is not a valid day of the month: out of range");
                }
                return value;
            }
        }
    }

    private TimeIntervalRanges() {}
}
