package dev.outage.alerting.config;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a named time interval, as Alertmanager's {@code timeinterval} package reads it.
 * An empty list means "any"; an instant is inside when every non-empty list contains it.
 *
 * <pre>{@code
 * boolean muted = interval.contains(Instant.now());
 * }</pre>
 *
 * @param times ranges of minutes of the day, start inclusive, end exclusive ({@code 24:00} = 1440)
 * @param weekdays ranges of days of the week, 0 = Sunday ... 6 = Saturday, inclusive
 * @param daysOfMonth ranges of days of the month, inclusive; negative days count from the end
 *     ({@code -1} is the last day)
 * @param months ranges of months, 1 = January, inclusive
 * @param years ranges of years, inclusive
 * @param location the time zone the other fields are read in, or null for UTC
 */
public record TimeInterval(
        List<Range> times,
        List<Range> weekdays,
        List<Range> daysOfMonth,
        List<Range> months,
        List<Range> years,
        ZoneId location) {

    /** Copies the lists. */
    public TimeInterval {
        times = List.copyOf(times);
        weekdays = List.copyOf(weekdays);
        daysOfMonth = List.copyOf(daysOfMonth);
        months = List.copyOf(months);
        years = List.copyOf(years);
    }

    /** An inclusive range of integers (for {@link #times()}: start inclusive, end exclusive). */
    public record Range(int begin, int end) {}

    /** Returns whether the instant lies inside this interval. Pure and thread-safe. */
    public boolean contains(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        ZonedDateTime t = instant.atZone(location == null ? ZoneOffset.UTC : location);
        return containsTime(t) && containsDay(t) && containsMonth(t) && containsWeekday(t) && containsYear(t);
    }

    private boolean containsTime(ZonedDateTime t) {
        if (times.isEmpty()) {
            return true;
        }
        int minute = t.getHour() * 60 + t.getMinute();
        return times.stream().anyMatch(r -> minute >= r.begin() && minute < r.end());
    }

    private boolean containsDay(ZonedDateTime t) {
        if (daysOfMonth.isEmpty()) {
            return true;
        }
        int daysInMonth = t.toLocalDate().lengthOfMonth();
        int day = t.getDayOfMonth();
        for (Range r : daysOfMonth) {
            int begin = r.begin() < 0 ? daysInMonth + r.begin() + 1 : r.begin();
            int end = r.end() < 0 ? daysInMonth + r.end() + 1 : r.end();
            if (begin > daysInMonth) {
                continue;
            }
            begin = Math.max(-daysInMonth, Math.min(begin, daysInMonth));
            end = Math.max(-daysInMonth, Math.min(end, daysInMonth));
            if (day >= begin && day <= end) {
                return true;
            }
        }
        return false;
    }

    private boolean containsMonth(ZonedDateTime t) {
        return inAny(months, t.getMonthValue());
    }

    private boolean containsWeekday(ZonedDateTime t) {
        DayOfWeek dow = t.getDayOfWeek();
        return inAny(weekdays, dow == DayOfWeek.SUNDAY ? 0 : dow.getValue());
    }

    private boolean containsYear(ZonedDateTime t) {
        return inAny(years, t.getYear());
    }

    private static boolean inAny(List<Range> ranges, int value) {
        if (ranges.isEmpty()) {
            return true;
        }
        for (Range r : ranges) {
            if (value >= r.begin() && value <= r.end()) {
                return true;
            }
        }
        return false;
    }
}
