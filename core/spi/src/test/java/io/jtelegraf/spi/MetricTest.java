package io.jtelegraf.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void tagsAreSortedByKeyAndARepeatedKeyReplacesTheValue() {
        Metric metric = Metric.builder("m").tag("b", "1").tag("a", "2").tag("c", "3").tag("a", "4")
                .field("f", 1L).time(5).build();

        assertThat(metric.tags().keySet()).containsExactly("a", "b", "c");
        assertThat(metric.tag("a")).isEqualTo("4");
        assertThat(metric.tagKey(0)).isEqualTo("a");
    }

    @Test
    void tagsSortInUtf8ByteOrderLikeGo() {
        String supplementary = new String(Character.toChars(0x1F600));
        String privateUse = "\uE000";

        Metric metric = Metric.builder("m").tag(supplementary, "x").tag(privateUse, "y").field("f", 1L).time(0).build();

        // UTF-8 bytes: U+E000 is EE 80 80, U+1F600 is F0 9F 98 80, so U+E000 comes first
        // (String.compareTo would put the surrogate pair first).
        assertThat(privateUse.getBytes(StandardCharsets.UTF_8)[0] & 0xff)
                .isLessThan(supplementary.getBytes(StandardCharsets.UTF_8)[0] & 0xff);
        assertThat(metric.tagKey(0)).isEqualTo(privateUse);
        assertThat(metric.tagKey(1)).isEqualTo(supplementary);
        assertThat(metric.tag(supplementary)).isEqualTo("x");
    }

    @Test
    void fieldsKeepInsertionOrderAndAreNarrowedLikeTelegraf() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("int", 7);
        fields.put("short", (short) 3);
        fields.put("float", 1.5f);
        fields.put("bytes", "hé".getBytes(StandardCharsets.UTF_8));
        fields.put("big", new BigInteger("18446744073709551615"));
        fields.put("flag", true);
        fields.put("missing", null);

        Metric metric = Metric.builder("m").fields(fields).time(0).build();

        assertThat(metric.fields().keySet()).containsExactly("int", "short", "float", "bytes", "big", "flag");
        assertThat(metric.fieldType(0)).isEqualTo(FieldType.LONG);
        assertThat(metric.fieldType(2)).isEqualTo(FieldType.DOUBLE);
        assertThat(metric.stringValue(3)).isEqualTo("hé");
        assertThat(metric.fieldType(4)).isEqualTo(FieldType.UNSIGNED);
        assertThat(metric.longValue(4)).isEqualTo(-1L);
        assertThat(metric.booleanValue(5)).isTrue();
    }

    @Test
    void anUnsupportedValueTypeNamesTheField() {
        assertThatThrownBy(() -> Metric.builder("m").fieldValue("when", new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field when");
    }

    @Test
    void aMetricWithoutTimestampCannotBeBuilt() {
        assertThatThrownBy(() -> Metric.builder("m").field("f", 1L).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no timestamp");
    }

    @Test
    void toBuilderDerivesAChangedCopyAndLeavesTheOriginalAlone() {
        Metric original = Metric.builder("m").tag("host", "a").field("x", 1L).field("s", "t").time(9).build();

        Metric changed = original.toBuilder().name("n").removeTag("host").removeField("x").field("y", 2.0).build();

        assertThat(original.name()).isEqualTo("m");
        assertThat(original.fields()).containsOnlyKeys("x", "s");
        assertThat(changed.name()).isEqualTo("n");
        assertThat(changed.tagCount()).isZero();
        assertThat(changed.fields()).containsExactly(Map.entry("s", "t"), Map.entry("y", 2.0));
        assertThat(changed.timestamp()).isEqualTo(9);
    }

    @Test
    void readingAFieldAsTheWrongTypeIsAnError() {
        Metric metric = Metric.builder("m").field("s", "text").time(0).build();

        assertThatThrownBy(() -> metric.longValue(0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("field s");
    }

    @Test
    void aReusedBuilderNeverChangesMetricsItBuiltBefore() {
        Metric.Builder builder = Metric.builder("m").tag("a", "1").field("x", 1L).field("s", "one").time(1);
        Metric first = builder.build();

        builder.tag("a", "2").tag("b", "3").field("x", 2L).field("s", "two").removeField("s").time(2);
        Metric second = builder.build();

        assertThat(first.tags()).containsExactly(Map.entry("a", "1"));
        assertThat(first.fields()).containsExactly(Map.entry("x", 1L), Map.entry("s", "one"));
        assertThat(first.timestamp()).isEqualTo(1);
        assertThat(second.tags()).containsExactly(Map.entry("a", "2"), Map.entry("b", "3"));
        assertThat(second.fields()).containsExactly(Map.entry("x", 2L));
    }

    @Test
    void derivedMetricsAndTheirSourceStayIndependent() {
        Metric source = Metric.builder("m").tag("a", "1").field("x", 1L).field("s", "text").time(1).build();
        Metric.Builder derived = source.toBuilder();
        Metric renamed = derived.name("n").time(2).build();

        Metric changed = derived.tag("a", "9").tagIfAbsent("host", "h").field("x", 5L).removeField("s").build();

        assertThat(source).isEqualTo(Metric.builder("m").tag("a", "1").field("x", 1L).field("s", "text").time(1).build());
        assertThat(renamed.tags()).containsExactly(Map.entry("a", "1"));
        assertThat(renamed.fields()).containsExactly(Map.entry("x", 1L), Map.entry("s", "text"));
        assertThat(changed.tags()).containsExactly(Map.entry("a", "9"), Map.entry("host", "h"));
        assertThat(changed.fields()).containsExactly(Map.entry("x", 5L));
    }
}
