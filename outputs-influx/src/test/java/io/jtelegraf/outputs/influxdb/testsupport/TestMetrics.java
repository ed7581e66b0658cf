package io.jtelegraf.outputs.influxdb.testsupport;

import io.jtelegraf.spi.Metric;
import java.util.ArrayList;
import java.util.List;

/** Small metric factories for tests. */
public final class TestMetrics {
    private TestMetrics() {
    }

    /** {@code cpu,host=h value=<i>i} at {@code 1700000000000000000 + i} ns. */
    public static Metric metric(int i) {
        return Metric.builder("cpu").tag("host", "h").field("value", (long) i).time(1_700_000_000_000_000_000L + i).build();
    }

    public static List<Metric> batch(int size) {
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            metrics.add(metric(i));
        }
        return List.copyOf(metrics);
    }
}
