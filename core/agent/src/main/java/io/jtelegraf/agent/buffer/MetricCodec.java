package io.jtelegraf.agent.buffer;

import io.jtelegraf.spi.FieldType;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.MetricType;

/**
 * The compact binary form of a {@link Metric} in the disk buffer. Layout (version 1):
 * <pre>
 *   byte     version (1)
 *   byte     metric type: 0 untyped, 1 counter, 2 gauge, 3 summary, 4 histogram
 *   long     timestamp, nanoseconds, 8 bytes big-endian
 *   string   name
 *   varint   tag count, then per tag: string key, string value (key order)
 *   varint   field count, then per field: string key, byte type, value:
 *              0 integer  zig-zag varint
 *              1 unsigned varint of the 64 bits
 *              2 float    8 bytes, the IEEE 754 bits
 *              3 boolean  1 byte, 0 or 1
 *              4 string   string
 *   string = varint byte count + WTF-8 bytes (UTF-8 that also keeps lone surrogates)
 * </pre>
 * Codes are written explicitly rather than as enum ordinals, so reordering an enum cannot change
 * what old files mean.
 *
 * <p>Threading: stateless; safe for concurrent use.
 */
final class MetricCodec {
    static final int VERSION = 1;

    private MetricCodec() {
    }

    /** The record bytes of {@code metric}. */
    static byte[] encode(Metric metric) {
        ByteWriter out = new ByteWriter(64 + 16 * (metric.tagCount() + metric.fieldCount()));
        encode(metric, out);
        return out.toByteArray();
    }

    static void encode(Metric metric, ByteWriter out) {
        out.writeByte(VERSION);
        out.writeByte(metricTypeCode(metric.type()));
        out.writeLong(metric.timestamp());
        out.writeString(metric.name());
        out.writeVarLong(metric.tagCount());
        for (int i = 0; i < metric.tagCount(); i++) {
            out.writeString(metric.tagKey(i));
            out.writeString(metric.tagValue(i));
        }
        out.writeVarLong(metric.fieldCount());
        for (int i = 0; i < metric.fieldCount(); i++) {
            out.writeString(metric.fieldKey(i));
            FieldType type = metric.fieldType(i);
            switch (type) {
                case LONG -> {
                    out.writeByte(0);
                    out.writeZigZag(metric.longValue(i));
                }
                case UNSIGNED -> {
                    out.writeByte(1);
                    out.writeVarLong(metric.longValue(i));
                }
                case DOUBLE -> {
                    out.writeByte(2);
                    out.writeLong(Double.doubleToRawLongBits(metric.doubleValue(i)));
                }
                case BOOLEAN -> {
                    out.writeByte(3);
                    out.writeByte(metric.booleanValue(i) ? 1 : 0);
                }
                case STRING -> {
                    out.writeByte(4);
                    out.writeString(metric.stringValue(i));
                }
                default -> throw new IllegalStateException("unknown field type " + type);
            }
        }
    }

    /**
     * The metric encoded in {@code record}.
     *
     * @throws MalformedRecordException when the bytes are not a metric of a known version
     */
    static Metric decode(byte[] record) {
        ByteReader in = new ByteReader(record);
        int version = in.readByte();
        if (version != VERSION) {
            throw new MalformedRecordException("unknown record version " + version);
        }
        MetricType type = metricType(in.readByte());
        long timestamp = in.readLong();
        Metric.Builder builder = Metric.builder(in.readString()).type(type).time(timestamp);
        int tags = in.readCount();
        for (int i = 0; i < tags; i++) {
            builder.tag(in.readString(), in.readString());
        }
        int fields = in.readCount();
        for (int i = 0; i < fields; i++) {
            String key = in.readString();
            int fieldType = in.readByte();
            switch (fieldType) {
                case 0 -> builder.field(key, in.readZigZag());
                case 1 -> builder.unsignedField(key, in.readVarLong());
                case 2 -> builder.field(key, Double.longBitsToDouble(in.readLong()));
                case 3 -> builder.field(key, readBoolean(in));
                case 4 -> builder.field(key, in.readString());
                default -> throw new MalformedRecordException("unknown field type " + fieldType + " of field " + key);
            }
        }
        if (!in.atEnd()) {
            throw new MalformedRecordException("bytes left after the last field");
        }
        return builder.build();
    }

    private static boolean readBoolean(ByteReader in) {
        int value = in.readByte();
        if (value > 1) {
            throw new MalformedRecordException("boolean byte " + value);
        }
        return value == 1;
    }

    private static int metricTypeCode(MetricType type) {
        return switch (type) {
            case UNTYPED -> 0;
            case COUNTER -> 1;
            case GAUGE -> 2;
            case SUMMARY -> 3;
            case HISTOGRAM -> 4;
        };
    }

    private static MetricType metricType(int code) {
        return switch (code) {
            case 0 -> MetricType.UNTYPED;
            case 1 -> MetricType.COUNTER;
            case 2 -> MetricType.GAUGE;
            case 3 -> MetricType.SUMMARY;
            case 4 -> MetricType.HISTOGRAM;
            default -> throw new MalformedRecordException("unknown metric type " + code);
        };
    }
}
