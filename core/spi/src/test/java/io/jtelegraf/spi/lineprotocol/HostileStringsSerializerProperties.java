package io.jtelegraf.spi.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.spi.Metric;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Measurement names, tag keys and values, field keys and string values made of separators,
 * backslashes, quotes, control characters and astral characters serialize to exactly the bytes
 * Telegraf writes, as re-derived by {@link ReferenceLineProtocol} from the spec, alone and in
 * batches.
 */
class HostileStringsSerializerProperties {
    private final LineProtocolSerializer serializer = new LineProtocolSerializer();

    @Property(tries = 3000, seed = "6061", edgeCases = EdgeCasesMode.NONE)
    void everyLineIsTelegrafExact(@ForAll("metrics") Metric metric) throws SerializationException {
        Optional<byte[]> expected = ReferenceLineProtocol.line(metric);
        Statistics.collect(expected.isPresent() ? "serialized" : "refused");
        if (expected.isPresent()) {
            byte[] actual = serializer.serialize(metric);
            assertThat(new String(actual, StandardCharsets.UTF_8)).as("%s", metric)
                    .isEqualTo(new String(expected.get(), StandardCharsets.UTF_8));
            assertThat(actual).isEqualTo(expected.get());
        } else {
            assertThatThrownBy(() -> serializer.serialize(metric)).as("%s", metric)
                    .isInstanceOf(SerializationException.class);
        }
    }

    @Property(tries = 500, seed = "6062", edgeCases = EdgeCasesMode.NONE)
    void aBatchIsTheConcatenationOfTheLinesItCanWrite(@ForAll("batches") List<Metric> metrics) {
        StringBuilder expected = new StringBuilder();
        for (Metric metric : metrics) {
            ReferenceLineProtocol.line(metric).ifPresent(bytes -> expected.append(new String(bytes, StandardCharsets.UTF_8)));
        }
        assertThat(new String(serializer.serializeBatch(metrics), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    @Provide
    Arbitrary<List<Metric>> batches() {
        return metrics().list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Metric> metrics() {
        Arbitrary<String> text = HostileStrings.arbitrary(6);
        // Tag keys without lone surrogates: their sort order has no Telegraf counterpart.
        Arbitrary<String> tagKeys = text.map(ReferenceLineProtocol::asOnTheWire);
        Arbitrary<List<Tuple.Tuple2<String, String>>> tags = Combinators.combine(tagKeys, text).as(Tuple::of)
                .list().ofMaxSize(4);
        Arbitrary<List<Tuple.Tuple2<String, Object>>> fields = Combinators.combine(text, fieldValues()).as(Tuple::of)
                .list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<Long> timestamps = Arbitraries.longs();
        // Mostly named metrics: an empty name is refused as a whole, so it is tried now and then only.
        Arbitrary<String> names = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("")),
                Tuple.of(19, HostileStrings.arbitrary(6).filter(name -> !name.isEmpty())));
        return Combinators.combine(names, tags, fields, timestamps).as((name, tagList, fieldList, time) -> {
            Metric.Builder builder = Metric.builder(name).time(time);
            tagList.forEach(tag -> builder.tag(tag.get1(), tag.get2()));
            fieldList.forEach(field -> builder.fieldValue(field.get1(), field.get2()));
            return builder.build();
        });
    }

    private static Arbitrary<Object> fieldValues() {
        return Arbitraries.oneOf(HostileStrings.arbitrary(8).map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l), Arbitraries.of(true, false).map(b -> (Object) b));
    }
}
