package dev.outage.alerting.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(350));

    @Test
    void doublesTheBackoffUpToTheMaximum() {
        assertThat(policy.backoff(1, 0.999999)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(policy.backoff(2, 0.999999)).isBetween(Duration.ofMillis(199), Duration.ofMillis(200));
        assertThat(policy.backoff(3, 0.999999)).isBetween(Duration.ofMillis(349), Duration.ofMillis(350));
        assertThat(policy.backoff(40, 0.999999)).isBetween(Duration.ofMillis(349), Duration.ofMillis(350));
        assertThat(policy.backoff(100, 0.0)).isEqualTo(Duration.ofMillis(175));
    }

    @Test
    void jitterKeepsAtLeastHalfTheBackoff() {
        assertThat(policy.backoff(2, 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(2, 0.5)).isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
