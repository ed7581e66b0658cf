package io.jtelegraf.spi;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One immutable measurement: a name, tags sorted by key, fields in insertion order, a timestamp in
 * nanoseconds since the Unix epoch and a {@link MetricType}.
 *
 * <p>Field values are narrowed when the metric is built: integers to {@link FieldType#LONG},
 * unsigned values to {@link FieldType#UNSIGNED}, floating point to {@link FieldType#DOUBLE},
 * booleans, and strings ({@code byte[]} is decoded as UTF-8). Anything else is rejected with the
 * field key in the message. Values are stored in primitive arrays, so a metric of numeric fields
 * holds no boxed objects.
 *
 * <p>Threading: instances are immutable and safe to share between threads. The runtime hands the
 * same instance to several outputs.
 */
public final class Metric {
    private static final BigInteger UNSIGNED_LIMIT = BigInteger.ONE.shiftLeft(64);
    private static final String[] NO_STRINGS = new String[0];

    /**
     * Tag keys sort in UTF-8 byte order, as Telegraf's Go strings do. That is code point order,
     * which differs from {@link String#compareTo} (UTF-16 units) only for characters beyond
     * U+FFFF against U+E000..U+FFFF.
     */
    static final Comparator<String> TAG_ORDER = Metric::compareCodePoints;

    private final String name;
    private final String[] tagKeys;
    private final String[] tagValues;
    private final String[] fieldKeys;
    private final FieldType[] fieldTypes;
    private final long[] fieldBits;
    private final String[] fieldStrings;
    private final long timestamp;
    private final MetricType type;

    private Metric(String name, String[] tagKeys, String[] tagValues, String[] fieldKeys,
                   FieldType[] fieldTypes, long[] fieldBits, String[] fieldStrings,
                   long timestamp, MetricType type) {
        this.name = name;
        this.tagKeys = tagKeys;
        this.tagValues = tagValues;
        this.fieldKeys = fieldKeys;
        this.fieldTypes = fieldTypes;
        this.fieldBits = fieldBits;
        this.fieldStrings = fieldStrings;
        this.timestamp = timestamp;
        this.type = type;
    }

    /**
     * A metric made by {@link MetricShape}: takes the arrays as they are (the shape's shared key
     * and type arrays, fresh value arrays), so nothing here may change them.
     */
    static Metric ofShape(String name, String[] tagKeys, String[] tagValues, String[] fieldKeys, FieldType[] fieldTypes,
                          long[] fieldBits, long timestamp, MetricType type) {
        return new Metric(name, tagKeys, tagValues, fieldKeys, fieldTypes, fieldBits, NO_STRINGS, timestamp, type);
    }

    /** Starts a metric called {@code name}; the builder's default type is {@link MetricType#UNTYPED}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * A builder holding this metric's parts, to derive a changed metric. The builder shares this
     * metric's arrays until it changes them (copy on write), so deriving a metric that differs in
     * its name, time or tags does not copy the fields.
     */
    public Builder toBuilder() {
        Builder builder = new Builder(name, true);
        builder.tagKeys = tagKeys;
        builder.tagValues = tagValues;
        builder.tagCount = tagKeys.length;
        builder.tagsShared = true;
        builder.fieldKeys = fieldKeys;
        builder.fieldTypes = fieldTypes;
        builder.fieldBits = fieldBits;
        builder.fieldStrings = fieldStrings;
        builder.fieldCount = fieldKeys.length;
        builder.fieldsShared = true;
        builder.timestamp = timestamp;
        builder.timestampSet = true;
        builder.type = type;
        return builder;
    }

    /**
     * This metric at time {@code epochNanos}, with every tag of {@code defaults} whose key it
     * lacks added (its own tags win). Shares this metric's fields and, for metrics of one tag-key
     * shape, one merged key array; returns {@code this} when nothing changes. The runtime's input
     * pipeline derives every gathered metric this way when no rename or modifier applies.
     */
    public Metric withTimeAndDefaultTags(long epochNanos, DefaultTags defaults) {
        DefaultTags.Merge merge = defaults.mergeFor(tagKeys);
        if (merge.addsNothing) {
            return epochNanos == timestamp ? this
                    : new Metric(name, tagKeys, tagValues, fieldKeys, fieldTypes, fieldBits, fieldStrings, epochNanos, type);
        }
        return new Metric(name, merge.keys, merge.values(tagValues), fieldKeys, fieldTypes, fieldBits, fieldStrings,
                epochNanos, type);
    }

    /**
     * Whether this metric and {@code other} share their name, tag keys, field keys and field types
     * as objects, as metrics of one {@link MetricShape} or one reused {@link Builder} do: then
     * they have the same keys in the same order with the same types, known without comparing
     * text. False does not mean that they differ. Serializers use it to reuse what they worked
     * out for one metric's keys.
     */
    public boolean sharesKeysWith(Metric other) {
        return tagKeys == other.tagKeys && fieldKeys == other.fieldKeys && fieldTypes == other.fieldTypes
                && name == other.name;
    }

    public String name() {
        return name;
    }

    public long timestamp() {
        return timestamp;
    }

    public MetricType type() {
        return type;
    }

    public int tagCount() {
        return tagKeys.length;
    }

    /** The key of the {@code index}-th tag in ascending key order. */
    public String tagKey(int index) {
        return tagKeys[index];
    }

    public String tagValue(int index) {
        return tagValues[index];
    }

    private static int compareCodePoints(String left, String right) {
        if (left == right) {
            return 0;
        }
        int length = Math.min(left.length(), right.length());
        for (int i = 0; i < length; i++) {
            char a = left.charAt(i);
            char b = right.charAt(i);
            if (a != b) {
                if (Character.isSurrogate(a) == Character.isSurrogate(b)) {
                    return a - b;
                }
                // A surrogate (start of a code point above U+FFFF) sorts after every other char.
                return Character.isSurrogate(a) ? 1 : -1;
            }
        }
        return left.length() - right.length();
    }

    /** The value of tag {@code key}, or {@code null} when the metric has no such tag. */
    public String tag(String key) {
        int index = Arrays.binarySearch(tagKeys, key, TAG_ORDER);
        return index >= 0 ? tagValues[index] : null;
    }

    /** The tags as an unmodifiable map sorted by key (a new view object each call). */
    public SortedMap<String, String> tags() {
        TreeMap<String, String> map = new TreeMap<>(TAG_ORDER);
        for (int i = 0; i < tagKeys.length; i++) {
            map.put(tagKeys[i], tagValues[i]);
        }
        return Collections.unmodifiableSortedMap(map);
    }

    public int fieldCount() {
        return fieldKeys.length;
    }

    public String fieldKey(int index) {
        return fieldKeys[index];
    }

    public FieldType fieldType(int index) {
        return fieldTypes[index];
    }

    /** The value of a {@link FieldType#LONG} or the bits of a {@link FieldType#UNSIGNED} field. */
    public long longValue(int index) {
        requireType(index, FieldType.LONG, FieldType.UNSIGNED);
        return fieldBits[index];
    }

    public double doubleValue(int index) {
        requireType(index, FieldType.DOUBLE, FieldType.DOUBLE);
        return Double.longBitsToDouble(fieldBits[index]);
    }

    public boolean booleanValue(int index) {
        requireType(index, FieldType.BOOLEAN, FieldType.BOOLEAN);
        return fieldBits[index] != 0;
    }

    public String stringValue(int index) {
        requireType(index, FieldType.STRING, FieldType.STRING);
        return fieldStrings[index];
    }

    /**
     * The boxed value of a field: {@link Long}, {@link BigInteger} for unsigned values,
     * {@link Double}, {@link Boolean} or {@link String}. Meant for tests and slow paths.
     */
    public Object fieldValue(int index) {
        switch (fieldTypes[index]) {
            case LONG:
                return fieldBits[index];
            case UNSIGNED:
                return new BigInteger(Long.toUnsignedString(fieldBits[index]));
            case DOUBLE:
                return Double.longBitsToDouble(fieldBits[index]);
            case BOOLEAN:
                return fieldBits[index] != 0;
            default:
                return fieldStrings[index];
        }
    }

    /** The index of field {@code key}, or -1. */
    public int fieldIndex(String key) {
        for (int i = 0; i < fieldKeys.length; i++) {
            if (fieldKeys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The fields in insertion order with values as {@link #fieldValue(int)} boxes them. */
    public Map<String, Object> fields() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < fieldKeys.length; i++) {
            map.put(fieldKeys[i], fieldValue(i));
        }
        return Collections.unmodifiableMap(map);
    }

    private void requireType(int index, FieldType expected, FieldType alternative) {
        FieldType actual = fieldTypes[index];
        if (actual != expected && actual != alternative) {
            throw new IllegalStateException("field " + fieldKeys[index] + " is " + actual + ", not " + expected);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Metric)) {
            return false;
        }
        Metric that = (Metric) other;
        return timestamp == that.timestamp && type == that.type && name.equals(that.name)
                && Arrays.equals(tagKeys, that.tagKeys) && Arrays.equals(tagValues, that.tagValues)
                && Arrays.equals(fieldKeys, that.fieldKeys) && Arrays.equals(fieldTypes, that.fieldTypes)
                && Arrays.equals(fieldBits, that.fieldBits) && Arrays.equals(fieldStrings, that.fieldStrings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(tagKeys), Arrays.hashCode(tagValues),
                Arrays.hashCode(fieldKeys), Arrays.hashCode(fieldBits), timestamp);
    }

    @Override
    public String toString() {
        return name + tags() + fields() + " " + timestamp + " " + type;
    }

    /**
     * Builds a {@link Metric}. Tags may be added in any order (a repeated key replaces the value);
     * fields keep insertion order (a repeated key replaces the value in place). Not thread-safe.
     *
     * <p>A builder can be reused for many metrics of one shape (an input's per-measurement
     * builder): metrics built in a row with the same tag keys, field keys and field types share
     * those arrays, which keeps buffered metrics small.
     */
    public static final class Builder {
        private static final int INITIAL_CAPACITY = 8;

        private String name;
        private String[] tagKeys;
        private String[] tagValues;
        private int tagCount;
        private String[] fieldKeys;
        private FieldType[] fieldTypes;
        private long[] fieldBits;
        private String[] fieldStrings = NO_STRINGS;
        private int fieldCount;
        private long timestamp;
        private boolean timestampSet;
        private MetricType type = MetricType.UNTYPED;
        /** The tag arrays belong to a built metric: copy before changing them. */
        private boolean tagsShared;
        /** The field arrays belong to a built metric: copy before changing them. */
        private boolean fieldsShared;
        /**
         * Where the next field key probably is: a reused builder is given its fields in the same
         * order for every metric, so the key is found by one identity check instead of a scan.
         */
        private int nextFieldHint;
        /**
         * Whether a key was added or removed or a field changed its type since the last build:
         * until then the key and type arrays of the last metric built still fit, unchecked.
         */
        private boolean shapeChanged = true;
        /** Key and type arrays of the last metric built, reused when the next has the same ones. */
        private String[] builtTagKeys;
        private String[] builtFieldKeys;
        private FieldType[] builtFieldTypes;

        private Builder(String name) {
            this(name, false);
            this.tagKeys = new String[INITIAL_CAPACITY];
            this.tagValues = new String[INITIAL_CAPACITY];
            this.fieldKeys = new String[INITIAL_CAPACITY];
            this.fieldTypes = new FieldType[INITIAL_CAPACITY];
            this.fieldBits = new long[INITIAL_CAPACITY];
        }

        /** A builder whose arrays the caller sets ({@link Metric#toBuilder()} shares its own). */
        private Builder(String name, boolean arraysSetByCaller) {
            this.name = Objects.requireNonNull(name, "name");
        }

        private void ownTags() {
            if (tagsShared) {
                int capacity = Math.max(tagCount + 4, INITIAL_CAPACITY);
                tagKeys = Arrays.copyOf(tagKeys, capacity);
                tagValues = Arrays.copyOf(tagValues, capacity);
                tagsShared = false;
            }
        }

        private void ownFields() {
            if (fieldsShared) {
                int capacity = Math.max(fieldCount + 4, INITIAL_CAPACITY);
                fieldKeys = Arrays.copyOf(fieldKeys, capacity);
                fieldTypes = Arrays.copyOf(fieldTypes, capacity);
                fieldBits = Arrays.copyOf(fieldBits, capacity);
                if (fieldStrings.length > 0) {
                    fieldStrings = Arrays.copyOf(fieldStrings, capacity);
                }
                fieldsShared = false;
            }
        }

        public Builder name(String newName) {
            this.name = Objects.requireNonNull(newName, "name");
            return this;
        }

        public Builder type(MetricType newType) {
            this.type = Objects.requireNonNull(newType, "type");
            return this;
        }

        /** The timestamp in nanoseconds since the Unix epoch (may be negative). */
        public Builder time(long epochNanos) {
            this.timestamp = epochNanos;
            this.timestampSet = true;
            return this;
        }

        public boolean hasTime() {
            return timestampSet;
        }

        /**
         * The index of tag {@code key}, or {@code -(insertion point) - 1}. Plugins pass the same
         * String objects for their keys every time, so an identity scan of the few tags usually
         * finds it before the ordered search, whose comparisons walk the characters.
         */
        private int findTag(String key) {
            for (int i = 0; i < tagCount; i++) {
                if (tagKeys[i] == key) {
                    return i;
                }
            }
            return Arrays.binarySearch(tagKeys, 0, tagCount, key, TAG_ORDER);
        }

        public Builder tag(String key, String value) {
            Objects.requireNonNull(key, "tag key");
            Objects.requireNonNull(value, () -> "value of tag " + key);
            int index = findTag(key);
            if (index >= 0) {
                if (tagValues[index] != value) {
                    ownTags();
                    tagValues[index] = value;
                }
                return this;
            }
            ownTags();
            shapeChanged = true;
            int insertAt = -index - 1;
            if (tagCount == tagKeys.length) {
                tagKeys = Arrays.copyOf(tagKeys, tagCount * 2);
                tagValues = Arrays.copyOf(tagValues, tagCount * 2);
            }
            System.arraycopy(tagKeys, insertAt, tagKeys, insertAt + 1, tagCount - insertAt);
            System.arraycopy(tagValues, insertAt, tagValues, insertAt + 1, tagCount - insertAt);
            tagKeys[insertAt] = key;
            tagValues[insertAt] = value;
            tagCount++;
            return this;
        }

        /** Adds the tag only when no tag with that key is present (Telegraf's "do not overwrite"). */
        public Builder tagIfAbsent(String key, String value) {
            if (findTag(key) < 0) {
                tag(key, value);
            }
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            if (tags != null) {
                tags.forEach(this::tag);
            }
            return this;
        }

        public String tag(String key) {
            int index = findTag(key);
            return index >= 0 ? tagValues[index] : null;
        }

        public Builder removeTag(String key) {
            int index = findTag(key);
            if (index >= 0) {
                ownTags();
                shapeChanged = true;
                System.arraycopy(tagKeys, index + 1, tagKeys, index, tagCount - index - 1);
                System.arraycopy(tagValues, index + 1, tagValues, index, tagCount - index - 1);
                tagCount--;
                tagKeys[tagCount] = null;
                tagValues[tagCount] = null;
            }
            return this;
        }

        public int tagCount() {
            return tagCount;
        }

        public String tagKey(int index) {
            return tagKeys[index];
        }

        public Builder field(String key, long value) {
            return put(key, FieldType.LONG, value, null);
        }

        /** An unsigned 64-bit value given by its bits (e.g. {@code -1L} is 2^64-1). */
        public Builder unsignedField(String key, long bits) {
            return put(key, FieldType.UNSIGNED, bits, null);
        }

        public Builder field(String key, double value) {
            return put(key, FieldType.DOUBLE, Double.doubleToRawLongBits(value), null);
        }

        public Builder field(String key, boolean value) {
            return put(key, FieldType.BOOLEAN, value ? 1 : 0, null);
        }

        public Builder field(String key, String value) {
            return put(key, FieldType.STRING, 0, Objects.requireNonNull(value, () -> "value of field " + key));
        }

        /**
         * Adds a value of any supported Java type, narrowed as Telegraf does: Byte/Short/Integer/
         * Long to LONG, Float/Double to DOUBLE, Boolean, String and CharSequence, byte[] as UTF-8,
         * BigInteger in [0, 2^64) to UNSIGNED (negative BigIntegers that fit a long to LONG).
         * A {@code null} value is silently skipped, as Telegraf omits fields without a value.
         *
         * @throws IllegalArgumentException for any other type, naming the key
         */
        public Builder fieldValue(String key, Object value) {
            if (value == null) {
                return this;
            }
            if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return field(key, ((Number) value).longValue());
            }
            if (value instanceof Double || value instanceof Float) {
                return field(key, ((Number) value).doubleValue());
            }
            if (value instanceof Boolean) {
                return field(key, (boolean) (Boolean) value);
            }
            if (value instanceof CharSequence) {
                return field(key, value.toString());
            }
            if (value instanceof byte[]) {
                return field(key, new String((byte[]) value, StandardCharsets.UTF_8));
            }
            if (value instanceof BigInteger) {
                BigInteger big = (BigInteger) value;
                if (big.signum() >= 0 && big.compareTo(UNSIGNED_LIMIT) < 0) {
                    return unsignedField(key, big.longValue());
                }
                if (big.bitLength() < 64) {
                    return field(key, big.longValue());
                }
                throw new IllegalArgumentException("field " + key + ": integer " + big + " does not fit 64 bits");
            }
            throw new IllegalArgumentException("field " + key + ": unsupported value type " + value.getClass().getName());
        }

        public Builder fields(Map<String, ?> fields) {
            if (fields != null) {
                fields.forEach(this::fieldValue);
            }
            return this;
        }

        public Builder removeField(String key) {
            for (int i = 0; i < fieldCount; i++) {
                if (fieldKeys[i].equals(key)) {
                    removeFieldAt(i);
                    return this;
                }
            }
            return this;
        }

        public int fieldCount() {
            return fieldCount;
        }

        public String fieldKey(int index) {
            return fieldKeys[index];
        }

        /** Removes the field at {@code index}, keeping the order of the others. */
        public Builder removeFieldAt(int index) {
            ownFields();
            shapeChanged = true;
            int tail = fieldCount - index - 1;
            System.arraycopy(fieldKeys, index + 1, fieldKeys, index, tail);
            System.arraycopy(fieldTypes, index + 1, fieldTypes, index, tail);
            System.arraycopy(fieldBits, index + 1, fieldBits, index, tail);
            if (fieldStrings.length > 0) {
                System.arraycopy(fieldStrings, index + 1, fieldStrings, index, tail);
                fieldStrings[fieldCount - 1] = null;
            }
            fieldCount--;
            fieldKeys[fieldCount] = null;
            return this;
        }

        /** Removes the tag at {@code index} in key order. */
        public Builder removeTagAt(int index) {
            return removeTag(tagKeys[index]);
        }

        private Builder put(String key, FieldType fieldType, long bits, String string) {
            Objects.requireNonNull(key, "field key");
            ownFields();
            int index = nextFieldHint < fieldCount && fieldKeys[nextFieldHint] == key ? nextFieldHint : indexOfField(key);
            if (index < 0) {
                if (fieldCount == fieldKeys.length) {
                    int capacity = fieldCount * 2;
                    fieldKeys = Arrays.copyOf(fieldKeys, capacity);
                    fieldTypes = Arrays.copyOf(fieldTypes, capacity);
                    fieldBits = Arrays.copyOf(fieldBits, capacity);
                    if (fieldStrings.length > 0) {
                        fieldStrings = Arrays.copyOf(fieldStrings, capacity);
                    }
                }
                index = fieldCount++;
                fieldKeys[index] = key;
                shapeChanged = true;
            } else if (fieldTypes[index] != fieldType) {
                shapeChanged = true;
            }
            nextFieldHint = index + 1;
            fieldTypes[index] = fieldType;
            fieldBits[index] = bits;
            if (string != null && fieldStrings.length == 0) {
                fieldStrings = new String[fieldKeys.length];
            }
            if (fieldStrings.length > 0) {
                fieldStrings[index] = string;
            }
            return this;
        }

        private int indexOfField(String key) {
            for (int i = 0; i < fieldCount; i++) {
                if (fieldKeys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * Builds the metric.
         *
         * @throws IllegalStateException when no timestamp was set
         */
        public Metric build() {
            if (!timestampSet) {
                throw new IllegalStateException("metric " + name + " has no timestamp");
            }
            nextFieldHint = 0;
            boolean sameShape = !shapeChanged;
            shapeChanged = false;
            String[] keys;
            String[] values;
            if (tagsShared) {
                keys = tagKeys;
                values = tagValues;
            } else {
                keys = builtTagKeys = sameShape && builtTagKeys != null ? builtTagKeys
                        : sameOrCopy(builtTagKeys, tagKeys, tagCount);
                values = Arrays.copyOf(tagValues, tagCount);
            }
            if (fieldsShared) {
                return new Metric(name, keys, values, fieldKeys, fieldTypes, fieldBits, fieldStrings, timestamp, type);
            }
            String[] strings = NO_STRINGS;
            if (fieldStrings.length > 0) {
                for (int i = 0; i < fieldCount; i++) {
                    if (fieldTypes[i] == FieldType.STRING) {
                        strings = Arrays.copyOf(fieldStrings, fieldCount);
                        break;
                    }
                }
            }
            if (!sameShape || builtFieldKeys == null) {
                builtFieldKeys = sameOrCopy(builtFieldKeys, fieldKeys, fieldCount);
                builtFieldTypes = sameOrCopy(builtFieldTypes, fieldTypes, fieldCount);
            }
            return new Metric(name, keys, values, builtFieldKeys, builtFieldTypes, Arrays.copyOf(fieldBits, fieldCount),
                    strings, timestamp, type);
        }

        /**
         * {@code last} when it holds the same elements (by identity) as the first {@code count}
         * of {@code current}, else a copy of them. Built arrays are never changed, so metrics of
         * one shape can share them.
         */
        private static <T> T[] sameOrCopy(T[] last, T[] current, int count) {
            if (last != null && last.length == count) {
                int i = 0;
                while (i < count && last[i] == current[i]) {
                    i++;
                }
                if (i == count) {
                    return last;
                }
            }
            return Arrays.copyOf(current, count);
        }
    }
}
