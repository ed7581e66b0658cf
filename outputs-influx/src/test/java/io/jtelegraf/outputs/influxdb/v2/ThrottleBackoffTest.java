package io.jtelegraf.outputs.influxdb.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottleBackoffTest {

    @Test
    void backoffGrowsWithTheSquareOfTheCountAndIsCappedAtOneMinute() {
        assertThat(ThrottleBackoff.delay(1, null)).isEqualTo(Duration.ofMillis(25));
        assertThat(ThrottleBackoff.delay(10, null)).isEqualTo(Duration.ofMillis(2500));
        assertThat(ThrottleBackoff.delay(49, null)).isEqualTo(Duration.ofSeconds(60));
        assertThat(ThrottleBackoff.delay(1000, null)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void retryAfterWinsWhenLongerAndIsCappedAtTenMinutes() {
        assertThat(ThrottleBackoff.delay(1, "2.5")).isEqualTo(Duration.ofMillis(2500));
        assertThat(ThrottleBackoff.delay(40, "1")).isEqualTo(Duration.ofSeconds(40));
        assertThat(ThrottleBackoff.delay(1, "3600")).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void unparsableRetryAfterCountsAsTenSeconds() {
        assertThat(ThrottleBackoff.delay(1, "Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ofSeconds(10));
    }
}
