package io.jtelegraf.spi.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The integer writer against the JDK's own decimal text. */
class DigitsPropertiesTest {

    @Property(tries = 20_000)
    void writesSignedLikeLongToString(@ForAll long value) {
        byte[] target = new byte[Digits.MAX_LENGTH];
        int end = Digits.writeLong(target, 0, value);
        assertThat(new String(target, 0, end, StandardCharsets.US_ASCII)).isEqualTo(Long.toString(value));
    }

    @Property(tries = 20_000)
    void writesUnsignedLikeToUnsignedString(@ForAll long bits) {
        byte[] target = new byte[Digits.MAX_LENGTH];
        int end = Digits.writeUnsigned(target, 0, bits);
        assertThat(new String(target, 0, end, StandardCharsets.US_ASCII)).isEqualTo(Long.toUnsignedString(bits));
    }

    @Property(tries = 20_000)
    void countsDigits(@ForAll long value) {
        long magnitude = value == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(value);
        assertThat(Digits.count(magnitude)).isEqualTo(Long.toString(magnitude).length());
    }

    @Example
    void writesEveryPowerOfTenBoundary() {
        long power = 1;
        for (int exponent = 0; exponent < 19; exponent++) {
            for (long value : new long[] {power - 1, power, power + 1}) {
                byte[] target = new byte[Digits.MAX_LENGTH];
                int end = Digits.writeLong(target, 0, value);
                assertThat(new String(target, 0, end, StandardCharsets.US_ASCII)).isEqualTo(Long.toString(value));
            }
            power *= 10;
        }
    }
}
