package io.jtelegraf.agent.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.spi.FieldType;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.MetricType;
import io.jtelegraf.spi.lineprotocol.LineProtocolSerializer;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class MetricCodecTest {

    private static Metric roundTrip(Metric metric) {
        return MetricCodec.decode(MetricCodec.encode(metric));
    }

    static Stream<String> awkwardStrings() {
        return Stream.of("", " ", "a b,c=d", "quote\"inside", "back\\slash", "trailing\\", "\\\"", "new\nline",
                "tab\tand\rreturn", "nul\u0000byte", "del\u007f", "\u0080", "\u07ff", "\u0800", "\uffff", "\ufffd",
                "grüße", "日本語", "emoji 😀 pair", "lone high \ud800 surrogate", "lone low \udc00 surrogate",
                "reversed \udc00\ud800 pair", "high at end \udbff", "\udfff at start", "mixed 😀\ud83d😀",
                "x".repeat(70_000));
    }

    @ParameterizedTest
    @MethodSource("awkwardStrings")
    void awkwardStringsSurviveInEveryPlace(String text) {
        Metric metric = Metric.builder(text.isEmpty() ? "m" : text)
                .tag(text.isEmpty() ? "k" : text, text)
                .tag("other", text)
                .field(text.isEmpty() ? "f" : text, text)
                .field("s", text)
                .time(1)
                .build();

        Metric back = roundTrip(metric);

        assertThat(back).isEqualTo(metric);
        assertThat(back.name()).isEqualTo(metric.name());
        assertThat(back.tag("other")).isEqualTo(text);
        assertThat(back.stringValue(back.fieldIndex("s"))).isEqualTo(text);
    }

    @Test
    void everyFieldTypeKeepsItsTypeAndExactValue() {
        Metric metric = Metric.builder("types")
                .field("long_min", Long.MIN_VALUE)
                .field("long_max", Long.MAX_VALUE)
                .field("long_zero", 0L)
                .field("long_minus_one", -1L)
                .unsignedField("uint_max", -1L)
                .unsignedField("uint_top_bit", Long.MIN_VALUE)
                .unsignedField("uint_zero", 0L)
                .field("double", 0.1)
                .field("double_negative_zero", -0.0)
                .field("double_nan", Double.longBitsToDouble(0x7ff8_0000_0000_0123L))
                .field("double_infinity", Double.NEGATIVE_INFINITY)
                .field("double_min", Double.MIN_VALUE)
                .field("true", true)
                .field("false", false)
                .field("string", "text")
                .time(Long.MIN_VALUE)
                .build();

        Metric back = roundTrip(metric);

        assertThat(back).isEqualTo(metric);
        for (int i = 0; i < metric.fieldCount(); i++) {
            assertThat(back.fieldKey(i)).isEqualTo(metric.fieldKey(i));
            assertThat(back.fieldType(i)).isEqualTo(metric.fieldType(i));
            assertThat(back.fieldValue(i)).isEqualTo(metric.fieldValue(i));
        }
        assertThat(back.fieldType(back.fieldIndex("uint_max"))).isEqualTo(FieldType.UNSIGNED);
        assertThat(back.fieldValue(back.fieldIndex("uint_max")).toString()).isEqualTo("18446744073709551615");
        assertThat(Double.doubleToRawLongBits(back.doubleValue(back.fieldIndex("double_nan"))))
                .as("the NaN payload bits").isEqualTo(0x7ff8_0000_0000_0123L);
        assertThat(Double.doubleToRawLongBits(back.doubleValue(back.fieldIndex("double_negative_zero"))))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(back.timestamp()).isEqualTo(Long.MIN_VALUE);
    }

    @ParameterizedTest
    @EnumSource(MetricType.class)
    void everyMetricTypeSurvives(MetricType type) {
        Metric metric = Metric.builder("m").type(type).field("v", 1L).time(1_700_000_000_000_000_000L).build();

        assertThat(roundTrip(metric).type()).isEqualTo(type);
    }

    @Test
    void tagsStayInTheirUtf8ByteOrderAndFieldsInInsertionOrder() {
        Metric metric = Metric.builder("m").tag("b", "2").tag("\uffff", "bmp").tag("😀", "astral").tag("a", "1")
                .field("z", 1L).field("a", 2L).field("m", 3L).time(0).build();

        Metric back = roundTrip(metric);

        assertThat(back.tags().keySet()).containsExactly("a", "b", "\uffff", "😀");
        assertThat(back.fields().keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void aMetricWithoutTagsOrFieldsSurvives() {
        Metric metric = Metric.builder("empty").time(-5).build();

        assertThat(roundTrip(metric)).isEqualTo(metric);
    }

    @Test
    void isMoreCompactThanLineProtocol() throws Exception {
        Metric metric = Metric.builder("ipvs_real_server").tag("address", "10.0.0.1").tag("port", "80")
                .tag("virtual_address", "192.168.0.1").tag("virtual_port", "80").tag("host", "lb1")
                .field("active_connections", 12L).field("inactive_connections", 3L).field("pps_in", 1500L)
                .field("pps_out", 1400L).field("cps", 20L).field("bytes_in", 123_456_789L)
                .time(1_700_000_000_000_000_000L).build();

        int lineProtocol = new LineProtocolSerializer().serialize(metric).length;

        assertThat(MetricCodec.encode(metric).length).isLessThan(lineProtocol);
    }

    @Test
    void everyTruncationFailsAsAMalformedRecord() {
        byte[] whole = MetricCodec.encode(Metric.builder("cut").tag("t", "grüße 😀").field("s", "x\ud800y")
                .field("i", -300L).unsignedField("u", -1L).field("d", 1.5).field("b", true).time(42).build());

        for (int length = 0; length < whole.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> MetricCodec.decode(cut)).as("cut to %d bytes", length)
                    .isInstanceOf(MalformedRecordException.class);
        }
    }

    @Test
    void trailingBytesAndUnknownCodesAreMalformed() {
        byte[] whole = MetricCodec.encode(Metric.builder("m").field("v", 1L).time(0).build());
        byte[] longer = java.util.Arrays.copyOf(whole, whole.length + 1);
        byte[] otherVersion = whole.clone();
        otherVersion[0] = 9;
        byte[] otherType = whole.clone();
        otherType[1] = 7;

        for (byte[] bad : List.of(longer, otherVersion, otherType)) {
            assertThatThrownBy(() -> MetricCodec.decode(bad)).isInstanceOf(MalformedRecordException.class);
        }
    }

    @Property(tries = 300)
    void anyCharSequenceSurvives(@ForAll @CharRange(from = '\u0000', to = '\uffff') @StringLength(max = 40) String text,
                                 @ForAll long value, @ForAll double number) {
        Metric metric = Metric.builder("m" + text).tag("k" + text, text).field("s" + text, text)
                .field("l", value).unsignedField("u", value).field("d", number).time(value).build();

        assertThat(roundTrip(metric)).isEqualTo(metric);
    }

    @Property(tries = 300)
    void damagedBytesFailOnlyAsMalformedRecords(@ForAll int position, @ForAll byte replacement) {
        byte[] bytes = MetricCodec.encode(Metric.builder("dmg").tag("t", "v😀").field("s", "text").field("i", 7L)
                .unsignedField("u", 9L).field("d", 2.5).field("b", false).time(3).build());
        bytes[Math.floorMod(position, bytes.length)] = replacement;

        try {
            MetricCodec.decode(bytes);
        } catch (MalformedRecordException expected) {
            // Either a metric or this exception; never another kind of failure.
        }
    }
}
