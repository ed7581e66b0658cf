package io.jtelegraf.agent.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.spi.Metric;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricFilterTest {

    private static Metric metric(String name, Map<String, String> tags) {
        return Metric.builder(name).tags(tags).field("a", 1L).field("b", 2L).field("c", 3L).time(0).build();
    }

    private static FilterSpec names(List<String> pass, String passSeparators, List<String> drop) {
        return new FilterSpec(pass, passSeparators, drop, "", Map.of(), Map.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    private static FilterSpec tags(Map<String, List<String>> pass, Map<String, List<String>> drop) {
        return new FilterSpec(List.of(), "", List.of(), "", pass, drop, List.of(), List.of(), List.of(), List.of());
    }

    private static FilterSpec modifiers(List<String> fieldInclude, List<String> fieldExclude, List<String> tagInclude,
                                        List<String> tagExclude) {
        return new FilterSpec(List.of(), "", List.of(), "", Map.of(), Map.of(), fieldInclude, fieldExclude, tagInclude,
                tagExclude);
    }

    @Test
    void noFilterPassesEverythingUnchanged() {
        Metric metric = metric("cpu", Map.of("host", "h"));
        assertThat(MetricFilter.NONE.select(metric)).isTrue();
        assertThat(MetricFilter.NONE.hasModifiers()).isFalse();
    }

    @Test
    void namepassKeepsOnlyMatchingNames() {
        MetricFilter filter = MetricFilter.compile(names(List.of("cpu*"), "", List.of()));
        assertThat(filter.select(metric("cpu_total", Map.of()))).isTrue();
        assertThat(filter.select(metric("mem", Map.of()))).isFalse();
    }

    @Test
    void namedropRemovesMatchingNames() {
        MetricFilter filter = MetricFilter.compile(names(List.of(), "", List.of("mem")));
        assertThat(filter.select(metric("cpu", Map.of()))).isTrue();
        assertThat(filter.select(metric("mem", Map.of()))).isFalse();
    }

    @Test
    void namepassAndNamedropCombineWithAnd() {
        MetricFilter filter = MetricFilter.compile(names(List.of("cpu*"), "", List.of("cpu_guest")));
        assertThat(filter.select(metric("cpu_total", Map.of()))).isTrue();
        assertThat(filter.select(metric("cpu_guest", Map.of()))).isFalse();
    }

    @Test
    void namepassSeparatorLimitsStar() {
        MetricFilter filter = MetricFilter.compile(names(List.of("ipvs.*"), ".", List.of()));
        assertThat(filter.select(metric("ipvs.virtual", Map.of()))).isTrue();
        assertThat(filter.select(metric("ipvs.virtual.real", Map.of()))).isFalse();
    }

    @Test
    void tagpassPassesWhenAnyKeyHasAMatchingValue() {
        MetricFilter filter = MetricFilter.compile(tags(Map.of("proto", List.of("tcp"), "port", List.of("80", "44*")),
                Map.of()));
        assertThat(filter.select(metric("m", Map.of("proto", "udp", "port", "443")))).isTrue();
        assertThat(filter.select(metric("m", Map.of("proto", "tcp")))).isTrue();
        assertThat(filter.select(metric("m", Map.of("proto", "udp", "port", "53")))).isFalse();
    }

    @Test
    void tagpassFailsWhenTheMetricHasNoneOfTheKeys() {
        MetricFilter filter = MetricFilter.compile(tags(Map.of("proto", List.of("*")), Map.of()));
        assertThat(filter.select(metric("m", Map.of("other", "x")))).isFalse();
    }

    @Test
    void tagdropDropsWhenAnyKeyValueMatches() {
        MetricFilter filter = MetricFilter.compile(tags(Map.of(), Map.of("proto", List.of("udp"))));
        assertThat(filter.select(metric("m", Map.of("proto", "udp")))).isFalse();
        assertThat(filter.select(metric("m", Map.of("proto", "tcp")))).isTrue();
        assertThat(filter.select(metric("m", Map.of()))).isTrue();
    }

    @Test
    void tagpassAndTagdropCombineWithAndNot() {
        MetricFilter filter = MetricFilter.compile(tags(Map.of("proto", List.of("tcp")), Map.of("port", List.of("22"))));
        assertThat(filter.select(metric("m", Map.of("proto", "tcp", "port", "80")))).isTrue();
        assertThat(filter.select(metric("m", Map.of("proto", "tcp", "port", "22")))).isFalse();
    }

    @Test
    void tagpassWithAnEmptyValueListNeverMatches() {
        MetricFilter filter = MetricFilter.compile(tags(Map.of("proto", List.of()), Map.of()));
        assertThat(filter.select(metric("m", Map.of("proto", "tcp")))).isFalse();
    }

    @Test
    void fieldincludeKeepsOnlyMatchingFields() {
        Metric.Builder metric = metric("m", Map.of()).toBuilder();
        MetricFilter.compile(modifiers(List.of("a", "c"), List.of(), List.of(), List.of())).modify(metric);
        assertThat(metric.build().fields()).containsOnlyKeys("a", "c");
    }

    @Test
    void fieldexcludeRemovesMatchingFields() {
        Metric.Builder metric = metric("m", Map.of()).toBuilder();
        MetricFilter.compile(modifiers(List.of(), List.of("b*"), List.of(), List.of())).modify(metric);
        assertThat(metric.build().fields()).containsOnlyKeys("a", "c");
    }

    @Test
    void fieldincludeAndExcludeCombine() {
        Metric.Builder metric = metric("m", Map.of()).toBuilder();
        MetricFilter.compile(modifiers(List.of("*"), List.of("a"), List.of(), List.of())).modify(metric);
        assertThat(metric.build().fields()).containsOnlyKeys("b", "c");
    }

    @Test
    void modifiersCanRemoveEveryField() {
        Metric.Builder metric = metric("m", Map.of()).toBuilder();
        MetricFilter.compile(modifiers(List.of("zzz"), List.of(), List.of(), List.of())).modify(metric);
        assertThat(metric.fieldCount()).isZero();
    }

    @Test
    void tagincludeKeepsOnlyMatchingTagKeys() {
        Metric.Builder metric = metric("m", Map.of("host", "h", "proto", "tcp", "port", "80")).toBuilder();
        MetricFilter.compile(modifiers(List.of(), List.of(), List.of("p*"), List.of())).modify(metric);
        assertThat(metric.build().tags()).containsOnlyKeys("proto", "port");
    }

    @Test
    void tagexcludeRemovesMatchingTagKeys() {
        Metric.Builder metric = metric("m", Map.of("host", "h", "proto", "tcp")).toBuilder();
        MetricFilter.compile(modifiers(List.of(), List.of(), List.of(), List.of("host"))).modify(metric);
        assertThat(metric.build().tags()).containsOnlyKeys("proto");
    }

    @Test
    void invalidPatternNamesTheOption() {
        assertThatThrownBy(() -> MetricFilter.compile(tags(Map.of("proto", List.of("[tcp")), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tagpass.proto: invalid glob pattern \"[tcp\"");
    }
}
