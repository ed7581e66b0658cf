package io.jtelegraf.inputs.ipvs;

import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.lineprotocol.LineBuffer;
import io.jtelegraf.spi.lineprotocol.LineProtocolOptions;
import io.jtelegraf.spi.lineprotocol.LineProtocolSerializer;
import io.jtelegraf.spi.lineprotocol.SkippedMetricListener;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Line protocol throughput on {@code ipvs_real_server} metrics as the plugin builds them (from a
 * capture, so tag values and the String objects the plugin reuses are the real ones), with
 * Telegraf's default serializer options. The score is lines per second on one thread.
 *
 * <p>Each call writes the next {@link #LINES} real servers of the capture, going round all of
 * them, so a large capture shows its many distinct addresses to the serializer as a real gather
 * does. Calls are short, so {@code -bm sample} gives a median per line that a busy machine
 * disturbs little.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class LineProtocolBenchmark {
    /** Lines per benchmark call. */
    static final int LINES = 1_000;

    /** The capture whose real servers are serialized, relative to the repository root or absolute. */
    @Param("../shared/fixtures/ipvs-bench/capture-100x10.bin.gz")
    public String capture;

    private final LineProtocolSerializer serializer = new LineProtocolSerializer();
    private final LineBuffer out = new LineBuffer(LINES * 320);
    /** The capture's real servers in consecutive chunks of LINES (the last one filled up from the start). */
    private List<List<Metric>> chunks;
    private List<byte[]> expected;
    private int next;
    private int lastWritten = -1;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        CapturedTable table = CapturedTable.read(capture);
        List<Metric> realServers = table.referenceMetrics().stream()
                .filter(m -> m.name().equals(IpvsMetrics.REAL_SERVER)).toList();
        if (realServers.isEmpty()) {
            throw new IllegalStateException(table.source() + " holds no real servers");
        }
        // The production serializer with unsigned support writes what the independent
        // LineProtocolText writes: check it on the real metrics before timing anything.
        byte[] withUnsigned = new LineProtocolSerializer(LineProtocolOptions.DEFAULTS.withUintSupport(true))
                .serializeBatch(table.referenceMetrics());
        String reference = table.referenceText();
        if (!new String(withUnsigned, StandardCharsets.UTF_8).equals(reference)) {
            throw new IllegalStateException("the serializer's output differs from the reference text for " + table.source());
        }
        int chunkCount = (realServers.size() + LINES - 1) / LINES;
        chunks = new ArrayList<>(chunkCount);
        expected = new ArrayList<>(chunkCount);
        for (int chunk = 0; chunk < chunkCount; chunk++) {
            List<Metric> metrics = new ArrayList<>(LINES);
            for (int i = 0; i < LINES; i++) {
                metrics.add(realServers.get((chunk * LINES + i) % realServers.size()));
            }
            chunks.add(metrics);
            expected.add(new LineProtocolSerializer().serializeBatch(metrics));
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public LineBuffer serializeRealServers() {
        int chunk = next;
        next = chunk + 1 == chunks.size() ? 0 : chunk + 1;
        out.reset();
        serializer.appendBatch(chunks.get(chunk), out, SkippedMetricListener.IGNORE);
        lastWritten = chunk;
        return out;
    }

    /** Fails the run when the last call wrote other bytes than a fresh serializer. */
    @TearDown(Level.Iteration)
    public void verify() {
        if (lastWritten >= 0) {
            byte[] bytes = expected.get(lastWritten);
            if (!Arrays.equals(out.array(), 0, out.length(), bytes, 0, bytes.length)) {
                throw new IllegalStateException("the benchmark's serializer wrote other bytes than a fresh serializer");
            }
        }
    }
}
