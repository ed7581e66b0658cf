package io.jtelegraf.agent.internal;

import io.jtelegraf.spi.Accumulator;
import io.jtelegraf.spi.Input;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reports {@link SelfStats} as {@code internal_agent}, {@code internal_gather},
 * {@code internal_write} and, with {@code collect_memstats}, {@code internal_memstats}. Every
 * metric carries {@code version=<agent version>}. Without {@code per_instance} the instances of
 * one plugin with the same alias are summed; with it each carries an {@code _id} tag.
 */
final class InternalInput implements Input {
    private final SelfStats stats;
    private final String version;
    private final boolean collectMemstats;
    private final boolean perInstance;
    private final JvmMemStats memStats;

    InternalInput(SelfStats stats, String version, boolean collectMemstats, boolean perInstance, JvmMemStats memStats) {
        this.stats = stats;
        this.version = version;
        this.collectMemstats = collectMemstats;
        this.perInstance = perInstance;
        this.memStats = memStats;
    }

    @Override
    public void gather(Accumulator accumulator) {
        if (collectMemstats) {
            accumulator.addFields("internal_memstats", memStats.fields(), Map.of("version", version));
        }
        AgentStats agent = stats.agent();
        Map<String, Long> agentFields = new LinkedHashMap<>();
        agentFields.put("gather_errors", agent.gatherErrors());
        agentFields.put("gather_timeouts", agent.gatherTimeouts());
        agentFields.put("metrics_dropped", agent.metricsDropped());
        agentFields.put("metrics_gathered", agent.metricsGathered());
        agentFields.put("metrics_rejected", agent.metricsRejected());
        agentFields.put("metrics_written", agent.metricsWritten());
        agentFields.put("write_errors", agent.writeErrors());
        accumulator.addFields("internal_agent", agentFields, Map.of("version", version));

        Map<Map<String, String>, Map<String, Long>> gather = new LinkedHashMap<>();
        for (InputStats input : stats.inputs()) {
            Map<String, Long> fields = group(gather, "input", input.input(), input.alias(), input.id());
            add(fields, "errors", input.errors());
            add(fields, "gather_errors", input.gatherErrors());
            add(fields, "gather_time_ns", input.gatherTimeAverageAndReset());
            add(fields, "gather_timeouts", input.gatherTimeouts());
            add(fields, "metrics_gathered", input.metricsGathered());
            add(fields, "startup_errors", input.startupErrors());
        }
        gather.forEach((tags, fields) -> accumulator.addFields("internal_gather", fields, tags));

        Map<Map<String, String>, Map<String, Long>> write = new LinkedHashMap<>();
        for (OutputStats output : stats.outputs()) {
            Map<String, Long> fields = group(write, "output", output.output(), output.alias(), output.id());
            add(fields, "buffer_limit", output.bufferLimit());
            add(fields, "buffer_size", output.bufferSize());
            add(fields, "errors", output.errors());
            add(fields, "metrics_added", output.metricsAdded());
            add(fields, "metrics_dropped", output.metricsDropped());
            add(fields, "metrics_filtered", output.metricsFiltered());
            add(fields, "metrics_rejected", output.metricsRejected());
            add(fields, "metrics_written", output.metricsWritten());
            add(fields, "startup_errors", output.startupErrors());
            add(fields, "write_errors", output.writeErrors());
            add(fields, "write_time_ns", output.writeTimeAverageAndReset());
        }
        write.forEach((tags, fields) -> accumulator.addFields("internal_write", fields, tags));
    }

    /** The field map of the instance's group: its tag set, which includes _id only per instance. */
    private Map<String, Long> group(Map<Map<String, String>, Map<String, Long>> groups, String pluginTag,
                                    String plugin, Optional<String> alias, long id) {
        Map<String, String> tags = new TreeMap<>();
        tags.put(pluginTag, plugin);
        tags.put("version", version);
        alias.ifPresent(a -> tags.put("alias", a));
        if (perInstance) {
            tags.put("_id", Long.toString(id));
        }
        return groups.computeIfAbsent(tags, k -> new LinkedHashMap<>());
    }

    private static void add(Map<String, Long> fields, String field, long value) {
        fields.merge(field, value, Long::sum);
    }
}
