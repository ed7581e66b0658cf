package io.jtelegraf.spi;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The fixed part of a family of metrics: name, {@link MetricType}, tag keys, and numeric field
 * keys with their {@link FieldType}s. An input that emits many metrics of one layout (one per
 * server, per disk, per interface) makes the shape once and then builds each metric from its
 * values alone: no key lookups, no builder, and every metric of the shape shares the key and type
 * arrays, which keeps buffered metrics small.
 *
 * <p>Tag values are given in the order of {@link #tagIndex(String)} (the keys sorted as metrics
 * sort them); field values in the order the field keys were given, as the bits
 * {@link Metric.Builder} stores: the value of a {@link FieldType#LONG}, the bits of an
 * {@link FieldType#UNSIGNED}, {@link Double#doubleToRawLongBits} of a {@link FieldType#DOUBLE},
 * 1 or 0 for a {@link FieldType#BOOLEAN}. String fields are not supported; use
 * {@link Metric.Builder} for those.
 *
 * <p>Lifecycle: made once, typically when the plugin is constructed, and used for its life.
 * Threading: immutable and safe to share; {@link #metric} copies the value arrays it is given, so
 * callers may reuse them for the next metric.
 */
public final class MetricShape {
    private final String name;
    private final MetricType type;
    private final String[] tagKeys;
    private final String[] fieldKeys;
    private final FieldType[] fieldTypes;

    private MetricShape(String name, MetricType type, String[] tagKeys, String[] fieldKeys, FieldType[] fieldTypes) {
        this.name = name;
        this.type = type;
        this.tagKeys = tagKeys;
        this.fieldKeys = fieldKeys;
        this.fieldTypes = fieldTypes;
    }

    /**
     * A shape with these tag keys (any order) and these field keys and types (pairwise, in the
     * order the metric lists its fields).
     *
     * @throws IllegalArgumentException for a repeated key, a missing type, a string field type,
     *                                  or no fields at all
     */
    public static MetricShape of(String name, MetricType type, String[] tagKeys, String[] fieldKeys,
                                 FieldType[] fieldTypes) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        String[] sortedTags = tagKeys.clone();
        Arrays.sort(sortedTags, Metric.TAG_ORDER);
        requireDistinct(name, "tag", sortedTags);
        requireDistinct(name, "field", fieldKeys);
        if (fieldKeys.length == 0 || fieldKeys.length != fieldTypes.length) {
            throw new IllegalArgumentException("shape " + name + ": " + fieldKeys.length + " field keys and "
                    + fieldTypes.length + " field types; there must be as many types as keys, and at least one");
        }
        for (int i = 0; i < fieldTypes.length; i++) {
            if (fieldTypes[i] == null || fieldTypes[i] == FieldType.STRING) {
                throw new IllegalArgumentException("shape " + name + ": field " + fieldKeys[i]
                        + " must have a numeric or boolean type, not " + fieldTypes[i]);
            }
        }
        return new MetricShape(name, type, sortedTags, fieldKeys.clone(), fieldTypes.clone());
    }

    private static void requireDistinct(String name, String kind, String[] keys) {
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            if (!seen.add(Objects.requireNonNull(key, () -> "shape " + name + ": a " + kind + " key is null"))) {
                throw new IllegalArgumentException("shape " + name + ": " + kind + " key " + key + " is repeated");
            }
        }
    }

    public String name() {
        return name;
    }

    public int tagCount() {
        return tagKeys.length;
    }

    public int fieldCount() {
        return fieldKeys.length;
    }

    /** Where the value of tag {@code key} goes in the values given to {@link #metric}. */
    public int tagIndex(String key) {
        for (int i = 0; i < tagKeys.length; i++) {
            if (tagKeys[i].equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("shape " + name + " has no tag " + key);
    }

    /**
     * A metric of this shape.
     *
     * @param tagValues one value per tag key, in {@link #tagIndex} order, none null (copied)
     * @param fieldBits one value per field key, in the order the keys were given (copied)
     * @param epochNanos the timestamp in nanoseconds since the Unix epoch
     * @throws IllegalArgumentException when an array has the wrong length or a tag value is null
     */
    public Metric metric(String[] tagValues, long[] fieldBits, long epochNanos) {
        if (tagValues.length != tagKeys.length || fieldBits.length != fieldKeys.length) {
            throw new IllegalArgumentException("shape " + name + " takes " + tagKeys.length + " tag values and "
                    + fieldKeys.length + " field values, not " + tagValues.length + " and " + fieldBits.length);
        }
        String[] values = tagValues.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new IllegalArgumentException("shape " + name + ": value of tag " + tagKeys[i] + " is null");
            }
        }
        return Metric.ofShape(name, tagKeys, values, fieldKeys, fieldTypes, fieldBits.clone(), epochNanos, type);
    }
}
