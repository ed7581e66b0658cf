package io.jtelegraf.inputs.ipvs;

import io.jtelegraf.inputs.ipvs.netlink.CaptureClients;
import io.jtelegraf.inputs.ipvs.netlink.IpvsClient;
import io.jtelegraf.inputs.ipvs.netlink.ParseOnlyGather;
import io.jtelegraf.spi.Input;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.lineprotocol.LineBuffer;
import io.jtelegraf.spi.lineprotocol.LineProtocolSerializer;
import io.jtelegraf.spi.lineprotocol.SkippedMetricListener;
import io.jtelegraf.testkit.InMemoryAccumulator;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole gather of {@code inputs.ipvs} replayed from a capture file, without a kernel: the
 * plugin's own exchange, reply parser and metric building run on the recorded datagrams, which
 * a replaying transport copies into the reply buffer as {@code recvfrom} would. Compare with
 * {@code shared/bench/replay.c} on the same file ({@code inputs-ipvs/bench/run-replay.sh} runs
 * both).
 *
 * <ul>
 *   <li>{@link #parseOnly}: what the C replay does: the plugin's client lists services and real
 *       servers from the datagrams and a checksum of their values is added up; no metrics.</li>
 *   <li>{@link #replay}: parse and build the metrics, handed to a reused list.</li>
 *   <li>{@link #replayAndSerialize}: the same, then written as line protocol with Telegraf's
 *       default options into a reused buffer.</li>
 *   <li>{@link #gatherIntoTestkitAccumulator}: the same gather into a new
 *       {@code InMemoryAccumulator} (synchronized, growing list), as a harness would run it.</li>
 * </ul>
 *
 * Sample-time mode: every call is timed, so the median per gather can be set against the median
 * the C replay prints; on a shared machine the median is far less disturbed than the mean.
 *
 * <p>After every iteration the metrics of the last gather are compared with those of a separate
 * plugin instance gathered in the setup (digest of their text), so a benchmark that stops doing
 * the work fails instead of reporting a fast time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReplayBenchmark {

    /** The capture to replay, relative to the repository root or absolute. */
    @Param("../shared/fixtures/ipvs-bench/capture-100x10.bin.gz")
    public String capture;

    private CapturedTable table;
    private Input plugin;
    private final ListAccumulator accumulator = new ListAccumulator();
    private final LineProtocolSerializer serializer = new LineProtocolSerializer();
    private final LineBuffer lines = new LineBuffer(1 << 20);
    private byte[] expectedLines;
    private InMemoryAccumulator lastTestkitAccumulator;
    private IpvsClient parseClient;
    private long expectedChecksum;
    private long lastChecksum = -1;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        table = CapturedTable.read(capture);
        System.out.println(table.summary());
        plugin = table.newPlugin();
        expectedLines = new LineProtocolSerializer().serializeBatch(table.referenceMetrics());
        parseClient = table.newClient();
        expectedChecksum = table.cReplayChecksum();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        plugin.close();
        parseClient.close();
    }

    @Benchmark
    public long parseOnly() throws Exception {
        lastChecksum = ParseOnlyGather.checksum(parseClient);
        return lastChecksum;
    }

    @Benchmark
    public List<Metric> replay() throws Exception {
        accumulator.clear();
        plugin.gather(accumulator);
        return accumulator.metrics();
    }

    @Benchmark
    public LineBuffer replayAndSerialize() throws Exception {
        accumulator.clear();
        plugin.gather(accumulator);
        lines.reset();
        serializer.appendBatch(accumulator.metrics(), lines, SkippedMetricListener.IGNORE);
        return lines;
    }

    @Benchmark
    public InMemoryAccumulator gatherIntoTestkitAccumulator() throws Exception {
        InMemoryAccumulator into = new InMemoryAccumulator(table.clock());
        plugin.gather(into);
        lastTestkitAccumulator = into;
        return into;
    }

    /** Fails the run when the last gather of the iteration did not build the reference metrics. */
    @TearDown(Level.Iteration)
    public void verifyLastGather() {
        if (lastChecksum != -1 && lastChecksum != expectedChecksum) {
            throw new IllegalStateException("the parse-only gather added up " + lastChecksum + ", the metrics of the "
                    + "reference gather " + expectedChecksum);
        }
        if (!accumulator.metrics().isEmpty()) {
            table.requireSameAsReference(accumulator.metrics(), "the replayed gather");
            if (!accumulator.errors().isEmpty()) {
                throw new IllegalStateException("the replayed gather reported errors: " + accumulator.errors());
            }
        }
        if (lines.length() > 0 && !Arrays.equals(lines.array(), 0, lines.length(), expectedLines, 0, expectedLines.length)) {
            throw new IllegalStateException("the serialized gather differs from the serialized reference gather");
        }
        if (lastTestkitAccumulator != null) {
            table.requireSameAsReference(lastTestkitAccumulator.metrics(), "the gather into InMemoryAccumulator");
        }
    }
}
