package io.jtelegraf.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.spi.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricBufferTest {
    private static Metric m(String name) {
        return Metric.builder(name).field("v", 1L).time(0).build();
    }

    @Test
    void fullBufferDropsTheOldest() {
        MetricBuffer buffer = new MetricBuffer(2);
        assertThat(buffer.add(m("a"))).isZero();
        assertThat(buffer.add(m("b"))).isZero();
        assertThat(buffer.add(m("c"))).isEqualTo(1);
        assertThat(buffer.take(10)).extracting(Metric::name).containsExactly("b", "c");
    }

    @Test
    void takeReturnsTheOldestFirst() {
        MetricBuffer buffer = new MetricBuffer(5);
        List.of("a", "b", "c").forEach(n -> buffer.add(m(n)));
        assertThat(buffer.take(2)).extracting(Metric::name).containsExactly("a", "b");
        assertThat(buffer.size()).isEqualTo(1);
    }

    @Test
    void restoredMetricsGoBackInFront() {
        MetricBuffer buffer = new MetricBuffer(5);
        List.of("a", "b", "c").forEach(n -> buffer.add(m(n)));
        List<Metric> batch = buffer.take(2);
        buffer.add(m("d"));
        assertThat(buffer.restoreFront(batch)).isZero();
        assertThat(buffer.take(10)).extracting(Metric::name).containsExactly("a", "b", "c", "d");
    }

    @Test
    void restoreIntoAFullBufferDropsTheOldestOfTheBatch() {
        MetricBuffer buffer = new MetricBuffer(3);
        List.of("a", "b", "c").forEach(n -> buffer.add(m(n)));
        List<Metric> batch = buffer.take(2);
        buffer.add(m("d"));
        assertThat(buffer.restoreFront(batch)).isEqualTo(1);
        assertThat(buffer.take(10)).extracting(Metric::name).containsExactly("b", "c", "d");
    }

    @Test
    void restoreIntoABufferFilledMeanwhileDropsTheWholeBatch() {
        MetricBuffer buffer = new MetricBuffer(2);
        List.of("a", "b").forEach(n -> buffer.add(m(n)));
        List<Metric> batch = buffer.take(2);
        List.of("c", "d").forEach(n -> buffer.add(m(n)));
        assertThat(buffer.restoreFront(batch)).isEqualTo(2);
        assertThat(buffer.take(10)).extracting(Metric::name).containsExactly("c", "d");
    }
}
