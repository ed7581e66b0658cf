package io.jtelegraf.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.agent.filter.FilterSpec;
import io.jtelegraf.agent.internal.SelfStats;
import io.jtelegraf.agent.testing.RecordingLogger;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.PartialWriteException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RunningOutputTest {
    private final SelfStats stats = new SelfStats();
    private final RecordingLogger logger = new RecordingLogger();
    private final RecordingLogger agentLogger = new RecordingLogger();
    private final FakeOutput plugin = new FakeOutput();

    private static Metric m(String name) {
        return Metric.builder(name).tag("host", "h").field("v", 1L).field("w", 2L).time(0).build();
    }

    private RunningOutput output(int batch, int limit) {
        return output(Settings.output("outputs.influxdb", batch, limit));
    }

    private RunningOutput output(OutputSettings settings) {
        return new RunningOutput(plugin, settings, logger, agentLogger, stats.registerOutput("influxdb", Optional.empty()));
    }

    private static void addAll(RunningOutput output, String... names) {
        for (String name : names) {
            output.add(m(name));
        }
    }

    @Test
    void outputPipelineFiltersModifiesDropsAndRenames() {
        FilterSpec filter = new FilterSpec(List.of("keep*"), "", List.of(), "", Map.of(), Map.of(), List.of("v"),
                List.of(), List.of(), List.of("host"));
        RunningOutput output = output(new OutputSettings("outputs.influxdb", Optional.empty(), Duration.ofSeconds(10),
                Duration.ZERO, 10, 100, "", "pre_", "_suf", filter));
        output.add(m("drop_me"));
        output.add(Metric.builder("keep_no_v").field("w", 1L).time(0).build());
        output.add(m("keep"));
        assertThat(output.writeAll()).isNull();
        Metric written = plugin.batches.get(0).get(0);
        assertThat(plugin.batches.get(0)).hasSize(1);
        assertThat(written.name()).isEqualTo("pre_keep_suf");
        assertThat(written.fields()).containsOnlyKeys("v");
        assertThat(written.tags()).isEmpty();
        assertThat(output.stats().metricsFiltered()).isEqualTo(2);
    }

    @Test
    void fullBatchSignalsAnEarlyFlush() {
        RunningOutput output = output(2, 10);
        output.add(m("a"));
        assertThat(output.takeBatchReady()).isFalse();
        output.add(m("b"));
        assertThat(output.flushWakeup().isSignalled()).isTrue();
        assertThat(output.takeBatchReady()).isTrue();
        assertThat(output.takeBatchReady()).isFalse();
    }

    @Test
    void earlyFlushWritesOneBatchAndRechecksAfterwards() {
        RunningOutput output = output(2, 10);
        addAll(output, "a", "b", "c", "d", "e");
        assertThat(output.takeBatchReady()).isTrue();
        assertThat(output.writeBatch()).isNull();
        assertThat(plugin.batches).hasSize(1);
        assertThat(output.takeBatchReady()).as("3 left, a batch is still ready").isTrue();
        assertThat(output.writeBatch()).isNull();
        assertThat(output.takeBatchReady()).as("1 left").isFalse();
        assertThat(plugin.writtenNames()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void fullFlushRunsFloorOfLengthOverBatchPlusOneTransactions() {
        RunningOutput output = output(2, 10);
        addAll(output, "a", "b", "c", "d", "e");
        assertThat(output.writeAll()).isNull();
        assertThat(plugin.batches).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(output.bufferSize()).isZero();
        assertThat(output.stats().metricsWritten()).isEqualTo(5);
        assertThat(stats.agent().metricsWritten()).isEqualTo(5);
    }

    @Test
    void overflowDropsTheOldestAndWarnsAtTheNextWrite() {
        RunningOutput output = output(10, 3);
        addAll(output, "a", "b", "c", "d", "e");
        assertThat(output.stats().metricsDropped()).isEqualTo(2);
        assertThat(stats.agent().metricsDropped()).isEqualTo(2);
        assertThat(logger.lines()).noneMatch(line -> line.contains("overflow"));
        output.writeAll();
        assertThat(logger.lines()).contains("W! Metric buffer overflow; 2 metrics have been dropped");
        assertThat(plugin.writtenNames()).containsExactly("c", "d", "e");
        output.add(m("f"));
        output.writeAll();
        assertThat(logger.lines()).filteredOn(line -> line.contains("overflow")).hasSize(1);
    }

    @Test
    void failedBatchGoesBackToTheFrontAndIsRetriedFirst() {
        RunningOutput output = output(2, 10);
        addAll(output, "a", "b", "c");
        plugin.behaviour = batch -> {
            throw new IOException("connection refused");
        };
        Exception error = output.writeAll();
        assertThat(error).hasMessage("connection refused");
        assertThat(plugin.batches).as("stops at the first error").hasSize(1);
        assertThat(agentLogger.lines()).containsExactly("E! Error writing to outputs.influxdb: connection refused");
        assertThat(output.stats().writeErrors()).isEqualTo(1);
        assertThat(stats.agent().writeErrors()).isEqualTo(1);
        assertThat(output.bufferSize()).isEqualTo(3);

        output.add(m("d"));
        assertThat(output.takeBatchReady()).as("early flush suppressed after a failure").isFalse();

        plugin.behaviour = batch -> { };
        plugin.batches.clear();
        assertThat(output.writeAll()).isNull();
        assertThat(plugin.writtenNames()).containsExactly("a", "b", "c", "d");
        output.add(m("e"));
        output.add(m("f"));
        assertThat(output.takeBatchReady()).as("early flush back after a success").isTrue();
    }

    @Test
    void partialWriteAcceptsRejectsAndKeepsTheRest() {
        RunningOutput output = output(3, 10);
        addAll(output, "a", "b", "c", "d");
        plugin.behaviour = batch -> {
            throw new PartialWriteException("partial write", new int[] {0}, new int[] {1});
        };
        output.writeBatch();
        assertThat(output.stats().metricsWritten()).isEqualTo(1);
        assertThat(output.stats().metricsRejected()).isEqualTo(1);
        assertThat(stats.agent().metricsRejected()).isEqualTo(1);
        plugin.behaviour = batch -> { };
        plugin.batches.clear();
        output.writeAll();
        assertThat(plugin.writtenNames()).containsExactly("c", "d");
    }

    @Test
    void closeWaitsForAWriteInProgress() throws Exception {
        RunningOutput output = output(10, 10);
        output.add(m("a"));
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        plugin.behaviour = batch -> {
            writing.countDown();
            release.await();
        };
        Thread writer = new Thread(output::writeAll);
        writer.start();
        writing.await();
        Thread closer = new Thread(output::close);
        closer.start();
        Await.until("closer blocked on the write lock", () -> closer.getState() == Thread.State.WAITING);
        assertThat(plugin.closes.get()).isZero();
        release.countDown();
        writer.join();
        closer.join();
        assertThat(plugin.closes.get()).isEqualTo(1);
    }
}
