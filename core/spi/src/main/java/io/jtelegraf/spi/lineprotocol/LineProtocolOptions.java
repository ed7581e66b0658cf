package io.jtelegraf.spi.lineprotocol;

/**
 * The options of Telegraf's influx serializer, named after their TOML keys.
 *
 * @param maxLineBytes {@code influx_max_line_bytes}: 0 for no limit, otherwise the longest line in
 *     bytes including the newline; longer metrics are split into several lines
 * @param sortFields {@code influx_sort_fields}: write fields in ascending key order instead of the
 *     metric's order
 * @param uintSupport {@code influx_uint_support}: write unsigned fields as {@code 42u}; when off
 *     (Telegraf's default) they are written as {@code 42i}, clamped to 9223372036854775807
 * @param omitTimestamp {@code influx_omit_timestamp}: leave the timestamp out
 */
public record LineProtocolOptions(int maxLineBytes, boolean sortFields, boolean uintSupport, boolean omitTimestamp) {

    /** Telegraf's defaults: no limit, metric order, no uint support, with timestamps. */
    public static final LineProtocolOptions DEFAULTS = new LineProtocolOptions(0, false, false, false);

    public LineProtocolOptions {
        if (maxLineBytes < 0) {
            throw new IllegalArgumentException("influx_max_line_bytes must not be negative: " + maxLineBytes);
        }
    }

    public LineProtocolOptions withMaxLineBytes(int value) {
        return new LineProtocolOptions(value, sortFields, uintSupport, omitTimestamp);
    }

    public LineProtocolOptions withSortFields(boolean value) {
        return new LineProtocolOptions(maxLineBytes, value, uintSupport, omitTimestamp);
    }

    public LineProtocolOptions withUintSupport(boolean value) {
        return new LineProtocolOptions(maxLineBytes, sortFields, value, omitTimestamp);
    }

    public LineProtocolOptions withOmitTimestamp(boolean value) {
        return new LineProtocolOptions(maxLineBytes, sortFields, uintSupport, value);
    }
}
