package io.jtelegraf.spi.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.spi.DefaultTags;
import io.jtelegraf.spi.FieldType;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.MetricShape;
import io.jtelegraf.spi.MetricType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Metrics that share their keys are written through a {@link SeriesLayout}; what comes out must
 * be exactly what the general path writes, for every key, value and option, including the cases
 * the layout hands back to the general path (a tag value that is empty, ends in a backslash or is
 * too long to cache) and keys that make a layout unusable.
 */
class SeriesLayoutTest {
    private static final FieldType[] TYPES = {FieldType.LONG, FieldType.UNSIGNED, FieldType.DOUBLE, FieldType.BOOLEAN};

    @Property(tries = 400)
    void batchesOfSharedKeysAreWrittenAsOneMetricAtATime(@ForAll long seed) {
        Random random = new Random(seed);
        LineProtocolOptions options = new LineProtocolOptions(random.nextInt(4) == 0 ? 40 + random.nextInt(200) : 0,
                random.nextBoolean(), random.nextBoolean(), random.nextInt(4) == 0);
        List<Metric> batch = shapedBatch(random);
        LineProtocolSerializer warm = new LineProtocolSerializer(options);
        String expected = oneAtATime(batch, options);
        // Twice, so the second pass meets layouts and value entries made in the first.
        for (int pass = 0; pass < 2; pass++) {
            LineBuffer out = new LineBuffer(16);
            warm.appendBatch(batch, out, SkippedMetricListener.IGNORE);
            assertThat(out.toString()).isEqualTo(expected);
        }
    }

    @Example
    void metricsOfOneShapeGetALayoutFromTheirSecondMetricOn() {
        MetricShape shape = MetricShape.of("m", MetricType.UNTYPED, new String[] {"host", "port"}, new String[] {"n"},
                new FieldType[] {FieldType.LONG});
        SeriesLayouts layouts = new SeriesLayouts(LineProtocolOptions.DEFAULTS, new EscapedTextCache(16));
        Metric first = shape.metric(new String[] {"a", "80"}, new long[] {1}, 0);
        Metric second = shape.metric(new String[] {"b", "81"}, new long[] {2}, 0);
        assertThat(layouts.find(first)).isNull();
        SeriesLayout layout = layouts.find(second);
        assertThat(layout).isNotNull();
        assertThat(layouts.find(first)).isSameAs(layout);
    }

    @Example
    void metricsBuiltOneByOneGetNoLayout() {
        SeriesLayouts layouts = new SeriesLayouts(LineProtocolOptions.DEFAULTS, new EscapedTextCache(16));
        for (int i = 0; i < 5; i++) {
            Metric metric = Metric.builder("m").tag("host", "a").field("n", (long) i).time(0).build();
            assertThat(layouts.find(metric)).isNull();
        }
    }

    @Example
    void floatFieldsAndLineLimitsKeepTheGeneralPath() {
        MetricShape floats = MetricShape.of("m", MetricType.UNTYPED, new String[] {"host"}, new String[] {"x"},
                new FieldType[] {FieldType.DOUBLE});
        SeriesLayouts layouts = new SeriesLayouts(LineProtocolOptions.DEFAULTS, new EscapedTextCache(16));
        layouts.find(floats.metric(new String[] {"a"}, new long[] {0}, 0));
        assertThat(layouts.find(floats.metric(new String[] {"a"}, new long[] {0}, 0))).isNull();

        MetricShape integers = MetricShape.of("m", MetricType.UNTYPED, new String[] {"host"}, new String[] {"x"},
                new FieldType[] {FieldType.LONG});
        SeriesLayouts limited = new SeriesLayouts(LineProtocolOptions.DEFAULTS.withMaxLineBytes(100),
                new EscapedTextCache(16));
        limited.find(integers.metric(new String[] {"a"}, new long[] {0}, 0));
        assertThat(limited.find(integers.metric(new String[] {"a"}, new long[] {0}, 0))).isNull();
    }

    @Example
    void aValueTheGeneralPathLeavesOutIsLeftOut() {
        MetricShape shape = MetricShape.of("m", MetricType.UNTYPED, new String[] {"a", "b"}, new String[] {"n"},
                new FieldType[] {FieldType.LONG});
        List<Metric> batch = List.of(
                shape.metric(new String[] {"x", "y"}, new long[] {1}, 5),
                shape.metric(new String[] {"", "y"}, new long[] {2}, 5),
                shape.metric(new String[] {"x\\\\", "y\\"}, new long[] {3}, 5),
                shape.metric(new String[] {"x y", "z=w"}, new long[] {4}, 5));
        LineBuffer out = new LineBuffer();
        new LineProtocolSerializer().appendBatch(batch, out, SkippedMetricListener.IGNORE);
        assertThat(out.toString()).isEqualTo("m,a=x,b=y n=1i 5\nm,b=y n=2i 5\nm,a=x,b=y n=3i 5\nm,a=x\\ y,b=z\\=w n=4i 5\n");
    }

