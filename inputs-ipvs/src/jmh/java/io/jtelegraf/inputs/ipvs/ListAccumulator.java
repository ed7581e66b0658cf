package io.jtelegraf.inputs.ipvs;

import io.jtelegraf.spi.Accumulator;
import io.jtelegraf.spi.Metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cheapest possible sink for {@link Accumulator#addMetric}: one list, cleared and reused from
 * gather to gather, so a benchmark measures the plugin and not the accumulator. The plugin uses
 * only {@code addMetric}; the map-based methods fail loudly should that ever change. Not
 * thread-safe.
 */
final class ListAccumulator implements Accumulator {
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();

    void clear() {
        metrics.clear();
        errors.clear();
    }

    List<Metric> metrics() {
        return metrics;
    }

    List<Throwable> errors() {
        return errors;
    }

    @Override
    public void addMetric(Metric metric) {
        metrics.add(metric);
    }

    @Override
    public void addError(Throwable error) {
        if (error != null) {
            errors.add(error);
        }
    }

    @Override
    public void addFields(String measurement, Map<String, ?> fields, Map<String, String> tags) {
        throw unexpected();
    }

    @Override
    public void addFields(String measurement, Map<String, ?> fields, Map<String, String> tags, long epochNanos) {
        throw unexpected();
    }

    @Override
    public void addGauge(String measurement, Map<String, ?> fields, Map<String, String> tags) {
        throw unexpected();
    }

    @Override
    public void addGauge(String measurement, Map<String, ?> fields, Map<String, String> tags, long epochNanos) {
        throw unexpected();
    }

    @Override
    public void addCounter(String measurement, Map<String, ?> fields, Map<String, String> tags) {
        throw unexpected();
    }

    @Override
    public void addCounter(String measurement, Map<String, ?> fields, Map<String, String> tags, long epochNanos) {
        throw unexpected();
    }

    private static UnsupportedOperationException unexpected() {
        return new UnsupportedOperationException("inputs.ipvs is expected to add ready-made metrics only");
    }
}
