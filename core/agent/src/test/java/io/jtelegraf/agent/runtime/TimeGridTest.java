package io.jtelegraf.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeGridTest {
    private static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void roundsToTheNearestSecond() {
        TimeGrid second = new TimeGrid(Duration.ofSeconds(1));
        assertThat(second.round(nanos("2026-11-26T12:00:09.600Z"))).isEqualTo(nanos("2026-11-26T12:00:10Z"));
        assertThat(second.round(nanos("2026-11-26T12:00:09.400Z"))).isEqualTo(nanos("2026-11-26T12:00:09Z"));
    }

    @Test
    void exactHalvesRoundUp() {
        TimeGrid second = new TimeGrid(Duration.ofSeconds(1));
        assertThat(second.round(nanos("2026-11-26T12:00:09.500Z"))).isEqualTo(nanos("2026-11-26T12:00:10Z"));
    }

    @Test
    void nonPowerOfTenPrecisionRoundsToItsMultiples() {
        TimeGrid tenSeconds = new TimeGrid(Duration.ofSeconds(10));
        assertThat(tenSeconds.round(nanos("2026-11-26T12:00:14.999Z"))).isEqualTo(nanos("2026-11-26T12:00:10Z"));
        assertThat(tenSeconds.round(nanos("2026-11-26T12:00:15Z"))).isEqualTo(nanos("2026-11-26T12:00:20Z"));
    }

    @Test
    void multiplesCountFromGoZeroTime() {
        // 0001-01-01 to 1970-01-01 is 62135596800 s, which is 4 s past a multiple of 7 s, so the Unix
        // epoch lies 3 s before the next 7 s boundary (and nearer to it than to the previous one).
        TimeGrid sevenSeconds = new TimeGrid(Duration.ofSeconds(7));
        assertThat(62_135_596_800L % 7).isEqualTo(4);
        assertThat(sevenSeconds.alignUp(0)).isEqualTo(3_000_000_000L);
        assertThat(sevenSeconds.round(0)).isEqualTo(3_000_000_000L);
        assertThat(sevenSeconds.round(-1_000_000_000L)).isEqualTo(-4_000_000_000L);
    }

    @Test
    void alignUpKeepsMultiplesAndMovesOthersUp() {
        TimeGrid tenSeconds = new TimeGrid(Duration.ofSeconds(10));
        assertThat(tenSeconds.alignUp(nanos("2026-11-26T12:00:10Z"))).isEqualTo(nanos("2026-11-26T12:00:10Z"));
        assertThat(tenSeconds.alignUp(nanos("2026-11-26T12:00:10.000000001Z"))).isEqualTo(nanos("2026-11-26T12:00:20Z"));
    }

    @Test
    void hourIntervalsAlignToUtcHours() {
        TimeGrid hour = new TimeGrid(Duration.ofHours(1));
        assertThat(hour.alignUp(nanos("2026-11-26T12:00:01Z"))).isEqualTo(nanos("2026-11-26T13:00:00Z"));
    }

    @Test
    void effectivePrecisionIsDerivedFromTheInterval() {
        assertThat(TimeGrid.effectivePrecision(Duration.ZERO, Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(1));
        assertThat(TimeGrid.effectivePrecision(Duration.ZERO, Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(1));
        assertThat(TimeGrid.effectivePrecision(Duration.ZERO, Duration.ofNanos(5_000))).isEqualTo(Duration.ofNanos(1_000));
        assertThat(TimeGrid.effectivePrecision(Duration.ZERO, Duration.ofNanos(50))).isEqualTo(Duration.ofNanos(1));
        assertThat(TimeGrid.effectivePrecision(Duration.ofMillis(10), Duration.ofSeconds(10))).isEqualTo(Duration.ofMillis(10));
    }
}
