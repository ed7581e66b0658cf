package io.jtelegraf.inputs.ipvs;

import io.jtelegraf.spi.Metric;

/**
 * A long-lived {@link Metric.Builder} whose tags are only set through this class, so it knows the
 * String each tag holds and skips {@link Metric.Builder#tag} (a search of the sorted tags) when a
 * metric carries the very same String again. The real servers of one service share the service's
 * tags, which are therefore set once per service instead of once per real server. The builder's
 * content is the same as if every tag were set every time. Not thread-safe.
 */
final class TrackedTags {
    private final Metric.Builder builder;
    private final String[] keys;
    private final String[] values;

    /** Tracks the tags of {@code builder}, which nothing else may change; index {@code i} below means {@code keys[i]}. */
    TrackedTags(Metric.Builder builder, String... keys) {
        this.builder = builder;
        this.keys = keys.clone();
        this.values = new String[keys.length];
    }

    Metric.Builder builder() {
        return builder;
    }

    /** Sets tag {@code index} to {@code value} unless it holds this String object already. */
    void set(int index, String value) {
        if (values[index] != value) {
            builder.tag(keys[index], value);
            values[index] = value;
        }
    }

    /** Removes tag {@code index} if present. */
    void remove(int index) {
        if (values[index] != null) {
            builder.removeTag(keys[index]);
            values[index] = null;
        }
    }
}
