package dev.outage.alerting.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.alerting.model.LabelSet;
import dev.outage.alerting.route.Route;
import dev.outage.alerting.route.RouteTree;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeIntervalTest {

    private static final String CONFIG = """
            time_intervals:
              - name: office
                time_intervals:
                  - weekdays: ['monday:friday']
                    times: [{start_time: '09:00', end_time: '17:00'}]
                    location: Europe/Berlin
              - name: month-end
                time_intervals:
                  - days_of_month: ['-2:-1']
                    months: ['january:march']
                    years: ['2026']
            route:
              receiver: r
              routes:
                - receiver: r
                  matchers: [a="1"]
                  active_time_intervals: [office]
                - receiver: r
                  matchers: [a="2"]
                  mute_time_intervals: [month-end]
            receivers: [{name: r}]
            """;

    private final AlertmanagerConfig config =
            AlertmanagerConfigLoader.parse(CONFIG, "t.yml").orElseThrow();

    @Test
    void readsWeekdaysAndTimesInTheLocation() {
        NamedTimeInterval office = config.timeInterval("office").orElseThrow();
        // Thursday 2026-01-01 08:30 UTC is 09:30 in Berlin.
        assertThat(office.contains(Instant.parse("2026-01-01T08:30:00Z"))).isTrue();
        assertThat(office.contains(Instant.parse("2026-01-01T16:00:00Z"))).isFalse();
        assertThat(office.contains(Instant.parse("2026-01-03T10:00:00Z"))).isFalse();
    }

    @Test
    void countsNegativeDaysFromTheEndOfTheMonth() {
        NamedTimeInterval monthEnd = config.timeInterval("month-end").orElseThrow();
        assertThat(monthEnd.contains(Instant.parse("2026-02-27T12:00:00Z"))).isTrue();
        assertThat(monthEnd.contains(Instant.parse("2026-02-26T12:00:00Z"))).isFalse();
        assertThat(monthEnd.contains(Instant.parse("2026-01-31T12:00:00Z"))).isTrue();
        assertThat(monthEnd.contains(Instant.parse("2026-04-30T12:00:00Z"))).isFalse();
        assertThat(monthEnd.contains(Instant.parse("2027-01-31T12:00:00Z"))).isFalse();
    }

    @Test
    void mutesRoutesOutsideActiveAndInsideMuteIntervals() {
        RouteTree tree = RouteTree.of(config);
        Route office = tree.match(LabelSet.of("a", "1")).get(0);
        Route monthEnd = tree.match(LabelSet.of("a", "2")).get(0);
        assertThat(tree.isMuted(office, Instant.parse("2026-01-01T08:30:00Z"))).isFalse();
        assertThat(tree.isMuted(office, Instant.parse("2026-01-01T20:00:00Z"))).isTrue();
        assertThat(tree.isMuted(monthEnd, Instant.parse("2026-03-31T00:00:00Z")))
                .isTrue();
        assertThat(tree.isMuted(monthEnd, Instant.parse("2026-03-15T00:00:00Z")))
                .isFalse();
    }
}
