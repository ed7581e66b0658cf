package io.jtelegraf.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricShapeTest {
    private final MetricShape shape = MetricShape.of("rs", MetricType.GAUGE, new String[] {"port", "address", "\uE000"},
            new String[] {"active", "bytes", "ratio", "up"},
            new FieldType[] {FieldType.LONG, FieldType.UNSIGNED, FieldType.DOUBLE, FieldType.BOOLEAN});

    private String[] tags(String address, String port, String other) {
        String[] values = new String[3];
        values[shape.tagIndex("address")] = address;
        values[shape.tagIndex("port")] = port;
        values[shape.tagIndex("\uE000")] = other;
        return values;
    }

    @Test
    void metricsOfOneShapeShareTheirKeysAndEqualKeysElsewhereDoNot() {
        long[] fields = {1, 2, 3, 1};
        Metric first = shape.metric(tags("10.0.0.1", "80", "x"), fields, 1);
        Metric second = shape.metric(tags("10.0.0.2", "81", "y"), fields, 2);
        Metric sameKeysOtherShape = MetricShape.of("rs", MetricType.GAUGE, new String[] {"port", "address", "\uE000"},
                new String[] {"active", "bytes", "ratio", "up"},
                new FieldType[] {FieldType.LONG, FieldType.UNSIGNED, FieldType.DOUBLE, FieldType.BOOLEAN})
                .metric(tags("10.0.0.1", "80", "x"), fields, 1);

        assertThat(first.sharesKeysWith(second)).isTrue();
        assertThat(second.sharesKeysWith(first)).isTrue();
        assertThat(first.sharesKeysWith(sameKeysOtherShape)).isFalse();
        assertThat(first.sharesKeysWith(first.toBuilder().name("other").build())).isFalse();
        assertThat(first.sharesKeysWith(first.toBuilder().tag("zone", "a").build())).isFalse();
        assertThat(first.sharesKeysWith(first.toBuilder().time(5).build())).isTrue();
    }

    @Test
    void aShapedMetricEqualsTheSameMetricFromABuilder() {
        long[] fields = {-3, -1L, Double.doubleToRawLongBits(0.5), 1};

        Metric shaped = shape.metric(tags("10.0.0.1", "80", "x"), fields, 42);

        Metric built = Metric.builder("rs").type(MetricType.GAUGE).tag("address", "10.0.0.1").tag("port", "80")
                .tag("\uE000", "x").field("active", -3L).unsignedField("bytes", -1L).field("ratio", 0.5)
                .field("up", true).time(42).build();
        assertThat(shaped).isEqualTo(built);
        assertThat(shaped.toString()).isEqualTo(built.toString());
        assertThat(shaped.tagKey(0)).isEqualTo("address");
    }

    @Test
    void theValueArraysAreCopiedSoTheyCanBeReused() {
        String[] tags = tags("a", "1", "x");
        long[] fields = {1, 2, 3, 0};
        Metric first = shape.metric(tags, fields, 1);

        tags[shape.tagIndex("address")] = "b";
        fields[0] = 9;
        Metric second = shape.metric(tags, fields, 2);

        assertThat(first.tag("address")).isEqualTo("a");
        assertThat(first.longValue(0)).isEqualTo(1);
        assertThat(second.tag("address")).isEqualTo("b");
        assertThat(second.longValue(0)).isEqualTo(9);
    }

    @Test
    void wrongValuesAreRejectedNamingTheShapeAndKey() {
        assertThatThrownBy(() -> shape.metric(new String[3], new long[4], 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shape rs").hasMessageContaining("value of tag");
        assertThatThrownBy(() -> shape.metric(tags("a", "1", "x"), new long[3], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 3 tag values and 4 field values");
        assertThatThrownBy(() -> shape.tagIndex("host")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no tag host");
    }

    @Test
    void badShapesAreRejected() {
        assertThatThrownBy(() -> MetricShape.of("m", MetricType.GAUGE, new String[] {"a", "a"}, new String[] {"f"},
                new FieldType[] {FieldType.LONG})).hasMessageContaining("tag key a is repeated");
        assertThatThrownBy(() -> MetricShape.of("m", MetricType.GAUGE, new String[0], new String[] {"f"},
                new FieldType[] {FieldType.STRING})).hasMessageContaining("field f must have a numeric or boolean type");
        assertThatThrownBy(() -> MetricShape.of("m", MetricType.GAUGE, new String[0], new String[] {"f", "g"},
                new FieldType[] {FieldType.LONG})).hasMessageContaining("2 field keys and 1 field types");
        assertThatThrownBy(() -> MetricShape.of("m", MetricType.GAUGE, new String[0], new String[0],
                new FieldType[0])).hasMessageContaining("at least one");
    }
}
