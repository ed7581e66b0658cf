package io.jtelegraf.outputs.influxdb.v2;

import io.jtelegraf.spi.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a batch by {@code bucket_tag} (fallback {@code bucket}). An excluded bucket tag is
 * removed from copies only: buffered metrics are shared and retried unchanged.
 */
final class BucketRouting {
    private BucketRouting() {
    }

    /**
     * One bucket's metrics.
     *
     * @param bucket the {@code bucket} parameter
     * @param metrics what to send (copies when the tag was excluded)
     * @param indices the positions of those metrics in the batch given to write
     */
    record Group(String bucket, List<Metric> metrics, List<Integer> indices) {
    }

    static List<Group> group(InfluxDbV2Config config, List<Metric> batch) {
        Map<String, Group> groups = new LinkedHashMap<>();
        String tagKey = config.bucketTag();
        for (int i = 0; i < batch.size(); i++) {
            Metric metric = batch.get(i);
            String bucket = config.bucket();
            if (!tagKey.isEmpty()) {
                String value = metric.tag(tagKey);
                if (value != null && !value.isEmpty()) {
                    bucket = value;
                }
                if (config.excludeBucketTag() && value != null) {
                    metric = metric.toBuilder().removeTag(tagKey).build();
                }
            }
            String key = bucket;
            Group group = groups.computeIfAbsent(key, b -> new Group(b, new ArrayList<>(), new ArrayList<>()));
            group.metrics().add(metric);
            group.indices().add(i);
        }
        return List.copyOf(groups.values());
    }
}
