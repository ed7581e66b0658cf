package io.jtelegraf.spi;

import java.util.Map;

/**
 * Where an input puts what it gathered. Mirrors Telegraf's {@code telegraf.Accumulator}.
 *
 * <p>Methods without a timestamp stamp the metric with the current time at the moment of the
 * call; every timestamp is then rounded to the input's precision by the runtime. Renaming, extra
 * tags, global tags and filters are applied by the runtime, never by the plugin.
 *
 * <p>Threading: safe to call from several threads. An {@link Input} may use it only during
 * {@link Input#gather}; a {@link ServiceInput} may keep the accumulator given to
 * {@link ServiceInput#start} until {@link ServiceInput#stop} returns.
 */
public interface Accumulator {

    /** Adds an {@link MetricType#UNTYPED} metric stamped now. */
    void addFields(String measurement, Map<String, ?> fields, Map<String, String> tags);

    /** Adds an {@link MetricType#UNTYPED} metric with the given epoch-nanosecond timestamp. */
    void addFields(String measurement, Map<String, ?> fields, Map<String, String> tags, long epochNanos);

    /** Adds a {@link MetricType#GAUGE} metric stamped now. */
    void addGauge(String measurement, Map<String, ?> fields, Map<String, String> tags);

    /** Adds a {@link MetricType#GAUGE} metric with the given epoch-nanosecond timestamp. */
    void addGauge(String measurement, Map<String, ?> fields, Map<String, String> tags, long epochNanos);

    /** Adds a {@link MetricType#COUNTER} metric stamped now. */
    void addCounter(String measurement, Map<String, ?> fields, Map<String, String> tags);

    /** Adds a {@link MetricType#COUNTER} metric with the given epoch-nanosecond timestamp. */
    void addCounter(String measurement, Map<String, ?> fields, Map<String, String> tags, long epochNanos);

    /**
     * Adds a ready-made metric. Its timestamp is kept (and rounded to the precision). This is the
     * allocation-free path for inputs that build many metrics.
     */
    void addMetric(Metric metric);

    /**
     * Reports a non-fatal problem; the input goes on. The runtime logs it as
     * {@code Error in plugin: <message>}. A {@code null} error is ignored. Unlike an exception
     * thrown from {@link Input#gather}, it does not count as a gather error.
     */
    void addError(Throwable error);
}
