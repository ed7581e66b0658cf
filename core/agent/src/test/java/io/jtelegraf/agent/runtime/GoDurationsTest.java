package io.jtelegraf.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationsTest {

    @Test
    void formatsLikeGo() {
        assertThat(GoDurations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(GoDurations.format(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(GoDurations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(GoDurations.format(Duration.ofHours(1))).isEqualTo("1h0m0s");
        assertThat(GoDurations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(GoDurations.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(GoDurations.format(Duration.ofNanos(1500))).isEqualTo("1.5\u00b5s");
        assertThat(GoDurations.format(Duration.ofNanos(15))).isEqualTo("15ns");
    }
}
