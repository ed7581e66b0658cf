package io.jtelegraf.spi.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.spi.Metric;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A serializer that has seen text before (its escape cache is warm) writes exactly what a fresh
 * serializer writes: the same text in another escape context, colliding hashes, equal text in
 * other String objects, trailing backslashes and non-ASCII text must not leak between entries.
 */
class EscapedTextCacheTest {

    @Example
    void sameTextAsNameAndAsTagUsesEachContextsEscapes() throws SerializationException {
        String text = "a=b c";
        LineProtocolSerializer warm = new LineProtocolSerializer();
        Metric first = Metric.builder(text).tag(text, text).field(text, 1L).time(0).build();
        Metric second = Metric.builder("m").tag("k", text).field("f", 1L).time(0).build();
        Metric third = Metric.builder(text).field("f", 1L).time(0).build();
        assertThat(text(warm.serialize(first))).isEqualTo("a=b\\ c,a\\=b\\ c=a\\=b\\ c a\\=b\\ c=1i 0\n");
        assertThat(text(warm.serialize(second))).isEqualTo("m,k=a\\=b\\ c f=1i 0\n");
        assertThat(text(warm.serialize(third))).isEqualTo("a=b\\ c f=1i 0\n");
    }

    @Example
    void stringsWithTheSameHashDoNotShareAnEntry() throws SerializationException {
        // "Aa" and "BB" have the same String.hashCode().
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        LineProtocolSerializer warm = new LineProtocolSerializer();
        for (int i = 0; i < 3; i++) {
            assertThat(text(warm.serialize(Metric.builder("m").tag("k", "Aa").field("f", 1L).time(0).build())))
                    .isEqualTo("m,k=Aa f=1i 0\n");
            assertThat(text(warm.serialize(Metric.builder("m").tag("k", "BB").field("f", 1L).time(0).build())))
                    .isEqualTo("m,k=BB f=1i 0\n");
        }
    }

    @Example
    void trailingBackslashesAreTrimmedOnlyForTags() throws SerializationException {
        String text = "x\\\\";
        LineProtocolSerializer warm = new LineProtocolSerializer();
        Metric metric = Metric.builder("m").tag("k", text).field(text, 1L).time(0).build();
        for (int i = 0; i < 3; i++) {
            assertThat(text(warm.serialize(metric))).isEqualTo("m,k=x x\\\\=1i 0\n");
        }
    }

    @Example
    void longTextIsWrittenWithoutTheCache() throws SerializationException {
        String longValue = "v ".repeat(EscapedTextCache.MAX_CACHED_CHARS);
        LineProtocolSerializer warm = new LineProtocolSerializer();
        Metric metric = Metric.builder("m").tag("k", longValue).field("f", 1L).time(0).build();
        String expected = "m,k=" + "v\\ ".repeat(EscapedTextCache.MAX_CACHED_CHARS) + " f=1i 0\n";
        assertThat(text(warm.serialize(metric))).isEqualTo(expected);
        assertThat(text(warm.serialize(metric))).isEqualTo(expected);
    }

    @Property(tries = 300)
    void warmSerializerWritesWhatFreshSerializersWrite(@ForAll("batches") List<Metric> metrics) throws SerializationException {
        LineProtocolSerializer warm = new LineProtocolSerializer();
        // Twice over the batch, so the second pass reads every text from the cache.
        for (int pass = 0; pass < 2; pass++) {
            for (Metric metric : metrics) {
                byte[] expected;
                try {
                    expected = new LineProtocolSerializer().serialize(metric);
                } catch (SerializationException e) {
                    continue;
                }
                assertThat(warm.serialize(metric)).isEqualTo(expected);
            }
        }
    }

    @Provide
    Arbitrary<List<Metric>> batches() {
        // A small alphabet of the characters every escape rule treats specially, plus non-ASCII
        // and surrogates, so the same short texts recur in different roles.
        Arbitrary<String> texts = Arbitraries.strings()
                .withChars(' ', ',', '=', '"', '\\', '\t', '\n', '\r', '\f', 'a', 'b', '\u00e9', '\u20ac', '\ud83d', '\ude00')
                .ofMinLength(0).ofMaxLength(6);
        Arbitrary<Metric> metrics = texts.list().ofMinSize(4).ofMaxSize(4).map(parts -> {
            Metric.Builder builder = Metric.builder(parts.get(0).isEmpty() ? "m" : parts.get(0)).time(1);
            builder.tag(parts.get(1), parts.get(2));
            builder.tag(parts.get(2), parts.get(1));
            builder.field(parts.get(3), parts.get(1));
            builder.field(parts.get(1) + "k", 7L);
            return builder.build();
        });
        return metrics.list().ofMinSize(1).ofMaxSize(30).map(ArrayList::new);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
