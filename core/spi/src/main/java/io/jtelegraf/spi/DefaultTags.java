package io.jtelegraf.spi;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Tags that metrics receive when they have no tag of that key, as Telegraf adds an input's
 * {@code tags} and the global tags ({@code host} included) without overwriting the metric's own.
 * Used with {@link Metric#withTimeAndDefaultTags(long, DefaultTags)}.
 *
 * <p>Metrics built by one long-lived {@link Metric.Builder} share their tag-key array, so the
 * merge of a shape's keys with these tags is worked out once and remembered (a few shapes, keyed
 * by the identity of the metric's key array, else by its content); every later metric of that
 * shape costs one value array and the metric object.
 *
 * <p>Lifecycle: made once per configured input (or any fixed set of tags) and kept for its life.
 * Threading: safe from any thread; the remembered merges are immutable and published through a
 * volatile field, so a race only computes a merge twice.
 */
public final class DefaultTags {
    /** Tag-key shapes remembered; an input has few (the ipvs input four). */
    private static final int REMEMBERED_SHAPES = 8;
    private static final DefaultTags NONE = new DefaultTags(new String[0], new String[0]);

    private final String[] keys;
    private final String[] values;
    private volatile Merge[] merges = new Merge[0];

    private DefaultTags(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** No tags: metrics keep their tags. */
    public static DefaultTags none() {
        return NONE;
    }

    /** The tags of {@code tags} (keys and values must not be null). */
    public static DefaultTags of(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return NONE;
        }
        String[] keys = tags.keySet().toArray(new String[0]);
        for (String key : keys) {
            Objects.requireNonNull(tags.get(key), () -> "value of tag " + key);
        }
        Arrays.sort(keys, Metric.TAG_ORDER);
        String[] values = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            values[i] = tags.get(keys[i]);
        }
        return new DefaultTags(keys, values);
    }

    public boolean isEmpty() {
        return keys.length == 0;
    }

    /** How a metric whose sorted tag keys are {@code metricKeys} gets these tags. */
    Merge mergeFor(String[] metricKeys) {
        Merge[] known = merges;
        for (Merge merge : known) {
            if (merge.source == metricKeys) {
                return merge;
            }
        }
        // Metrics made from maps (Accumulator.addFields) bring a new key array each time: the
        // same keys still share the merge, and do not push the builders' shapes out.
        for (Merge merge : known) {
            if (Arrays.equals(merge.source, metricKeys)) {
                return merge;
            }
        }
        Merge merge = Merge.of(metricKeys, keys, values);
        Merge[] updated = new Merge[Math.min(known.length + 1, REMEMBERED_SHAPES)];
        updated[0] = merge;
        System.arraycopy(known, 0, updated, 1, updated.length - 1);
        merges = updated;
        return merge;
    }

    /**
     * The merged key array of one shape and where each merged value comes from. Immutable.
     */
    static final class Merge {
        /** The metric key array this merge was made for (compared by identity). */
        final String[] source;
        /** The sorted keys of the result. */
        final String[] keys;
        /** Whether the result has exactly the metric's tags (every default key is taken). */
        final boolean addsNothing;
        /** Per merged key: index {@code i >= 0} into the metric's values, {@code -1 - j} into the defaults'. */
        private final int[] origins;
        private final String[] defaultValues;

        private Merge(String[] source, String[] keys, int[] origins, String[] defaultValues) {
            this.source = source;
            this.keys = keys;
            this.origins = origins;
            this.defaultValues = defaultValues;
            this.addsNothing = origins == null;
        }

        static Merge of(String[] metricKeys, String[] defaultKeys, String[] defaultValues) {
            String[] merged = new String[metricKeys.length + defaultKeys.length];
            int[] origins = new int[merged.length];
            int count = 0;
            int m = 0;
            int d = 0;
            while (m < metricKeys.length || d < defaultKeys.length) {
                int order = m == metricKeys.length ? 1
                        : d == defaultKeys.length ? -1
                        : Metric.TAG_ORDER.compare(metricKeys[m], defaultKeys[d]);
                if (order <= 0) {
                    // The metric's own tag wins over a default of the same key.
                    merged[count] = metricKeys[m];
                    origins[count++] = m++;
                    if (order == 0) {
                        d++;
                    }
                } else {
                    merged[count] = defaultKeys[d];
                    origins[count++] = -1 - d++;
                }
            }
            if (count == metricKeys.length) {
                return new Merge(metricKeys, metricKeys, null, defaultValues);
            }
            return new Merge(metricKeys, Arrays.copyOf(merged, count), Arrays.copyOf(origins, count), defaultValues);
        }

        /** The merged values for a metric of this shape with {@code metricValues}. */
        String[] values(String[] metricValues) {
            String[] result = new String[origins.length];
            for (int i = 0; i < origins.length; i++) {
                int origin = origins[i];
                result[i] = origin >= 0 ? metricValues[origin] : defaultValues[-1 - origin];
            }
            return result;
        }
    }
}
