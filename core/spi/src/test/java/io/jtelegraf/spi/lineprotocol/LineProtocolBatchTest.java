package io.jtelegraf.spi.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.spi.Metric;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batch serialization: skipping, streaming and buffer reuse. */
class LineProtocolBatchTest {
    private static final Metric GOOD = Metric.builder("cpu").time(0).field("value", 42.0).build();
    private static final Metric NO_FIELDS = Metric.builder("cpu").time(0).tag("host", "a").build();
    private static final Metric NO_NAME = Metric.builder("").time(0).field("value", 1L).build();

    @Test
    void batchSkipsMetricsThatCannotBeSerialized() {
        byte[] bytes = new LineProtocolSerializer().serializeBatch(List.of(GOOD, NO_FIELDS, NO_NAME, GOOD));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("cpu value=42 0\ncpu value=42 0\n");
    }

    @Test
    void batchTellsTheListenerWhichMetricsWereSkippedAndWhy() {
        List<String> skipped = new ArrayList<>();
        LineBuffer out = new LineBuffer();
        int written = new LineProtocolSerializer().appendBatch(List.of(GOOD, NO_FIELDS, NO_NAME), out,
                (index, metric, reason) -> skipped.add(index + " " + reason.getMessage()));
        assertThat(written).isEqualTo(1);
        assertThat(skipped).containsExactly("1 \"cpu,host=a\": no serializable fields", "2 invalid name");
        assertThat(out.toString()).isEqualTo("cpu value=42 0\n");
    }

    @Test
    void batchKeepsLinesCompletedBeforeAFieldNeedsMoreSpace() {
        Metric tooLong = Metric.builder("cpu").time(1519194109000000042L)
                .field("abc", 123L).field("long_field_key", 456L).build();
        LineProtocolSerializer serializer = new LineProtocolSerializer(LineProtocolOptions.DEFAULTS.withMaxLineBytes(33));
        byte[] bytes = serializer.serializeBatch(List.of(tooLong));
        // Telegraf writes the first line before it finds that the second field fits no line.
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("cpu abc=123i 1519194109000000042\n");
    }

    @Test
    void singleMetricFailureLeavesTheBufferUnchanged() throws SerializationException {
        LineProtocolSerializer serializer = new LineProtocolSerializer(LineProtocolOptions.DEFAULTS.withMaxLineBytes(33));
        LineBuffer out = new LineBuffer(4);
        serializer.append(Metric.builder("m").time(0).field("a", 1L).build(), out);
        Metric tooLong = Metric.builder("cpu").time(1519194109000000042L)
                .field("abc", 123L).field("long_field_key", 456L).build();
        assertThatThrownBy(() -> serializer.append(tooLong, out)).isInstanceOf(SerializationException.class);
        assertThat(out.toString()).isEqualTo("m a=1i 0\n");
    }

    @Test
    void writeBatchStreamsTheSameBytesInChunks() throws Exception {
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            metrics.add(Metric.builder("ipvs_real_server").time(1_700_000_000_000_000_000L)
                    .tag("address", "192.168.1." + (i % 250)).tag("port", Integer.toString(8000 + i))
                    .unsignedField("bytes_in", i * 1000L).field("active_connections", (long) i).build());
            if (i % 1000 == 0) {
                metrics.add(NO_FIELDS);
            }
        }
        LineProtocolSerializer serializer = new LineProtocolSerializer();
        byte[] whole = serializer.serializeBatch(metrics);
        List<Integer> writeSizes = new ArrayList<>();
        ByteArrayOutputStream collected = new ByteArrayOutputStream();
        OutputStream recording = new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("single-byte writes are not expected");
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                writeSizes.add(length);
                collected.write(bytes, offset, length);
            }
        };
        int written = serializer.writeBatch(metrics, recording, SkippedMetricListener.IGNORE);
        assertThat(written).isEqualTo(5_000);
        assertThat(collected.toByteArray()).isEqualTo(whole);
        assertThat(whole.length).isGreaterThan(200_000);
        assertThat(writeSizes).hasSizeGreaterThan(2).allSatisfy(size -> assertThat(size).isLessThan(70_000));
    }

    @Test
    void reusedSerializerGivesIndependentResults() throws SerializationException {
        LineProtocolSerializer serializer = new LineProtocolSerializer();
        byte[] first = serializer.serialize(Metric.builder("a").time(5).field("x", 1L).build());
        byte[] second = serializer.serialize(Metric.builder("b").time(5).field("y", 2L).build());
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("a x=1i 5\n");
        assertThat(new String(second, StandardCharsets.UTF_8)).isEqualTo("b y=2i 5\n");
    }

    @Test
    void lineBufferGrowsAndExposesItsBytes() throws SerializationException {
        LineBuffer out = new LineBuffer(0);
        new LineProtocolSerializer().append(GOOD, out);
        assertThat(out.length()).isEqualTo(15);
        assertThat(new String(out.array(), 0, out.length(), StandardCharsets.UTF_8)).isEqualTo("cpu value=42 0\n");
        out.reset();
        assertThat(out.isEmpty()).isTrue();
    }

    @Test
    void sortsFieldKeysInUtf8ByteOrder() {
        // U+FF5E sorts before U+1F600 in UTF-8 bytes, but after it in UTF-16 units.
        assertThat(FieldOrder.compareAsUtf8("\uFF5E", "\uD83D\uDE00")).isNegative();
        assertThat(FieldOrder.compareAsUtf8("b", "a")).isPositive();
        assertThat(FieldOrder.compareAsUtf8("a", "ab")).isNegative();
        assertThat(FieldOrder.compareAsUtf8("same", "same")).isZero();
    }

    @Test
    void optionsRejectNegativeLineLimit() {
        assertThatThrownBy(() -> LineProtocolOptions.DEFAULTS.withMaxLineBytes(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("influx_max_line_bytes");
    }
}
