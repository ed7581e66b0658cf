package io.jtelegraf.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class TickScheduleTest {
    private static final long SECOND = 1_000_000_000L;
    private static final RandomGenerator NO_RANDOM = new Random(1);

    private static long at(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * SECOND + i.getNano();
    }

    @Test
    void alignedTicksFallOnIntervalMultiples() {
        TickSchedule schedule = new TickSchedule(at("2026-11-26T12:00:03Z"), Duration.ofSeconds(10), true,
                Duration.ZERO, Duration.ZERO, NO_RANDOM);
        assertThat(schedule.next()).isEqualTo(at("2026-11-26T12:00:10Z"));
        assertThat(schedule.next()).isEqualTo(at("2026-11-26T12:00:20Z"));
        assertThat(schedule.next()).isEqualTo(at("2026-11-26T12:00:30Z"));
    }

    @Test
    void startJustBeforeABoundarySkipsTheVeryShortFirstInterval() {
        // start + interval/100 = 12:00:10.05 > 12:00:10, so the first tick is 12:00:20.
        TickSchedule schedule = new TickSchedule(at("2026-11-26T12:00:09.950Z"), Duration.ofSeconds(10), true,
                Duration.ZERO, Duration.ZERO, NO_RANDOM);
        assertThat(schedule.next()).isEqualTo(at("2026-11-26T12:00:20Z"));
    }

    @Test
    void startOnABoundaryWaitsOneFullInterval() {
        TickSchedule schedule = new TickSchedule(at("2026-11-26T12:00:10Z"), Duration.ofSeconds(10), true,
                Duration.ZERO, Duration.ZERO, NO_RANDOM);
        assertThat(schedule.next()).isEqualTo(at("2026-11-26T12:00:20Z"));
    }

    @Test
    void unalignedFirstTickIsImmediate() {
        TickSchedule schedule = new TickSchedule(at("2026-11-26T12:00:03.250Z"), Duration.ofSeconds(10), false,
                Duration.ZERO, Duration.ZERO, NO_RANDOM);
        assertThat(schedule.next()).isEqualTo(at("2026-11-26T12:00:03.250Z"));
        assertThat(schedule.next()).isEqualTo(at("2026-11-26T12:00:13.250Z"));
    }

    @Test
    void offsetShiftsEveryTick() {
        TickSchedule schedule = new TickSchedule(at("2026-11-26T12:00:03Z"), Duration.ofSeconds(10), true,
                Duration.ofSeconds(2), Duration.ZERO, NO_RANDOM);
        assertThat(schedule.next()).isEqualTo(at("2026-11-26T12:00:12Z"));
        assertThat(schedule.next()).isEqualTo(at("2026-11-26T12:00:22Z"));
    }

    @Test
    void jitterStaysWithinBoundsAndDoesNotDrift() {
        Duration jitter = Duration.ofSeconds(3);
        TickSchedule schedule = new TickSchedule(at("2026-11-26T12:00:03Z"), Duration.ofSeconds(10), true,
                Duration.ZERO, jitter, new Random(42));
        long slot = at("2026-11-26T12:00:10Z");
        long maxLateness = 0;
        for (int i = 0; i < 1000; i++) {
            long fire = schedule.next();
            assertThat(fire - slot).isBetween(0L, jitter.toNanos() - 1);
            maxLateness = Math.max(maxLateness, fire - slot);
            slot += 10 * SECOND;
        }
        assertThat(maxLateness).as("jitter is actually applied").isGreaterThan(SECOND);
    }

    @Test
    void jitterUsesTheGivenRandomSource() {
        RandomGenerator fixed = new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public long nextLong(long bound) {
                return bound - 1;
            }
        };
        TickSchedule schedule = new TickSchedule(at("2026-11-26T12:00:03Z"), Duration.ofSeconds(10), true,
                Duration.ZERO, Duration.ofSeconds(1), fixed);
        assertThat(schedule.next()).isEqualTo(at("2026-11-26T12:00:10Z") + SECOND - 1);
        assertThat(schedule.next()).isEqualTo(at("2026-11-26T12:00:20Z") + SECOND - 1);
    }
}
