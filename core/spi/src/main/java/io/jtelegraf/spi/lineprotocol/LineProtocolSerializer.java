package io.jtelegraf.spi.lineprotocol;

import io.jtelegraf.spi.FieldType;
import io.jtelegraf.spi.Metric;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes metrics as InfluxDB line protocol exactly as Telegraf's {@code influx} serializer does:
 * {@code name[,tag=value...] field=value[,...][ timestamp]\n}.
 *
 * <ul>
 *   <li>Escapes: the name escapes tab, newline, form feed, carriage return, comma and space (not
 *       {@code =}); tag keys, tag values and field keys also escape {@code =}; string values are
 *       quoted and escape only {@code "} and {@code \}. Backslashes are not escaped elsewhere.</li>
 *   <li>Tags come in the metric's (sorted) order. Trailing backslashes of tag keys and values are
 *       trimmed; a tag whose key or value is then empty is left out.</li>
 *   <li>Fields come in the metric's order, or sorted with {@code influx_sort_fields}. Fields with
 *       an empty key, NaN or an infinite value are dropped. Integers end in {@code i}; unsigned
 *       integers in {@code u} with {@code influx_uint_support}, otherwise in {@code i}, clamped to
 *       9223372036854775807. Floats are written by {@link FloatFormat}.</li>
 *   <li>The timestamp is the metric's epoch nanoseconds, unless {@code influx_omit_timestamp}.</li>
 *   <li>With {@code influx_max_line_bytes}, a metric that does not fit one line is split into
 *       several, each repeating the name and tags and ending in the full timestamp.</li>
 * </ul>
 *
 * A metric with an empty name, without a serializable field, or with a field too long for the
 * line limit fails with a {@link SerializationException}; batch methods skip it.
 *
 * <p>Threading: an instance keeps scratch buffers and is not thread-safe; use one per output
 * instance (the runtime never calls one output's {@code write} concurrently) or per thread.
 */
public final class LineProtocolSerializer {
    /** Batches streamed to an OutputStream are handed over in chunks of about this size. */
    private static final int STREAM_CHUNK_BYTES = 64 * 1024;

    private final LineProtocolOptions options;
    private final LineBuffer single = new LineBuffer(256);
    private final LineBuffer chunk = new LineBuffer(STREAM_CHUNK_BYTES + 4096);
    private final LineBuffer header = new LineBuffer(128);
    private final LineBuffer pair = new LineBuffer(64);
    private final LineBuffer footer = new LineBuffer(32);
    /** Escaped measurement names, tag keys and field keys: few distinct ones, nearly all repeated. */
    private final EscapedTextCache escapedKeys = new EscapedTextCache(512);
    /** Escaped tag values: many more distinct ones, so a table of their own. */
    private final EscapedTextCache escapedValues = new EscapedTextCache(2048);
    private final SeriesLayouts layouts;
    private int[] sortedFields = new int[16];
    private final byte[] lastTimestampText = new byte[Digits.MAX_LENGTH];
    private int lastTimestampLength;
    private long lastTimestamp;
    /** End of the last complete line written by the current {@link #write} call. */
    private int completeLinesEnd;

    /** A serializer with Telegraf's default options. */
    public LineProtocolSerializer() {
        this(LineProtocolOptions.DEFAULTS);
    }

    public LineProtocolSerializer(LineProtocolOptions options) {
        this.options = options;
        this.layouts = new SeriesLayouts(options, escapedValues);
    }

    public LineProtocolOptions options() {
        return options;
    }

    /**
     * The lines of one metric, as a new array.
     *
     * @throws SerializationException when the metric cannot be written; nothing is produced then
     */
    public byte[] serialize(Metric metric) throws SerializationException {
        single.reset();
        append(metric, single);
        return single.toByteArray();
    }

    /** The lines of all serializable metrics, as a new array; the others are skipped. */
    public byte[] serializeBatch(List<Metric> metrics) {
        single.reset();
        appendBatch(metrics, single, SkippedMetricListener.IGNORE);
        return single.toByteArray();
    }

    /**
     * Appends the lines of one metric to {@code out}.
     *
     * @throws SerializationException when the metric cannot be written; {@code out} is unchanged
     */
    public void append(Metric metric, LineBuffer out) throws SerializationException {
        int start = out.length;
        try {
            write(metric, out);
        } catch (SerializationException e) {
            out.length = start;
            throw e;
        }
    }

    /**
     * Appends the lines of every serializable metric to {@code out}, telling {@code listener}
     * about the others.
     *
     * <p>As in Telegraf, when a split metric turns out to have a field that fits no line, the lines
     * already completed for it stay in the output.
     *
     * @return how many metrics were written
     */
    public int appendBatch(List<Metric> metrics, LineBuffer out, SkippedMetricListener listener) {
        int written = 0;
        int index = 0;
        for (Metric metric : metrics) {
            if (appendSkipping(metric, index++, out, listener)) {
                written++;
            }
        }
        return written;
    }

    /**
     * Streams a batch to {@code out} in chunks of about 64 KiB, so a large batch is never held in
     * memory twice (for example on its way into a gzip stream or an HTTP request body). Skips
     * metrics as {@link #appendBatch} does. Does not flush or close {@code out}.
     *
     * @return how many metrics were written
     * @throws IOException from {@code out}
     */
    public int writeBatch(List<Metric> metrics, OutputStream out, SkippedMetricListener listener) throws IOException {
        chunk.reset();
        int written = 0;
        int index = 0;
        for (Metric metric : metrics) {
            if (appendSkipping(metric, index++, chunk, listener)) {
                written++;
            }
            if (chunk.length >= STREAM_CHUNK_BYTES) {
                chunk.writeTo(out);
                chunk.reset();
            }
        }
        if (chunk.length > 0) {
            chunk.writeTo(out);
            chunk.reset();
        }
        return written;
    }

    private boolean appendSkipping(Metric metric, int index, LineBuffer out, SkippedMetricListener listener) {
        try {
            write(metric, out);
            return true;
        } catch (SerializationException e) {
            out.length = completeLinesEnd;
            listener.skipped(index, metric, e);
            return false;
        }
    }

    private void write(Metric metric, LineBuffer out) throws SerializationException {
        completeLinesEnd = out.length;
        SeriesLayout layout = layouts.find(metric);
        if (layout != null && layout.write(metric, out)) {
            completeLinesEnd = out.length;
            return;
        }
        String name = metric.name();
        if (name.isEmpty()) {
            throw new SerializationException(SerializationException.Reason.INVALID_NAME, "");
        }
        int headerStart = out.length;
        writeHeader(metric, out);
        int[] order = options.sortFields() ? (sortedFields = FieldOrder.sorted(metric, sortedFields)) : null;
        if (options.maxLineBytes() == 0) {
            writeSingleLine(metric, order, out, headerStart);
        } else {
            header.reset();
            header.put(out.bytes, headerStart, out.length - headerStart);
            out.length = headerStart;
            writeSplitLines(metric, order, out);
        }
    }

    /** Writes {@code name[,key=value...] } (with the trailing space). */
    private void writeHeader(Metric metric, LineBuffer out) {
        escapedKeys.write(out, metric.name(), EscapedTextCache.NAME);
        int tags = metric.tagCount();
        for (int i = 0; i < tags; i++) {
            String key = metric.tagKey(i);
            String value = metric.tagValue(i);
            EscapedTextCache.Entry cachedKey = escapedKeys.find(key, EscapedTextCache.TAG_KEY);
            EscapedTextCache.Entry cachedValue = cachedKey == null ? null : escapedValues.find(value, EscapedTextCache.TAG_VALUE);
            if (cachedValue != null) {
                // Both cached, so neither is empty nor ends in a backslash: no trimming to check.
                EscapedTextCache.append(cachedKey, out);
                EscapedTextCache.append(cachedValue, out);
                continue;
            }
            int keyEnd = Escapes.lengthWithoutTrailingBackslashes(key);
            int valueEnd = Escapes.lengthWithoutTrailingBackslashes(value);
            if (keyEnd == 0 || valueEnd == 0) {
                continue;
            }
            // Text that lost trailing backslashes is not what the String holds: not cached.
            if (keyEnd == key.length()) {
                escapedKeys.write(out, key, EscapedTextCache.TAG_KEY);
            } else {
                out.put((byte) ',');
                Escapes.write(out, key, keyEnd, Escapes.KEY);
                out.put((byte) '=');
            }
            if (valueEnd == value.length()) {
                escapedValues.write(out, value, EscapedTextCache.TAG_VALUE);
            } else {
                Escapes.write(out, value, valueEnd, Escapes.KEY);
            }
        }
        out.put((byte) ' ');
    }

    /** The common case, without a line limit: fields go straight into {@code out}. */
    private void writeSingleLine(Metric metric, int[] order, LineBuffer out, int headerStart)
            throws SerializationException {
        int fields = metric.fieldCount();
        int written = 0;
        for (int i = 0; i < fields; i++) {
            int field = order == null ? i : order[i];
            if (!isSerializable(metric, field)) {
                continue;
            }
            writeField(metric, field, written > 0, out);
            written++;
        }
        if (written == 0) {
            String series = series(out.bytes, headerStart, out.length - headerStart);
            out.length = headerStart;
            throw new SerializationException(SerializationException.Reason.NO_SERIALIZABLE_FIELDS, series);
        }
        writeFooter(metric, out);
        completeLinesEnd = out.length;
    }

    /**
     * Telegraf's line splitting, including its arithmetic: the bytes needed for a field are the
     * header, the pairs already on the line, the new pair, the footer and one comma; the commas
     * between earlier pairs are not counted, so with three or more fields a line can exceed the
     * limit by a few bytes, exactly as Telegraf's lines do.
     */
    private void writeSplitLines(Metric metric, int[] order, LineBuffer out) throws SerializationException {
        int limit = options.maxLineBytes();
        footer.reset();
        writeFooter(metric, footer);
        int fields = metric.fieldCount();
        int pairsLength = 0;
        boolean firstOnLine = true;
        for (int i = 0; i < fields; i++) {
            int field = order == null ? i : order[i];
            if (!isSerializable(metric, field)) {
                continue;
            }
            pair.reset();
            writeField(metric, field, false, pair);
            int needed = header.length + pairsLength + pair.length + footer.length + (firstOnLine ? 0 : 1);
            if (needed > limit) {
                if (firstOnLine) {
                    throw needMoreSpace();
                }
                out.put(footer.bytes, 0, footer.length);
                completeLinesEnd = out.length;
                pairsLength = 0;
                firstOnLine = true;
                if (header.length + pair.length + footer.length > limit) {
                    throw needMoreSpace();
                }
            }
            if (firstOnLine) {
                out.put(header.bytes, 0, header.length);
            } else {
                out.put((byte) ',');
            }
            out.put(pair.bytes, 0, pair.length);
            pairsLength += pair.length;
            firstOnLine = false;
        }
        if (firstOnLine) {
            throw new SerializationException(SerializationException.Reason.NO_SERIALIZABLE_FIELDS,
                    series(header.bytes, 0, header.length));
        }
        out.put(footer.bytes, 0, footer.length);
        completeLinesEnd = out.length;
    }

    private SerializationException needMoreSpace() {
        return new SerializationException(SerializationException.Reason.NEED_MORE_SPACE,
                series(header.bytes, 0, header.length));
    }

    private static boolean isSerializable(Metric metric, int field) {
        if (metric.fieldKey(field).isEmpty()) {
            return false;
        }
        return metric.fieldType(field) != FieldType.DOUBLE || Double.isFinite(metric.doubleValue(field));
    }

    /** Writes {@code key=value}, after a comma when {@code afterComma}. */
    private void writeField(Metric metric, int field, boolean afterComma, LineBuffer out) {
        escapedKeys.write(out, metric.fieldKey(field),
                afterComma ? EscapedTextCache.NEXT_FIELD_KEY : EscapedTextCache.FIRST_FIELD_KEY);
        switch (metric.fieldType(field)) {
            case LONG -> {
                byte[] bytes = out.ensure(Digits.MAX_LENGTH + 1);
                int pos = Digits.writeLong(bytes, out.length, metric.longValue(field));
                bytes[pos++] = 'i';
                out.length = pos;
            }
            case UNSIGNED -> writeUnsigned(metric.longValue(field), out);
            case DOUBLE -> {
                byte[] bytes = out.ensure(FloatFormat.MAX_LENGTH);
                out.length = FloatFormat.write(metric.doubleValue(field), bytes, out.length);
            }
            case BOOLEAN -> writeAscii(metric.booleanValue(field) ? "true" : "false", out);
            case STRING -> {
                String value = metric.stringValue(field);
                out.put((byte) '"');
                Escapes.write(out, value, value.length(), Escapes.STRING);
                out.put((byte) '"');
            }
            default -> throw new IllegalStateException("unknown field type " + metric.fieldType(field));
        }
    }

    private void writeUnsigned(long bits, LineBuffer out) {
        byte[] bytes = out.ensure(Digits.MAX_LENGTH + 1);
        int pos;
        if (options.uintSupport()) {
            pos = Digits.writeUnsigned(bytes, out.length, bits);
            bytes[pos++] = 'u';
        } else {
            // Bits with the sign set are values of 2^63 and above: clamped to the largest int64.
            pos = Digits.writeLong(bytes, out.length, bits < 0 ? Long.MAX_VALUE : bits);
            bytes[pos++] = 'i';
        }
        out.length = pos;
    }

    private void writeFooter(Metric metric, LineBuffer out) {
        byte[] bytes = out.ensure(Digits.MAX_LENGTH + 2);
        int pos = out.length;
        if (!options.omitTimestamp()) {
            bytes[pos++] = ' ';
            long timestamp = metric.timestamp();
            // Metrics of one gather share their timestamp: its text is reused.
            if (timestamp != lastTimestamp || lastTimestampLength == 0) {
                lastTimestamp = timestamp;
                lastTimestampLength = Digits.writeLong(lastTimestampText, 0, timestamp);
            }
            System.arraycopy(lastTimestampText, 0, bytes, pos, lastTimestampLength);
            pos += lastTimestampLength;
        }
        bytes[pos++] = '\n';
        out.length = pos;
    }

    private static void writeAscii(String text, LineBuffer out) {
        byte[] bytes = out.ensure(text.length());
        int pos = out.length;
        for (int i = 0; i < text.length(); i++) {
            bytes[pos++] = (byte) text.charAt(i);
        }
        out.length = pos;
    }

    /** The header without its trailing spaces, as Telegraf names the series in errors. */
    private static String series(byte[] bytes, int start, int length) {
        int end = start + length;
        while (end > start && bytes[end - 1] == ' ') {
            end--;
        }
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }
}
