package io.jtelegraf.inputs.ipvs;

import io.jtelegraf.inputs.ipvs.netlink.Capture;
import io.jtelegraf.inputs.ipvs.netlink.CaptureClients;
import io.jtelegraf.inputs.ipvs.netlink.IpvsClient;
import io.jtelegraf.inputs.ipvs.netlink.IpvsException;
import io.jtelegraf.spi.Input;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.testkit.InMemoryAccumulator;
import io.jtelegraf.testkit.TestPluginContext;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/**
 * An IPVS table recorded in a capture file, read by the real plugin: {@link #newPlugin()} builds
 * {@code inputs.ipvs} exactly as its factory does, only with the socket replaced by a replay of
 * the capture. Also the reference every benchmark checks its own output against: the metrics of
 * one gather by a separate plugin instance, and their digest.
 *
 * <p>The clock is fixed, so every gather stamps the same time and outputs compare byte for byte.
 */
final class CapturedTable {
    /** 2025-01-01T00:00:00.123456789Z: any fixed time with all nine digits set. */
    static final Instant GATHER_TIME = Instant.parse("2025-01-01T00:00:00.123456789Z");

    private final Capture capture;
    private final Clock clock = Clock.fixed(GATHER_TIME, ZoneOffset.UTC);
    private final List<Metric> referenceMetrics;
    private final String referenceDigest;

    private CapturedTable(Capture capture) throws Exception {
        this.capture = capture;
        InMemoryAccumulator accumulator = new InMemoryAccumulator(clock);
        try (Input plugin = newPlugin()) {
            plugin.gather(accumulator);
        }
        if (!accumulator.errors().isEmpty()) {
            throw new IllegalStateException(capture.source() + ": the plugin reported " + accumulator.errors());
        }
        this.referenceMetrics = List.copyOf(accumulator.metrics());
        this.referenceDigest = digest(referenceMetrics);
        long services = referenceMetrics.stream().filter(m -> m.name().equals(IpvsMetrics.VIRTUAL_SERVER)).count();
        if (services != capture.destinationDumpCount()) {
            throw new IllegalStateException(capture.source() + " holds " + capture.destinationDumpCount()
                    + " real-server dumps, but the plugin listed " + services + " services");
        }
    }

    /** Reads the capture at {@code path} (relative paths start at the repository root). */
    static CapturedTable read(String path) throws Exception {
        return new CapturedTable(Capture.read(Path.of(path)));
    }

    /** A new plugin instance (default options) whose netlink socket replays the capture. */
    Input newPlugin() {
        return IpvsInputFactory.create(IpvsOptions.defaults(), new TestPluginContext("inputs.ipvs", clock), true,
                () -> CaptureClients.replaying(capture));
    }

    /** The plugin's netlink client alone, its socket replaced by a replay of the capture. */
    IpvsClient newClient() throws IpvsException {
        return CaptureClients.replaying(capture);
    }

    Clock clock() {
        return clock;
    }

    String source() {
        return capture.source();
    }

    /** The metrics of one gather by a separate plugin instance, made in the constructor. */
    List<Metric> referenceMetrics() {
        return referenceMetrics;
    }

    /**
     * Fails when {@code metrics} differ from the reference gather in any name, tag, field, type
     * or timestamp.
     */
    void requireSameAsReference(List<Metric> metrics, String what) {
        String actual = digest(metrics);
        if (!actual.equals(referenceDigest)) {
            throw new IllegalStateException(what + " built other metrics than the plugin's reference gather of "
                    + capture.source() + ": " + metrics.size() + " metrics with digest " + actual + ", expected "
                    + referenceMetrics.size() + " with digest " + referenceDigest);
        }
    }

    /**
     * SHA-256 of the metrics written by {@link LineProtocolText}, a formatter independent of the
     * production serializer, one line each.
     */
    static String digest(List<Metric> metrics) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Metric metric : metrics) {
                sha.update(LineProtocolText.of(metric).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The reference metrics as {@link LineProtocolText} lines, each ending in a newline. */
    String referenceText() {
        StringBuilder text = new StringBuilder();
        for (Metric metric : referenceMetrics) {
            text.append(LineProtocolText.of(metric)).append('\n');
        }
        return text.toString();
    }

    /**
     * The checksum {@code shared/bench/replay.c} adds up per replayed gather, recomputed from the
     * metrics: per service the connections plus the port as a little-endian CPU reads the
     * big-endian attribute; per real server the connections, active and inactive connections, that
     * port and the fourth address byte. The C program prints the sum over all its iterations.
     */
    long cReplayChecksum() throws IOException {
        long sum = 0;
        for (Metric metric : referenceMetrics) {
            long connections = metric.longValue(metric.fieldIndex("connections"));
            String port = metric.tag("port");
            long swappedPort = port == null ? 0 : Short.toUnsignedInt(Short.reverseBytes((short) Integer.parseInt(port)));
            if (metric.name().equals(IpvsMetrics.VIRTUAL_SERVER)) {
                sum += connections + swappedPort;
            } else {
                byte[] address = InetAddress.getByName(metric.tag("address")).getAddress();
                sum += connections + metric.longValue(metric.fieldIndex("active_connections"))
                        + metric.longValue(metric.fieldIndex("inactive_connections")) + swappedPort + (address[3] & 0xFF);
            }
        }
        return sum;
    }

    /** One line for the logs: what was replayed and the numbers to compare with the C replay. */
    String summary() throws IOException {
        long services = referenceMetrics.stream().filter(m -> m.name().equals(IpvsMetrics.VIRTUAL_SERVER)).count();
        return "CAPTURE " + capture.source() + " bytes=" + capture.bytes() + " svcs=" + services
                + " dsts=" + (referenceMetrics.size() - services) + " c_checksum_per_gather=" + cReplayChecksum()
                + " digest=" + referenceDigest;
    }
}
