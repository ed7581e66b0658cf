package io.jtelegraf.spi.lineprotocol;

import io.jtelegraf.spi.Metric;

/** Told about each metric a batch serialization skipped, for example to log it at debug level. */
@FunctionalInterface
public interface SkippedMetricListener {

    /** Ignores skipped metrics, as Telegraf's batch serializer does. */
    SkippedMetricListener IGNORE = (index, metric, reason) -> { };

    /**
     * @param index the metric's position in the batch
     * @param metric the skipped metric
     * @param reason why it cannot be serialized
     */
    void skipped(int index, Metric metric, SerializationException reason);
}