    @Example
    void defaultTagsMergedByTheRuntimeShareTheirKeysToo() {
        MetricShape shape = MetricShape.of("m", MetricType.UNTYPED, new String[] {"port"}, new String[] {"n"},
                new FieldType[] {FieldType.UNSIGNED});
        DefaultTags defaults = DefaultTags.of(Map.of("host", "h1"));
        List<Metric> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(shape.metric(new String[] {"8" + i}, new long[] {-1L}, 7).withTimeAndDefaultTags(9, defaults));
        }
        SeriesLayouts layouts = new SeriesLayouts(LineProtocolOptions.DEFAULTS, new EscapedTextCache(16));
        layouts.find(batch.get(0));
        assertThat(layouts.find(batch.get(1))).isNotNull();
        LineBuffer out = new LineBuffer();
        new LineProtocolSerializer().appendBatch(batch, out, SkippedMetricListener.IGNORE);
        String line = " n=9223372036854775807i 9\n";
        assertThat(out.toString()).isEqualTo("m,host=h1,port=80" + line + "m,host=h1,port=81" + line + "m,host=h1,port=82" + line);
    }

    /** One to three shapes of hostile keys, and metrics of them interleaved, reusing value objects. */
    private static List<Metric> shapedBatch(Random random) {
        List<MetricShape> shapes = new ArrayList<>();
        int shapeCount = 1 + random.nextInt(3);
        for (int s = 0; s < shapeCount; s++) {
            String name = random.nextInt(8) == 0 ? "" : HostileStrings.next(random, 3);
            String[] tagKeys = distinct(random, random.nextInt(4));
            String[] fieldKeys = distinct(random, 1 + random.nextInt(4));
            FieldType[] types = new FieldType[fieldKeys.length];
            for (int f = 0; f < types.length; f++) {
                types[f] = random.nextInt(3) == 0 ? TYPES[random.nextInt(TYPES.length)] : FieldType.LONG;
            }
            shapes.add(MetricShape.of(name, MetricType.UNTYPED, tagKeys, fieldKeys, types));
        }
        List<String> values = new ArrayList<>();
        for (int v = 0; v < 6; v++) {
            values.add(switch (random.nextInt(10)) {
                case 0 -> "";
                case 1 -> "v\\";
                case 2 -> "w ".repeat(EscapedTextCache.MAX_CACHED_CHARS);
                default -> HostileStrings.next(random, 4);
            });
        }
        List<Metric> batch = new ArrayList<>();
        int metrics = 1 + random.nextInt(40);
        for (int m = 0; m < metrics; m++) {
            MetricShape shape = shapes.get(random.nextInt(shapeCount));
            String[] tagValues = new String[shape.tagCount()];
            for (int t = 0; t < tagValues.length; t++) {
                // Mostly the same String objects again, sometimes an equal copy of one.
                String value = values.get(random.nextInt(values.size()));
                tagValues[t] = random.nextInt(5) == 0 ? new String(value) : value;
            }
            long[] bits = new long[shape.fieldCount()];
            for (int f = 0; f < bits.length; f++) {
                bits[f] = switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> -1 - random.nextInt(1000);
                    case 2 -> random.nextLong();
                    default -> Double.doubleToRawLongBits(random.nextInt(3) == 0 ? Double.NaN : random.nextDouble());
                };
            }
            batch.add(shape.metric(tagValues, bits, random.nextInt(3)));
        }
        return batch;
    }

    private static String[] distinct(Random random, int count) {
        Set<String> keys = new LinkedHashSet<>();
        while (keys.size() < count) {
            keys.add(random.nextInt(6) == 0 ? "" : HostileStrings.next(random, 3));
        }
        return keys.toArray(String[]::new);
    }

    /** The batch as fresh serializers write it, one metric each: no layout is ever made. */
    private static String oneAtATime(List<Metric> batch, LineProtocolOptions options) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (Metric metric : batch) {
            LineBuffer out = new LineBuffer(16);
            new LineProtocolSerializer(options).appendBatch(List.of(metric), out, SkippedMetricListener.IGNORE);
            text.write(out.array(), 0, out.length());
        }
        return text.toString(StandardCharsets.UTF_8);
    }
}
