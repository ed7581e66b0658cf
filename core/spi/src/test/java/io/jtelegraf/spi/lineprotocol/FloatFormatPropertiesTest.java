package io.jtelegraf.spi.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of FloatFormat over arbitrary doubles: round trip, plain notation, shortness. */
class FloatFormatPropertiesTest {

    @Provide
    Arbitrary<Double> finiteDoubles() {
        Arbitrary<Double> anyBits = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<Double> shortDecimals = Arbitraries.longs().between(-999_999_999_999L, 999_999_999_999L)
                .flatMap(unscaled -> Arbitraries.integers().between(-30, 30)
                        .map(scale -> BigDecimal.valueOf(unscaled, scale).doubleValue()));
        return Arbitraries.oneOf(anyBits, shortDecimals, Arbitraries.doubles());
    }

    @Property(tries = 10_000)
    void parsesBackToTheSameDouble(@ForAll("finiteDoubles") double value) {
        String text = FloatFormat.format(value);
        assertThat(Double.doubleToRawLongBits(Double.parseDouble(text)))
                .as("%s parsed back", text)
                .isEqualTo(Double.doubleToRawLongBits(value));
    }

    @Property(tries = 10_000)
    void isPlainDecimalWithoutExponentOrTrailingZeros(@ForAll("finiteDoubles") double value) {
        String text = FloatFormat.format(value);
        assertThat(text).doesNotContain("e").doesNotContain("E");
        assertThat(text).matches("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?");
    }

    /** No decimal with one significant digit fewer round-trips (checked both ways round). */
    @Property(tries = 3_000)
    void hasNoShorterRoundTrippingDecimal(@ForAll("finiteDoubles") double value) {
        BigDecimal written = new BigDecimal(FloatFormat.format(value)).stripTrailingZeros();
        int digits = written.precision();
        if (value == 0 || digits == 1) {
            return;
        }
        BigDecimal exact = new BigDecimal(value);
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal shorter = exact.round(new MathContext(digits - 1, mode));
            assertThat(Double.parseDouble(shorter.toString()))
                    .as("%s would round-trip with %d digits as %s", written, digits - 1, shorter)
                    .isNotEqualTo(value);
        }
    }
}
