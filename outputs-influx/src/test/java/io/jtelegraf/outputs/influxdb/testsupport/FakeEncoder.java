package io.jtelegraf.outputs.influxdb.testsupport;

import io.jtelegraf.outputs.influxdb.common.MetricEncoder;
import io.jtelegraf.spi.Metric;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;

/**
 * A stand-in encoder for HTTP tests that do not care about line protocol details: one line per
 * metric, {@code <name>[,<tags>] <first field key>=1 <timestamp>}. Metrics named
 * {@code unserializable} are skipped, to test how outputs treat serialization failures.
 */
public final class FakeEncoder implements MetricEncoder {
    /** Metrics with this name are reported as unserializable. */
    public static final String UNSERIALIZABLE = "unserializable";

    @Override
    public BitSet encode(List<Metric> metrics, OutputStream out) throws IOException {
        BitSet skipped = new BitSet();
        for (int i = 0; i < metrics.size(); i++) {
            Metric metric = metrics.get(i);
            if (metric.name().equals(UNSERIALIZABLE)) {
                skipped.set(i);
                continue;
            }
            StringBuilder line = new StringBuilder(metric.name());
            metric.tags().forEach((k, v) -> line.append(',').append(k).append('=').append(v));
            line.append(' ').append(metric.fieldCount() > 0 ? metric.fieldKey(0) : "f").append("=1 ")
                    .append(metric.timestamp()).append('\n');
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return skipped;
    }
}
