package io.jtelegraf.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link Metric#withTimeAndDefaultTags} must give exactly what deriving the metric through a
 * builder and adding each default with {@link Metric.Builder#tagIfAbsent} gives, whatever shapes
 * come in whatever order (the merges it remembers are per shape).
 */
class DefaultTagsTest {

    private static Metric viaBuilder(Metric metric, long time, Map<String, String> defaults) {
        Metric.Builder builder = metric.toBuilder().time(time);
        defaults.forEach(builder::tagIfAbsent);
        return builder.build();
    }

    @Property(tries = 300)
    void equalsAddingEachDefaultThroughABuilder(@ForAll("tagMaps") List<Map<String, String>> metricTags,
                                                @ForAll("tagMaps") List<Map<String, String>> defaultsList) {
        Map<String, String> defaults = defaultsList.isEmpty() ? Map.of() : defaultsList.get(0);
        DefaultTags added = DefaultTags.of(defaults);
        // One reused builder per metric tag-key set, as a plugin keeps them: the shapes repeat.
        Map<java.util.Set<String>, Metric.Builder> builders = new HashMap<>();
        long time = 1_000;
        for (int round = 0; round < 3; round++) {
            for (Map<String, String> tags : metricTags) {
                Metric.Builder builder = builders.computeIfAbsent(tags.keySet(), keys -> Metric.builder("m"));
                tags.forEach(builder::tag);
                Metric metric = builder.field("v", time).time(time).build();

                Metric derived = metric.withTimeAndDefaultTags(time + 7, added);

                assertThat(derived).isEqualTo(viaBuilder(metric, time + 7, defaults));
                time++;
            }
        }
    }

    @Provide
    Arbitrary<List<Map<String, String>>> tagMaps() {
        // Few distinct keys, so metric tags and defaults collide often; a surrogate pair and a
        // private-use character exercise the UTF-8 order.
        Arbitrary<String> keys = Arbitraries.of("a", "b", "host", "dc", "z", "\uE000", "\uD83D\uDE00", "aa");
        Arbitrary<String> values = Arbitraries.of("1", "2", "x", "y");
        return Arbitraries.maps(keys, values).ofMaxSize(5).list().ofMaxSize(12);
    }

    @Test
    void theMetricsOwnTagWinsAndAddedTagsAreSorted() {
        Metric metric = Metric.builder("m").tag("host", "own").tag("b", "1").field("v", 1L).time(5).build();

        Metric derived = metric.withTimeAndDefaultTags(9, DefaultTags.of(Map.of("host", "global", "a", "x", "c", "y")));

        assertThat(derived.tags()).containsExactly(Map.entry("a", "x"), Map.entry("b", "1"), Map.entry("c", "y"),
                Map.entry("host", "own"));
        assertThat(derived.timestamp()).isEqualTo(9);
        assertThat(derived.fields()).isEqualTo(metric.fields());
    }

    @Test
    void nothingToChangeReturnsTheSameMetric() {
        Metric metric = Metric.builder("m").tag("host", "own").field("v", 1L).time(5).build();

        assertThat(metric.withTimeAndDefaultTags(5, DefaultTags.of(Map.of("host", "other")))).isSameAs(metric);
        assertThat(metric.withTimeAndDefaultTags(5, DefaultTags.none())).isSameAs(metric);
        assertThat(metric.withTimeAndDefaultTags(6, DefaultTags.none()).timestamp()).isEqualTo(6);
    }

    @Test
    void moreShapesThanRememberedStillMergeCorrectly() {
        DefaultTags added = DefaultTags.of(Map.of("host", "h"));
        List<Metric> metrics = new ArrayList<>();
        for (int shape = 0; shape < 20; shape++) {
            metrics.add(Metric.builder("m").tag("k" + shape, "v").field("f", 1L).time(1).build());
        }
        for (int round = 0; round < 2; round++) {
            for (Metric metric : metrics) {
                assertThat(metric.withTimeAndDefaultTags(2, added)).isEqualTo(viaBuilder(metric, 2, Map.of("host", "h")));
            }
        }
    }

    @Test
    void aNullValueIsRejectedNamingTheKey() {
        Map<String, String> tags = new HashMap<>();
        tags.put("dc", null);

        assertThatThrownBy(() -> DefaultTags.of(tags)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("dc");
    }
}
