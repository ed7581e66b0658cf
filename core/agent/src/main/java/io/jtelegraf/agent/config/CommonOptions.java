package io.jtelegraf.agent.config;

import io.jtelegraf.agent.filter.FilterSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The common options of one plugin table exactly as written (spec 2.1/2.2), before agent
 * defaults are applied. Absent options are empty; {@code metricBatchSize} and
 * {@code metricBufferLimit} are 0 when not set as a positive TOML integer.
 */
record CommonOptions(
        Optional<String> alias,
        Optional<String> logLevel,
        String nameOverride,
        String namePrefix,
        String nameSuffix,
        Map<String, String> tags,
        FilterSpec filter,
        Optional<Duration> interval,
        Optional<Duration> precision,
        Optional<Duration> collectionJitter,
        Optional<Duration> collectionOffset,
        Optional<Duration> flushInterval,
        Optional<Duration> flushJitter,
        int metricBatchSize,
        int metricBufferLimit) {

    CommonOptions {
        tags = Map.copyOf(tags);
    }
}
