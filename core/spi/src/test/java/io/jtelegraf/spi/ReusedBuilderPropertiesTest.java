package io.jtelegraf.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A builder reused for many metrics guesses where the next field key is and reuses the key and
 * type arrays of the last metric it built while no key or type changed. Whatever operations come
 * between two builds, each metric it builds must equal the metric of a fresh builder given every
 * operation from the start.
 */
class ReusedBuilderPropertiesTest {

    /** One change to a builder. */
    record Operation(int kind, String key, long value) {
        void applyTo(Metric.Builder builder) {
            switch (kind) {
                case 0 -> builder.field(key, value);
                case 1 -> builder.unsignedField(key, value);
                case 2 -> builder.field(key, "s" + value);
                case 3 -> builder.tag(key, "t" + value);
                case 4 -> builder.removeField(key);
                default -> builder.removeTag(key);
            }
        }
    }

    @Property(tries = 500)
    void aReusedBuilderBuildsWhatAFreshBuilderBuilds(@ForAll("rounds") List<List<Operation>> rounds) {
        Metric.Builder reused = Metric.builder("m");
        List<Operation> history = new ArrayList<>();
        long time = 0;
        for (List<Operation> round : rounds) {
            round.forEach(operation -> operation.applyTo(reused));
            history.addAll(round);
            Metric.Builder fresh = Metric.builder("m");
            history.forEach(operation -> operation.applyTo(fresh));

            assertThat(reused.time(time).build()).isEqualTo(fresh.time(time).build());
            time++;
        }
    }

    @Provide
    Arbitrary<List<List<Operation>>> rounds() {
        // Keys from a small set, some as distinct String objects with equal text, so the identity
        // guess both hits and misses; field setters dominate, as in a plugin's builder.
        Arbitrary<String> keys = Arbitraries.of("a", "b", "c", "d", new String("a"), new String("c"));
        Arbitrary<Integer> kinds = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(10, 0), net.jqwik.api.Tuple.of(3, 1), net.jqwik.api.Tuple.of(1, 2),
                net.jqwik.api.Tuple.of(3, 3), net.jqwik.api.Tuple.of(1, 4), net.jqwik.api.Tuple.of(1, 5));
        Arbitrary<Operation> operations = Combinators.combine(kinds, keys, Arbitraries.longs().between(-3, 3))
                .as(Operation::new);
        return operations.list().ofMaxSize(8).list().ofMaxSize(6);
    }
}
