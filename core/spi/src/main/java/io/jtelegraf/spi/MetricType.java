package io.jtelegraf.spi;

/**
 * The value type of a metric, as Telegraf's {@code telegraf.ValueType}. Line protocol ignores it;
 * type-aware outputs may use it.
 */
public enum MetricType {
    UNTYPED,
    COUNTER,
    GAUGE,
    SUMMARY,
    HISTOGRAM
}
