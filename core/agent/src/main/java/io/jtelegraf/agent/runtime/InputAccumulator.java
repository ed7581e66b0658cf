package io.jtelegraf.agent.runtime;

import io.jtelegraf.spi.Accumulator;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.MetricType;
import java.util.Map;

/**
 * The {@link Accumulator} a plugin writes to: builds the metric, stamps it with the current time
 * at the call when no time is given, rounds the time to this accumulator's precision (spec 4.4,
 * step 1 of 2.4) and hands it to its {@link RunningInput} for the rest of the pipeline.
 *
 * <p>Threading: safe from any thread; holds no mutable state.
 */
final class InputAccumulator implements Accumulator {
    private final RunningInput input;
    private final TimeGrid precision;
    private final EngineClock clock;
    private final MetricSink sink;

    InputAccumulator(RunningInput input, TimeGrid precision, EngineClock clock, MetricSink sink) {
        this.input = input;
        this.precision = precision;
        this.clock = clock;
        this.sink = sink;
    }

    @Override
    public void addFields(String measurement, Map<String, ?> fields, Map<String, String> tags) {
        add(measurement, fields, tags, clock.nowNanos(), MetricType.UNTYPED);
    }

    @Override
    public void addFields(String measurement, Map<String, ?> fields, Map<String, String> tags, long epochNanos) {
        add(measurement, fields, tags, epochNanos, MetricType.UNTYPED);
    }

    @Override
    public void addGauge(String measurement, Map<String, ?> fields, Map<String, String> tags) {
        add(measurement, fields, tags, clock.nowNanos(), MetricType.GAUGE);
    }

    @Override
    public void addGauge(String measurement, Map<String, ?> fields, Map<String, String> tags, long epochNanos) {
        add(measurement, fields, tags, epochNanos, MetricType.GAUGE);
    }

    @Override
    public void addCounter(String measurement, Map<String, ?> fields, Map<String, String> tags) {
        add(measurement, fields, tags, clock.nowNanos(), MetricType.COUNTER);
    }

    @Override
    public void addCounter(String measurement, Map<String, ?> fields, Map<String, String> tags, long epochNanos) {
        add(measurement, fields, tags, epochNanos, MetricType.COUNTER);
    }

    @Override
    public void addMetric(Metric metric) {
        input.process(metric, precision.round(metric.timestamp()), sink);
    }

    @Override
    public void addError(Throwable error) {
        if (error != null) {
            input.logPluginError(error);
        }
    }

    private void add(String measurement, Map<String, ?> fields, Map<String, String> tags, long time, MetricType type) {
        Metric metric;
        try {
            metric = Metric.builder(measurement).type(type).tags(tags).fields(fields).time(precision.round(time)).build();
        } catch (IllegalArgumentException | NullPointerException e) {
            // A value the metric model cannot hold: report it like any other plugin error.
            input.logPluginError(e);
            return;
        }
        input.process(metric, metric.timestamp(), sink);
    }
}
