package io.jtelegraf.spi.lineprotocol;

import io.jtelegraf.spi.FieldType;
import io.jtelegraf.spi.Metric;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The constant text of the lines of metrics that share their keys (see
 * {@link Metric#sharesKeysWith}), worked out once: the escaped name, tag keys and field keys with
 * the separators and type suffixes between them, as segments. A line is then written by copying
 * the segments between the tag values and the numbers, with no key looked up, escaped or checked.
 *
 * <p>Only keys that the general path would write as they are qualify: a non-empty name, tag keys
 * without trailing backslashes, non-empty field keys, integer fields only (a float may be NaN and
 * drop out of the line), no line limit. For other keys the layout is {@linkplain #usable unusable}
 * and the serializer takes its general path, as it does for a metric whose tag value is empty or
 * ends in a backslash (the tag would be left out).
 *
 * <p>Not thread-safe: it belongs to one serializer.
 */
final class SeriesLayout {
    /** Eight bytes at any offset of a byte array. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    /** A tag whose value changed on this many of its recent lines is written without the cache. */
    private static final int CHANGE_LIMIT = 8;

    /** A metric with these keys; others are matched against it by {@link Metric#sharesKeysWith}. */
    final Metric example;
    /** Whether metrics with these keys are written by {@link #write}. */
    final boolean usable;
    private final int tagCount;
    /**
     * Segment {@code i < tagCount} comes before tag value {@code i} (the name and the first key for
     * {@code i = 0}); segment {@code tagCount} before the first field value; segment
     * {@code tagCount + j} before field value {@code j > 0} (the previous suffix, a comma and the
     * key); the last one is the last field's suffix. Each array is padded to a multiple of eight
     * bytes so that it is copied in whole eight-byte moves.
     */
    private final byte[][] segments;
    private final int[] segmentLengths;
    /** Field indices in the order they are written (sorted with {@code influx_sort_fields}). */
    private final int[] fieldOrder;
    /** Per written field: an unsigned field written with the {@code u} suffix. */
    private final boolean[] unsignedSuffix;
    /** Per written field: an unsigned field clamped to the largest int64 (no {@code u} suffix). */
    private final boolean[] clamped;
    /**
     * Per tag: the last value written there and its cache entry (null when it was not cached).
     * Most tag values repeat from one line to the next (the virtual server of its real servers,
     * ports, protocols), and an entry that still holds the same String object is used without
     * hashing the value.
     */
    private final String[] lastTexts;
    private final EscapedTextCache.Entry[] lastEntries;
    /**
     * Per tag: how many of its recent lines brought a new value, up to {@link #CHANGE_LIMIT}. A
     * value that changes on nearly every line (the address of each real server) is escaped
     * straight into the line: looking each one up in the cache and keeping it there only evicts
     * other values, and in a large table those lookups miss the processor's caches.
     */
    private final int[] changes;
    private final EscapedTextCache values;
    private final boolean omitTimestamp;
    /** The last segment with the timestamp of {@link #footerTime} and the newline, padded. */
    private byte[] footer;
    private int footerLength;
    private long footerTime;
    private boolean footerMade;

    private SeriesLayout(Metric example) {
        this.example = example;
        this.usable = false;
        this.tagCount = 0;
        this.segments = null;
        this.segmentLengths = null;
        this.fieldOrder = null;
        this.unsignedSuffix = null;
        this.clamped = null;
        this.lastTexts = null;
        this.lastEntries = null;
        this.changes = null;
        this.values = null;
        this.omitTimestamp = false;
    }

    private SeriesLayout(Metric example, byte[][] segments, int[] segmentLengths, int[] fieldOrder,
                         boolean[] unsignedSuffix, boolean[] clamped, EscapedTextCache values, boolean omitTimestamp) {
        this.example = example;
        this.usable = true;
        this.tagCount = example.tagCount();
        this.segments = segments;
        this.segmentLengths = segmentLengths;
        this.fieldOrder = fieldOrder;
        this.unsignedSuffix = unsignedSuffix;
        this.clamped = clamped;
        this.lastTexts = new String[tagCount];
        this.lastEntries = new EscapedTextCache.Entry[tagCount];
        this.changes = new int[tagCount];
        this.values = values;
        this.omitTimestamp = omitTimestamp;
    }

    /**
     * The layout of {@code metric}'s keys under {@code options}, unusable when they do not
     * qualify. The fields are written in the order of the indices in {@code fieldOrder} (taken, one
     * per field); tag values are looked up in and added to {@code values}.
     */
    static SeriesLayout of(Metric metric, LineProtocolOptions options, int[] fieldOrder, EscapedTextCache values) {
        int tags = metric.tagCount();
        int fields = metric.fieldCount();
        if (!qualifies(metric, options)) {
            return new SeriesLayout(metric);
        }
        byte[][] segments = new byte[tags + fields + 1][];
        int[] lengths = new int[segments.length];
        boolean[] unsignedSuffix = new boolean[fields];
        boolean[] clamped = new boolean[fields];
        LineBuffer text = new LineBuffer(64);
        Escapes.write(text, metric.name(), metric.name().length(), Escapes.NAME);
        for (int i = 0; i < tags; i++) {
            text.put((byte) ',');
            Escapes.write(text, metric.tagKey(i), metric.tagKey(i).length(), Escapes.KEY);
            text.put((byte) '=');
            take(text, segments, lengths, i);
        }
        text.put((byte) ' ');
        for (int j = 0; j < fields; j++) {
            int field = fieldOrder[j];
            if (j > 0) {
                text.put((byte) ',');
            }
            Escapes.write(text, metric.fieldKey(field), metric.fieldKey(field).length(), Escapes.KEY);
            text.put((byte) '=');
            take(text, segments, lengths, tags + j);
            boolean unsigned = metric.fieldType(field) == FieldType.UNSIGNED;
            unsignedSuffix[j] = unsigned && options.uintSupport();
            clamped[j] = unsigned && !options.uintSupport();
            text.put(unsignedSuffix[j] ? (byte) 'u' : (byte) 'i');
        }
        take(text, segments, lengths, tags + fields);
        return new SeriesLayout(metric, segments, lengths, fieldOrder, unsignedSuffix, clamped, values,
                options.omitTimestamp());
    }

    private static boolean qualifies(Metric metric, LineProtocolOptions options) {
        if (options.maxLineBytes() != 0 || metric.name().isEmpty() || metric.fieldCount() == 0) {
            return false;
        }
        for (int i = 0; i < metric.tagCount(); i++) {
            String key = metric.tagKey(i);
            if (key.isEmpty() || Escapes.lengthWithoutTrailingBackslashes(key) != key.length()) {
                return false;
            }
        }
        for (int j = 0; j < metric.fieldCount(); j++) {
            FieldType type = metric.fieldType(j);
            if (metric.fieldKey(j).isEmpty() || (type != FieldType.LONG && type != FieldType.UNSIGNED)) {
                return false;
            }
        }
        return true;
    }

    /** Moves what {@code text} holds into segment {@code index}, padded, and empties it. */
    private static void take(LineBuffer text, byte[][] segments, int[] lengths, int index) {
        int length = text.length();
        segments[index] = Arrays.copyOf(text.array(), (length + 7) & ~7);
        lengths[index] = length;
        text.reset();
    }

    /**
     * Appends {@code metric}'s line, timestamp and newline included. Returns false, with
     * {@code out} as it was, when a tag value is empty or ends in a backslash: the general path
     * leaves such a tag out.
     */
    boolean write(Metric metric, LineBuffer out) {
        int lineStart = out.length;
        int segment = 0;
        for (int i = 0; i < tagCount; i++) {
            putSegment(segment++, out);
            String value = metric.tagValue(i);
            EscapedTextCache.Entry entry = lastEntries[i];
            if (value == lastTexts[i]) {
                if (changes[i] > 0) {
                    changes[i]--;
                }
                if (entry != null && entry.text == value) {
                    EscapedTextCache.append(entry, out);
                    continue;
                }
            } else {
                lastTexts[i] = value;
                if (changes[i] < CHANGE_LIMIT) {
                    changes[i]++;
                }
            }
            int end = Escapes.lengthWithoutTrailingBackslashes(value);
            if (end == 0 || end != value.length()) {
                out.length = lineStart;
                return false;
            }
            if (changes[i] == CHANGE_LIMIT) {
                lastEntries[i] = null;
                Escapes.write(out, value, end, Escapes.KEY);
                continue;
            }
            entry = values.find(value, EscapedTextCache.TAG_VALUE);
            if (entry != null) {
                EscapedTextCache.append(entry, out);
            } else {
                entry = values.writeAndKeep(out, value, EscapedTextCache.TAG_VALUE);
            }
            lastEntries[i] = entry;
        }
        putSegment(segment++, out);
        for (int j = 0; j < fieldOrder.length; j++) {
            if (j > 0) {
                putSegment(segment++, out);
            }
            long value = metric.longValue(fieldOrder[j]);
            byte[] bytes = out.ensure(Digits.MAX_LENGTH);
            if (unsignedSuffix[j]) {
                out.length = Digits.writeUnsigned(bytes, out.length, value);
            } else {
                // Bits with the sign set in an unsigned field are values of 2^63 and above.
                out.length = Digits.writeLong(bytes, out.length, clamped[j] && value < 0 ? Long.MAX_VALUE : value);
            }
        }
        if (!footerMade || metric.timestamp() != footerTime) {
            makeFooter(segment, metric.timestamp());
        }
        putPadded(footer, footerLength, out);
        return true;
    }

    /**
     * The last segment, the timestamp and the newline as one padded segment: the metrics of one
     * gather share their timestamp, so it is made once per gather.
     */
    private void makeFooter(int lastSegment, long timestamp) {
        LineBuffer text = new LineBuffer(segments[lastSegment].length + Digits.MAX_LENGTH + 2);
        text.put(segments[lastSegment], 0, segmentLengths[lastSegment]);
        if (!omitTimestamp) {
            text.put((byte) ' ');
            byte[] bytes = text.ensure(Digits.MAX_LENGTH);
            text.length = Digits.writeLong(bytes, text.length, timestamp);
        }
        text.put((byte) '\n');
        footerLength = text.length;
        footer = Arrays.copyOf(text.array(), (footerLength + 7) & ~7);
        footerTime = timestamp;
        footerMade = true;
    }

    private void putSegment(int index, LineBuffer out) {
        putPadded(segments[index], segmentLengths[index], out);
    }

    /**
     * Appends the first {@code length} bytes of {@code source}, whose size is a multiple of eight,
     * in whole eight-byte moves; the bytes past {@code length} are overwritten by what comes next.
     */
    private static void putPadded(byte[] source, int length, LineBuffer out) {
        byte[] target = out.ensure(source.length);
        int pos = out.length;
        for (int k = 0; k < source.length; k += 8) {
            LONGS.set(target, pos + k, (long) LONGS.get(source, k));
        }
        out.length = pos + length;
    }
}
