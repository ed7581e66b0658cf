package io.jtelegraf.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.agent.filter.FilterSpec;
import io.jtelegraf.agent.internal.SelfStats;
import io.jtelegraf.agent.testing.RecordingLogger;
import io.jtelegraf.spi.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class FlushLoopTest {
    private final ManualEngineClock clock = new ManualEngineClock(Instant.parse("2026-11-26T12:00:03.5Z"));
    private final FakeOutput plugin = new FakeOutput();
    private final RecordingLogger logger = new RecordingLogger();
    private RunningOutput output;
    private FlushLoop loop;
    private Thread thread;

    /** Always the largest jitter, to check the bound. */
    private static final RandomGenerator MAX_JITTER = new RandomGenerator() {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    private void start(int batch, Duration jitter) throws InterruptedException {
        output = new RunningOutput(plugin, new OutputSettings("outputs.x", Optional.empty(), Duration.ofSeconds(10),
                jitter, batch, 100, "", "", "", FilterSpec.NONE), logger, new RecordingLogger(),
                new SelfStats().registerOutput("x", Optional.empty()));
        loop = new FlushLoop(output, clock, MAX_JITTER);
        thread = new Thread(loop);
        thread.start();
        clock.awaitBlockedThreads(1);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (loop != null) {
            loop.stop();
            thread.join();
        }
    }

    private static Metric m(String name) {
        return Metric.builder(name).field("v", 1L).time(0).build();
    }

    @Test
    void timerFlushIsUnalignedAndIncludesJitter() throws InterruptedException {
        start(10, Duration.ofSeconds(2));
        output.add(m("a"));
        clock.advance(Duration.ofSeconds(10));
        clock.awaitBlockedThreads(1);
        assertThat(plugin.batches).as("not before interval + jitter").isEmpty();
        clock.advance(Duration.ofNanos(2_000_000_000L - 1));
        Await.until("timer flush", () -> plugin.batches.size() == 1);
        clock.awaitBlockedThreads(1);
        output.add(m("b"));
        clock.advance(Duration.ofSeconds(12).minusNanos(2));
        clock.awaitBlockedThreads(1);
        assertThat(plugin.batches).as("next tick counts from the previous tick").hasSize(1);
        clock.advance(Duration.ofNanos(1));
        Await.until("second timer flush", () -> plugin.batches.size() == 2);
        assertThat(plugin.writtenNames()).containsExactly("a", "b");
    }

    @Test
    void fullBatchIsWrittenWithoutWaitingForTheTimer() throws InterruptedException {
        start(2, Duration.ZERO);
        output.add(m("a"));
        output.add(m("b"));
        output.add(m("c"));
        Await.until("early flush", () -> plugin.batches.size() == 1);
        clock.awaitBlockedThreads(1);
        assertThat(plugin.writtenNames()).containsExactly("a", "b");
        assertThat(output.bufferSize()).isEqualTo(1);
    }

    @Test
    void stopWritesTheBufferOnceMoreAndCloses() throws InterruptedException {
        start(10, Duration.ZERO);
        output.add(m("a"));
        loop.stop();
        thread.join();
        assertThat(plugin.writtenNames()).containsExactly("a");
        assertThat(plugin.closes.get()).isEqualTo(1);
        assertThat(loop.finished()).isTrue();
        loop = null;
    }

    @Test
    void writeOutlastingATickWarnsAndFlushesOnceMore() throws InterruptedException {
        start(10, Duration.ZERO);
        output.add(m("a"));
        plugin.behaviour = batch -> {
            if (plugin.batches.size() == 1) {
                clock.advance(Duration.ofSeconds(25));
            }
        };
        clock.advance(Duration.ofSeconds(10));
        Await.until("two flushes", () -> plugin.batches.size() == 1);
        clock.awaitBlockedThreads(1);
        assertThat(logger.lines()).contains("W! Did not complete within flush interval");
        long warnings = logger.lines().stream().filter(l -> l.startsWith("W!")).count();
        assertThat(warnings).isEqualTo(1);
    }
}
