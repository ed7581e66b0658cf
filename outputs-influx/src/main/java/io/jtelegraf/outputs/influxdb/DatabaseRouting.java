package io.jtelegraf.outputs.influxdb;

import io.jtelegraf.spi.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a batch into one group per (database, retention policy), from the configured tags with
 * the configured values as fallback (spec 7.3). Excluded routing tags are removed from copies:
 * the buffered metrics are shared and are retried as they were (Telegraf PR #6486, #7310).
 */
final class DatabaseRouting {
    private DatabaseRouting() {
    }

    /**
     * One request's worth of metrics.
     *
     * @param database the {@code db} parameter
     * @param retentionPolicy the {@code rp} parameter, empty for none
     * @param metrics what to send (copies when a tag was excluded)
     * @param indices the positions of those metrics in the batch given to write
     */
    record Group(String database, String retentionPolicy, List<Metric> metrics, List<Integer> indices) {
    }

    static List<Group> group(InfluxDbConfig config, List<Metric> batch) {
        if (!config.routesByTag()) {
            List<Integer> all = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                all.add(i);
            }
            return List.of(new Group(config.database(), config.retentionPolicy(), batch, all));
        }
        Map<List<String>, Group> groups = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Metric metric = batch.get(i);
            String database = tagOr(metric, config.databaseTag(), config.database());
            String retentionPolicy = tagOr(metric, config.retentionPolicyTag(), config.retentionPolicy());
            Metric toSend = withoutRoutingTags(config, metric);
            Group group = groups.computeIfAbsent(List.of(database, retentionPolicy),
                    key -> new Group(database, retentionPolicy, new ArrayList<>(), new ArrayList<>()));
            group.metrics().add(toSend);
            group.indices().add(i);
        }
        return List.copyOf(groups.values());
    }

    private static Metric withoutRoutingTags(InfluxDbConfig config, Metric metric) {
        boolean dropDatabaseTag = config.excludeDatabaseTag() && !config.databaseTag().isEmpty()
                && metric.tag(config.databaseTag()) != null;
        boolean dropPolicyTag = config.excludeRetentionPolicyTag() && !config.retentionPolicyTag().isEmpty()
                && metric.tag(config.retentionPolicyTag()) != null;
        if (!dropDatabaseTag && !dropPolicyTag) {
            return metric;
        }
        Metric.Builder copy = metric.toBuilder();
        if (dropDatabaseTag) {
            copy.removeTag(config.databaseTag());
        }
        if (dropPolicyTag) {
            copy.removeTag(config.retentionPolicyTag());
        }
        return copy.build();
    }

    private static String tagOr(Metric metric, String tagKey, String fallback) {
        if (tagKey.isEmpty()) {
            return fallback;
        }
        String value = metric.tag(tagKey);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
