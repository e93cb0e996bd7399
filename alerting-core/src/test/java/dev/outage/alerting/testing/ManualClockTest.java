package dev.outage.alerting.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    private static final Instant START = Instant.parse("2026-04-21T19:05:00Z");

    @Test
    void standsStillUntilAdvanced() {
        ManualClock clock = new ManualClock(START);

        assertThat(clock.instant()).isEqualTo(START);
        clock.advance(Duration.ofHours(65));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-04-24T12:05:00Z"));
    }

    @Test
    void refusesToGoBackwardsByAdvancing() {
        ManualClock clock = new ManualClock(START);

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-1S");
        assertThat(clock.instant()).isEqualTo(START);
    }
}
