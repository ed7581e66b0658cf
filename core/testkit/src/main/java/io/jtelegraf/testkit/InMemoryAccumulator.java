package io.jtelegraf.testkit;

import io.jtelegraf.spi.Accumulator;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.MetricType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An {@link Accumulator} that keeps everything in memory for assertions. Metrics without a
 * timestamp are stamped with the clock's time, unrounded. Thread-safe.
 */
public final class InMemoryAccumulator implements Accumulator {
    private final Clock clock;
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();

    public InMemoryAccumulator() {
        this(Clock.systemUTC());
    }

    public InMemoryAccumulator(Clock clock) {
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

    /** Every metric added so far, in order. */
    public synchronized List<Metric> metrics() {
        return List.copyOf(metrics);
    }

    /** The metrics called {@code name}, in order. */
    public synchronized List<Metric> metrics(String name) {
        return metrics.stream().filter(metric -> metric.name().equals(name)).toList();
    }

    /** Every error passed to {@link #addError}, in order. */
    public synchronized List<Throwable> errors() {
        return List.copyOf(errors);
    }

    public synchronized void clear() {
        metrics.clear();
        errors.clear();
    }

    private void add(String measurement, Map<String, ?> fields, Map<String, String> tags, long time, MetricType type) {
        addMetric(Metric.builder(measurement).tags(tags).fields(fields).time(time).type(type).build());
    }

    private long now() {
        Instant instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
