package io.jtelegraf.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.agent.buffer.DiskBuffer;
import io.jtelegraf.agent.internal.SelfStats;
import io.jtelegraf.agent.testing.RecordingLogger;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.PartialWriteException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RunningOutput} over a {@link DiskBuffer}: the same write contract, plus surviving a restart. */
class RunningOutputDiskBufferTest {
    @TempDir
    Path temp;

    private final SelfStats stats = new SelfStats();
    private final RecordingLogger logger = new RecordingLogger();
    private final RecordingLogger agentLogger = new RecordingLogger();
    private final FakeOutput plugin = new FakeOutput();

    private static Metric m(String name) {
        return Metric.builder(name).tag("host", "h").field("v", 1L).time(0).build();
    }

    private RunningOutput output(FakeOutput into, int batch, int limit) throws IOException {
        RunningOutput output = new RunningOutput(into, Settings.output("outputs.influxdb", batch, limit), logger,
                agentLogger, stats.registerOutput("influxdb", Optional.empty()),
                () -> DiskBuffer.open(temp.resolve("outputs.influxdb.0"), limit, true, logger));
        output.openDurableBuffer();
        return output;
    }

    private static void addAll(RunningOutput output, String... names) {
        for (String name : names) {
            output.add(m(name));
        }
    }

    @Test
    void opensTheDiskBufferAndSaysWhere() throws IOException {
        output(plugin, 2, 10);

        assertThat(logger.lines()).contains("I! Buffering metrics on disk in " + temp.resolve("outputs.influxdb.0"));
        assertThat(Files.list(temp.resolve("outputs.influxdb.0")).map(p -> p.getFileName().toString()))
                .contains("00000000000000000000.seg");
    }

    @Test
    void aFailedBatchStaysInFrontAndIsRetriedFirst() throws IOException {
        RunningOutput output = output(plugin, 2, 10);
        addAll(output, "a", "b", "c");
        plugin.behaviour = batch -> {
            throw new IOException("connection refused");
        };

        assertThat(output.writeAll()).hasMessage("connection refused");
        assertThat(output.bufferSize()).isEqualTo(3);
        assertThat(agentLogger.lines()).containsExactly("E! Error writing to outputs.influxdb: connection refused");

        output.add(m("d"));
        plugin.behaviour = batch -> { };
        plugin.batches.clear();
        assertThat(output.writeAll()).isNull();
        assertThat(plugin.writtenNames()).containsExactly("a", "b", "c", "d");
        assertThat(output.bufferSize()).isZero();
        assertThat(output.stats().metricsWritten()).isEqualTo(4);
    }

    @Test
    void aPartialWriteAcceptsRejectsAndKeepsTheRestInOrder() throws IOException {
        RunningOutput output = output(plugin, 4, 10);
        addAll(output, "a", "b", "c", "d", "e");
        plugin.behaviour = batch -> {
            throw new PartialWriteException("partial write", new int[] {1}, new int[] {3});
        };

        output.writeBatch();

        assertThat(output.stats().metricsWritten()).isEqualTo(1);
        assertThat(output.stats().metricsRejected()).isEqualTo(1);
        assertThat(output.bufferSize()).isEqualTo(3);
        plugin.behaviour = batch -> { };
        plugin.batches.clear();
        output.writeAll();
        assertThat(plugin.writtenNames()).containsExactly("a", "c", "e");
    }

    @Test
    void whatCouldNotBeWrittenIsDeliveredByTheNextAgent() throws IOException {
        RunningOutput first = output(plugin, 2, 10);
        addAll(first, "a", "b", "c");
        plugin.behaviour = batch -> {
            throw new IOException("503 Service Unavailable");
        };
        first.writeAll();
        first.close();

        FakeOutput later = new FakeOutput();
        RunningOutput second = output(later, 2, 10);

        assertThat(second.bufferSize()).isEqualTo(3);
        assertThat(second.takeBatchReady()).as("a recovered full batch is flushed early").isTrue();
        assertThat(second.writeAll()).isNull();
        assertThat(later.writtenNames()).containsExactly("a", "b", "c");
    }

    @Test
    void overflowDropsTheOldestCountsAndWarnsLikeTheMemoryBuffer() throws IOException {
        RunningOutput output = output(plugin, 10, 3);
        addAll(output, "a", "b", "c", "d", "e");

        assertThat(output.stats().metricsDropped()).isEqualTo(2);
        output.writeAll();

        assertThat(logger.lines()).contains("W! Metric buffer overflow; 2 metrics have been dropped");
        assertThat(plugin.writtenNames()).containsExactly("c", "d", "e");
    }

    @Test
    void metricsOverALowerLimitAtRestartAreCountedAsDropped() throws IOException {
        RunningOutput first = output(plugin, 10, 10);
        addAll(first, "a", "b", "c", "d");
        first.close();

        RunningOutput second = output(new FakeOutput(), 10, 2);

        assertThat(second.bufferSize()).isEqualTo(2);
        assertThat(second.stats().metricsDropped()).isEqualTo(2);
        second.writeAll();
        assertThat(logger.lines()).contains("W! Metric buffer overflow; 2 metrics have been dropped");
    }

    @Test
    void withoutADiskBufferTheMemoryBufferStays() throws IOException {
        RunningOutput output = new RunningOutput(plugin, Settings.output("outputs.influxdb", 2, 10), logger,
                agentLogger, stats.registerOutput("influxdb", Optional.empty()));
        output.openDurableBuffer();
        output.add(m("a"));

        assertThat(output.bufferSize()).isEqualTo(1);
        assertThat(temp).isEmptyDirectory();
        assertThat(logger.lines()).noneMatch(line -> line.contains("disk"));
    }
}
