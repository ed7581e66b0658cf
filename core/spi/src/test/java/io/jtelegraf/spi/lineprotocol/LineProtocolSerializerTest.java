package io.jtelegraf.spi.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.spi.Metric;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One named case per rule of Telegraf's influx serializer (spec section 6). Expected output is
 * written out in full; in these Java literals {@code \\} is one backslash byte.
 */
class LineProtocolSerializerTest {
    private static final LineProtocolOptions DEFAULTS = LineProtocolOptions.DEFAULTS;
    private static final long TIME = 1519194109000000042L;

    static Stream<Arguments> lines() {
        return Stream.of(
                // Escaping of the measurement name.
                line("name escapes comma and space", DEFAULTS,
                        metric("cpu load,total").field("value", 1L),
                        "cpu\\ load\\,total value=1i 0\n"),
                line("name escapes tab, newline, form feed and carriage return", DEFAULTS,
                        metric("a\tb\nc\fd\re").field("value", 1L),
                        "a\\tb\\nc\\fd\\re value=1i 0\n"),
                line("name does not escape equals sign", DEFAULTS,
                        metric("a=b").field("value", 1L),
                        "a=b value=1i 0\n"),
                line("name does not escape backslash", DEFAULTS,
                        metric("a\\b").field("value", 1L),
                        "a\\b value=1i 0\n"),
                // Escaping of tags and field keys.
                line("tag key escapes comma, space and equals sign", DEFAULTS,
                        metric("cpu").tag("k ,=", "v").field("value", 1L),
                        "cpu,k\\ \\,\\==v value=1i 0\n"),
                line("tag value escapes comma, space and equals sign", DEFAULTS,
                        metric("cpu").tag("k", "a b,c=d").field("value", 1L),
                        "cpu,k=a\\ b\\,c\\=d value=1i 0\n"),
                line("tag value escapes tab, newline, form feed and carriage return", DEFAULTS,
                        metric("cpu").tag("k", "x\ty\nz\f\r").field("value", 1L),
                        "cpu,k=x\\ty\\nz\\f\\r value=1i 0\n"),
                line("backslash inside a tag value is kept as it is", DEFAULTS,
                        metric("cpu").tag("path", "C:\\Temp").field("value", 1L),
                        "cpu,path=C:\\Temp value=1i 0\n"),
                line("field key escapes comma, space and equals sign", DEFAULTS,
                        metric("cpu").field("a b,c=d", 1L),
                        "cpu a\\ b\\,c\\=d=1i 0\n"),
                // String field values.
                line("string value escapes double quote and backslash", DEFAULTS,
                        metric("log").field("msg", "say \"hi\" \\o/"),
                        "log msg=\"say \\\"hi\\\" \\\\o/\" 0\n"),
                line("string value keeps newline and tab raw", DEFAULTS,
                        metric("log").field("msg", "a\nb\tc"),
                        "log msg=\"a\nb\tc\" 0\n"),
                line("string value keeps comma, space and equals sign unescaped", DEFAULTS,
                        metric("log").field("msg", "a, b=c"),
                        "log msg=\"a, b=c\" 0\n"),
                line("non-ASCII text is written as UTF-8", DEFAULTS,
                        metric("température").tag("ville", "東京").field("msg", "😀 ok"),
                        "température,ville=東京 msg=\"😀 ok\" 0\n"),
                line("a lone surrogate is written as a question mark", DEFAULTS,
                        metric("cpu").field("msg", "a\uD800b"),
                        "cpu msg=\"a?b\" 0\n"),
                // Tags.
                line("tags come in sorted key order", DEFAULTS,
                        metric("cpu").tag("zone", "z").tag("alpha", "a").tag("mid", "m").field("value", 1L),
                        "cpu,alpha=a,mid=m,zone=z value=1i 0\n"),
                line("trailing backslashes of a tag value are trimmed", DEFAULTS,
                        metric("disk").tag("path", "C:\\\\").field("value", 1L),
                        "disk,path=C: value=1i 0\n"),
                line("trailing backslashes of a tag key are trimmed", DEFAULTS,
                        metric("disk").tag("dir\\", "x").field("value", 1L),
                        "disk,dir=x value=1i 0\n"),
                line("tag with an empty value is left out", DEFAULTS,
                        metric("cpu").tag("empty", "").tag("host", "a").field("value", 1L),
                        "cpu,host=a value=1i 0\n"),
                line("tag with an empty key is left out", DEFAULTS,
                        metric("cpu").tag("", "orphan").tag("host", "a").field("value", 1L),
                        "cpu,host=a value=1i 0\n"),
                line("tag value of backslashes only is left out", DEFAULTS,
                        metric("cpu").tag("slashes", "\\\\").tag("host", "a").field("value", 1L),
                        "cpu,host=a value=1i 0\n"),
                // Fields.
                line("fields keep the metric's order", DEFAULTS,
                        metric("cpu").field("b", 1L).field("a", 2L).field("c", 3L),
                        "cpu b=1i,a=2i,c=3i 0\n"),
                line("influx_sort_fields sorts fields by key", DEFAULTS.withSortFields(true),
                        metric("cpu").field("b", 1L).field("a", 2L).field("c", 3L),
                        "cpu a=2i,b=1i,c=3i 0\n"),
                line("field with an empty key is dropped", DEFAULTS,
                        metric("cpu").field("", 1L).field("value", 2L),
                        "cpu value=2i 0\n"),
                line("field key with a trailing backslash is not trimmed", DEFAULTS,
                        metric("cpu").field("k\\", 1L),
                        "cpu k\\=1i 0\n"),
                line("NaN field is dropped", DEFAULTS,
                        metric("cpu").field("x", Double.NaN).field("y", 42L),
                        "cpu y=42i 0\n"),
                line("positive infinity field is dropped", DEFAULTS,
                        metric("cpu").field("x", Double.POSITIVE_INFINITY).field("y", 42L),
                        "cpu y=42i 0\n"),
                line("negative infinity field is dropped", DEFAULTS,
                        metric("cpu").field("x", Double.NEGATIVE_INFINITY).field("y", 42L),
                        "cpu y=42i 0\n"),
                // Values.
                line("integer ends in i", DEFAULTS,
                        metric("cpu").field("a", 42L).field("b", -7L),
                        "cpu a=42i,b=-7i 0\n"),
                line("smallest and largest integers", DEFAULTS,
                        metric("cpu").field("min", Long.MIN_VALUE).field("max", Long.MAX_VALUE),
                        "cpu min=-9223372036854775808i,max=9223372036854775807i 0\n"),
                line("unsigned without uint support ends in i", DEFAULTS,
                        metric("cpu").unsignedField("value", 42L),
                        "cpu value=42i 0\n"),
                line("unsigned 2^64-1 without uint support is clamped to the largest int64", DEFAULTS,
                        metric("cpu").unsignedField("value", -1L),
                        "cpu value=9223372036854775807i 0\n"),
                line("unsigned 2^63 without uint support is clamped to the largest int64", DEFAULTS,
                        metric("cpu").unsignedField("value", Long.MIN_VALUE),
                        "cpu value=9223372036854775807i 0\n"),
                line("unsigned 2^64-1 with influx_uint_support ends in u", DEFAULTS.withUintSupport(true),
                        metric("cpu").unsignedField("value", -1L),
                        "cpu value=18446744073709551615u 0\n"),
                line("unsigned with influx_uint_support ends in u", DEFAULTS.withUintSupport(true),
                        metric("cpu").unsignedField("value", 42L),
                        "cpu value=42u 0\n"),
                line("float is Go's shortest text without exponent or trailing .0", DEFAULTS,
                        metric("cpu").field("a", 42.0).field("b", 1.5).field("c", 1e21).field("d", 1e-7),
                        "cpu a=42,b=1.5,c=1000000000000000000000,d=0.0000001 0\n"),
                line("booleans are true and false", DEFAULTS,
                        metric("cpu").field("up", true).field("down", false),
                        "cpu up=true,down=false 0\n"),
                line("string is quoted", DEFAULTS,
                        metric("cpu").field("value", "howdy"),
                        "cpu value=\"howdy\" 0\n"),
                // Timestamp.
                line("timestamp is epoch nanoseconds", DEFAULTS,
                        metric("cpu").field("value", 42.0).time(TIME),
                        "cpu value=42 1519194109000000042\n"),
                line("timestamp before 1970 is negative", DEFAULTS,
                        metric("cpu").field("value", 42.0).time(-1_000_000_000L),
                        "cpu value=42 -1000000000\n"),
                line("influx_omit_timestamp leaves out space and timestamp", DEFAULTS.withOmitTimestamp(true),
                        metric("cpu").field("value", 42.0).time(TIME),
                        "cpu value=42\n"),
                // influx_max_line_bytes.
                line("split: a line that fits the limit stays whole", DEFAULTS.withMaxLineBytes(42),
                        metric("cpu").field("abc", 123L).field("def", 456L).time(TIME),
                        "cpu abc=123i,def=456i 1519194109000000042\n"),
                line("split: 33 bytes split two fields into two lines", DEFAULTS.withMaxLineBytes(33),
                        metric("cpu").field("abc", 123L).field("def", 456L).time(TIME),
                        "cpu abc=123i 1519194109000000042\ncpu def=456i 1519194109000000042\n"),
                line("split: 34 bytes split the same way", DEFAULTS.withMaxLineBytes(34),
                        metric("cpu").field("abc", 123L).field("def", 456L).time(TIME),
                        "cpu abc=123i 1519194109000000042\ncpu def=456i 1519194109000000042\n"),
                line("split: every line repeats name and tags", DEFAULTS.withMaxLineBytes(40),
                        metric("cpu").tag("host", "a").field("abc", 123L).field("def", 456L).time(TIME),
                        "cpu,host=a abc=123i 1519194109000000042\ncpu,host=a def=456i 1519194109000000042\n"),
                line("split: limit counts the newline also without timestamp",
                        DEFAULTS.withMaxLineBytes(13).withOmitTimestamp(true),
                        metric("cpu").field("abc", 123L).field("def", 456L).time(TIME),
                        "cpu abc=123i\ncpu def=456i\n"),
                line("split: commas between earlier fields are not counted, as in Telegraf",
                        DEFAULTS.withMaxLineBytes(18),
                        metric("m").field("a", 1L).field("b", 2L).field("c", 3L),
                        "m a=1i,b=2i,c=3i 0\n"),
                line("split: dropped fields do not count", DEFAULTS.withMaxLineBytes(33),
                        metric("cpu").field("abc", 123L).field("nan", Double.NaN).time(TIME),
                        "cpu abc=123i 1519194109000000042\n"));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                error("empty name is an invalid name", DEFAULTS,
                        metric("").field("value", 1L),
                        SerializationException.Reason.INVALID_NAME, "invalid name"),
                error("metric without fields has no serializable fields", DEFAULTS,
                        metric("cpu").tag("host", "a"),
                        SerializationException.Reason.NO_SERIALIZABLE_FIELDS, "\"cpu,host=a\": no serializable fields"),
                error("metric with only NaN and infinite fields has no serializable fields", DEFAULTS,
                        metric("cpu").field("x", Double.NaN).field("y", Double.POSITIVE_INFINITY),
                        SerializationException.Reason.NO_SERIALIZABLE_FIELDS, "\"cpu\": no serializable fields"),
                error("metric with only an empty field key has no serializable fields", DEFAULTS,
                        metric("cpu").field("", 1L),
                        SerializationException.Reason.NO_SERIALIZABLE_FIELDS, "\"cpu\": no serializable fields"),
                error("first field longer than the limit needs more space", DEFAULTS.withMaxLineBytes(32),
                        metric("cpu").field("abc", 123L).field("def", 456L).time(TIME),
                        SerializationException.Reason.NEED_MORE_SPACE, "\"cpu\": need more space"),
                error("later field longer than the limit needs more space", DEFAULTS.withMaxLineBytes(33),
                        metric("cpu").field("abc", 123L).field("long_field_key", 456L).time(TIME),
                        SerializationException.Reason.NEED_MORE_SPACE, "\"cpu\": need more space"),
                error("series in messages is quoted with escapes", DEFAULTS,
                        metric("a\"b").tag("k", "v w"),
                        SerializationException.Reason.NO_SERIALIZABLE_FIELDS,
                        "\"a\\\"b,k=v\\\\ w\": no serializable fields"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void writesLines(LineProtocolOptions options, Metric metric, String expected) throws SerializationException {
        byte[] bytes = new LineProtocolSerializer(options).serialize(metric);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(bytes).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void rejectsMetrics(LineProtocolOptions options, Metric metric, SerializationException.Reason reason,
                        String message) {
        assertThatThrownBy(() -> new LineProtocolSerializer(options).serialize(metric))
                .isInstanceOfSatisfying(SerializationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    private static Metric.Builder metric(String name) {
        return Metric.builder(name).time(0);
    }

    private static Arguments line(String rule, LineProtocolOptions options, Metric.Builder metric, String expected) {
        return Arguments.of(Named.of(rule, options), metric.build(), expected);
    }

    private static Arguments error(String rule, LineProtocolOptions options, Metric.Builder metric,
                                   SerializationException.Reason reason, String message) {
        return Arguments.of(Named.of(rule, options), metric.build(), reason, message);
    }
}
