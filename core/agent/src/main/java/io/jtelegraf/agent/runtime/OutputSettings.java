package io.jtelegraf.agent.runtime;

import io.jtelegraf.agent.filter.FilterSpec;
import java.time.Duration;
import java.util.Optional;

/**
 * The effective common options of one output instance (spec 2.2).
 *
 * @param pluginId for example {@code outputs.influxdb}
 * @param alias the instance alias
 * @param flushInterval flush period, &gt; 0
 * @param flushJitter random extra wait bound per flush
 * @param metricBatchSize metrics per write, &gt; 0
 * @param metricBufferLimit buffer capacity, &gt; 0
 * @param nameOverride "" = none
 * @param namePrefix "" = none
 * @param nameSuffix "" = none
 * @param filter the output's filters
 */
public record OutputSettings(
        String pluginId,
        Optional<String> alias,
        Duration flushInterval,
        Duration flushJitter,
        int metricBatchSize,
        int metricBufferLimit,
        String nameOverride,
        String namePrefix,
        String nameSuffix,
        FilterSpec filter) {

    /** The log source: {@code outputs.influxdb} or {@code outputs.influxdb::alias}. */
    public String logName() {
        return alias.map(a -> pluginId + "::" + a).orElse(pluginId);
    }
}
