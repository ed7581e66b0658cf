package io.jtelegraf.distribution.kernel;

import io.jtelegraf.spi.Accumulator;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.MetricType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The accumulator of {@link GuestProbeMain}: keeps one gather's metrics and errors. Metrics
 * without a timestamp get the clock's time, as the agent stamps them. Thread-safe.
 */
final class ProbeAccumulator implements Accumulator {
    private final Clock clock;
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();

    ProbeAccumulator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void addFields(String measurement, Map<String, ?> fields, Map<String, String> tags) {
        add(measurement, fields, tags, now(), MetricType.UNTYPED);
    }

    @Override
    public void addFields(String measurement, Map<String, ?> fields, Map<String, String> tags, long epochNanos) {
        add(measurement, fields, tags, epochNanos, MetricType.UNTYPED);
    }

    @Override
    public void addGauge(String measurement, Map<String, ?> fields, Map<String, String> tags) {
        add(measurement, fields, tags, now(), MetricType.GAUGE);
    }

    @Override
    public void addGauge(String measurement, Map<String, ?> fields, Map<String, String> tags, long epochNanos) {
        add(measurement, fields, tags, epochNanos, MetricType.GAUGE);
    }

    @Override
    public void addCounter(String measurement, Map<String, ?> fields, Map<String, String> tags) {
        add(measurement, fields, tags, now(), MetricType.COUNTER);
    }

    @Override
    public void addCounter(String measurement, Map<String, ?> fields, Map<String, String> tags, long epochNanos) {
        add(measurement, fields, tags, epochNanos, MetricType.COUNTER);
    }

    @Override
    public synchronized void addMetric(Metric metric) {
        metrics.add(metric);
    }

    @Override
    public synchronized void addError(Throwable error) {
        if (error != null) {
            errors.add(error);
        }
    }

    /** Returns the metrics gathered since the last call and forgets them. */
    synchronized List<Metric> drainMetrics() {
        List<Metric> drained = List.copyOf(metrics);
        metrics.clear();
        return drained;
    }

    /** Returns the errors reported since the last call and forgets them. */
    synchronized List<Throwable> drainErrors() {
        List<Throwable> drained = List.copyOf(errors);
        errors.clear();
        return drained;
    }

    private void add(String measurement, Map<String, ?> fields, Map<String, String> tags, long time, MetricType type) {
        addMetric(Metric.builder(measurement).type(type).tags(tags).fields(fields).time(time).build());
    }

    private long now() {
        Instant instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
