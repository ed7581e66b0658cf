package io.jtelegraf.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.agent.internal.SelfStats;
import io.jtelegraf.agent.testing.RecordingLogger;
import io.jtelegraf.spi.Accumulator;
import io.jtelegraf.spi.Input;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class GatherLoopTest {
    private final ManualEngineClock clock = new ManualEngineClock(Instant.parse("2026-11-26T12:00:03Z"));
    private final RecordingLogger logger = new RecordingLogger();
    private final SelfStats stats = new SelfStats();
    private final List<Instant> gatherTimes = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean blockFirstGather;
    private GatherLoop loop;
    private Thread thread;

    private final Input input = new Input() {
        @Override
        public void gather(Accumulator accumulator) throws Exception {
            gatherTimes.add(clock.asClock().instant());
            if (blockFirstGather && gatherTimes.size() == 1) {
                release.await();
            }
        }
    };

    private void start(InputSettings settings) throws InterruptedException {
        RunningInput running = new RunningInput(input, settings, Settings.agent(), logger,
                stats.registerInput("test", Optional.empty()), clock);
        loop = new GatherLoop(running, running.gatherAccumulator(metric -> { }), clock, new Random(1));
        thread = new Thread(loop);
        thread.start();
        clock.awaitBlockedThreads(1);
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        if (loop != null) {
            loop.stop();
            thread.join();
        }
    }

    private void setAndSettle(String instant, long expectedGathers) throws InterruptedException {
        clock.set(nanos(instant));
        Await.until(expectedGathers + " gathers", () -> loop.completedGathers() == expectedGathers);
        clock.awaitBlockedThreads(1);
    }

    private static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void gathersOnAlignedTicks() throws InterruptedException {
        start(Settings.input("inputs.test"));
        assertThat(gatherTimes).isEmpty();
        setAndSettle("2026-11-26T12:00:09.999Z", 0);
        assertThat(gatherTimes).isEmpty();
        setAndSettle("2026-11-26T12:00:10Z", 1);
        setAndSettle("2026-11-26T12:00:20Z", 2);
        assertThat(gatherTimes).containsExactly(Instant.parse("2026-11-26T12:00:10Z"), Instant.parse("2026-11-26T12:00:20Z"));
    }

    @Test
    void unalignedLoopGathersImmediately() throws InterruptedException {
        RunningInput running = new RunningInput(input, Settings.unalignedInput("inputs.test"), Settings.agent(), logger,
                stats.registerInput("test", Optional.empty()), clock);
        loop = new GatherLoop(running, running.gatherAccumulator(metric -> { }), clock, new Random(1));
        thread = new Thread(loop);
        thread.start();
        Await.until("first gather", () -> loop.completedGathers() == 1);
        assertThat(gatherTimes).containsExactly(Instant.parse("2026-11-26T12:00:03Z"));
    }

    @Test
    void offsetDelaysEveryTick() throws InterruptedException {
        InputSettings base = Settings.input("inputs.test");
        start(new InputSettings(base.pluginId(), base.alias(), base.interval(), base.precision(), base.collectionJitter(),
                Duration.ofSeconds(3), true, "", "", "", base.tags(), base.filter()));
        setAndSettle("2026-11-26T12:00:10Z", 0);
        setAndSettle("2026-11-26T12:00:13Z", 1);
        assertThat(gatherTimes).containsExactly(Instant.parse("2026-11-26T12:00:13Z"));
    }

    @Test
    void slowGatherWarnsSkipsTicksAndNeverQueues() throws InterruptedException {
        blockFirstGather = true;
        start(Settings.input("inputs.test"));
        clock.set(nanos("2026-11-26T12:00:10Z"));
        Await.until("gather started", () -> gatherTimes.size() == 1);
        clock.awaitBlockedThreads(1);
        assertThat(logger.lines()).isEmpty();

        clock.set(nanos("2026-11-26T12:00:20Z"));
        Await.until("warning", () -> logger.lines().size() == 2);
        assertThat(logger.lines()).containsExactlyInAnyOrder(
                "D! Previous collection has not completed; scheduled collection skipped",
                "W! Collection took longer than expected; not complete after interval of 10s");
        assertThat(stats.inputs().get(0).gatherTimeouts()).isEqualTo(1);
        assertThat(stats.agent().gatherTimeouts()).isEqualTo(1);

        clock.set(nanos("2026-11-26T12:00:25Z"));
        release.countDown();
        Await.until("slow gather done", () -> loop.completedGathers() == 1);
        clock.awaitBlockedThreads(1);
        assertThat(gatherTimes).as("no queued gather after completion").hasSize(1);

        setAndSettle("2026-11-26T12:00:30Z", 2);
        assertThat(gatherTimes.get(1)).isEqualTo(Instant.parse("2026-11-26T12:00:30Z"));
    }

    @Test
    void stopLetsTheGatherInFlightFinish() throws InterruptedException {
        blockFirstGather = true;
        start(Settings.input("inputs.test"));
        clock.set(nanos("2026-11-26T12:00:10Z"));
        Await.until("gather started", () -> gatherTimes.size() == 1);
        loop.stop();
        thread.join(50);
        assertThat(thread.isAlive()).as("waits for the gather").isTrue();
        release.countDown();
        thread.join();
        assertThat(loop.completedGathers()).isEqualTo(1);
        loop = null;
    }
}
