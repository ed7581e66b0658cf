package io.jtelegraf.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoIntegerTest {
    @ParameterizedTest
    @CsvSource({
        "0, 0", "7, 7", "+7, 7", "-7, -7", "010, 8", "0o17, 15", "0O17, 15", "0x1f, 31", "0X1F, 31",
        "-0x10, -16", "0b101, 5", "0B11, 3", "1_000, 1000", "0x_1f, 31", "0_7, 7", "00, 0",
        "9223372036854775807, 9223372036854775807", "-9223372036854775808, -9223372036854775808",
        "0x7fffffffffffffff, 9223372036854775807",
    })
    void readsGoIntegerLiterals(String text, long expected) throws Exception {
        assertThat(GoInteger.parseLong(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "-", "0x", "0b", "0o", "08", "0b2", "0x1g", "1.5", "soon", "_1", "1_", "1__0",
        "0x__1", "--1", "+-1", " 1", "1 ", "\u0661", "0x-5"})
    void rejectsWhatGoRejects(String text) {
        assertThatThrownBy(() -> GoInteger.parseLong(text)).isInstanceOf(GoInteger.SyntaxException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "-9223372036854775809", "0x8000000000000000", "99999999999999999999"})
    void saysWhenANumberDoesNotFitALong(String text) {
        assertThatThrownBy(() -> GoInteger.parseLong(text)).isInstanceOf(GoInteger.RangeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "-2147483649", "0x80000000"})
    void saysWhenANumberDoesNotFitAnInt(String text) {
        assertThatThrownBy(() -> GoInteger.parseInt(text)).isInstanceOf(GoInteger.RangeException.class);
    }

    @Property(tries = 2000)
    void everyLongReadsBackInEveryBase(@ForAll long value, @ForAll @IntRange(min = 0, max = 4) int form,
                                       @ForAll @IntRange(min = 0, max = 63) int underscoreAt) throws Exception {
        String magnitude = switch (form) {
            case 0 -> Long.toUnsignedString(Math.abs(value));
            case 1 -> "0x" + Long.toHexString(Math.abs(value));
            case 2 -> "0o" + Long.toOctalString(Math.abs(value));
            case 3 -> "0" + Long.toOctalString(Math.abs(value));
            default -> "0b" + Long.toBinaryString(Math.abs(value));
        };
        String text = (value < 0 ? "-" : "") + magnitude;
        assertThat(GoInteger.parseLong(text)).isEqualTo(value);
        // One underscore between two digits changes nothing.
        int digitsStart = text.length() - magnitude.length() + (form == 0 ? 0 : form == 3 ? 1 : 2);
        int cut = digitsStart + 1 + underscoreAt;
        if (cut < text.length()) {
            assertThat(GoInteger.parseLong(text.substring(0, cut) + "_" + text.substring(cut))).isEqualTo(value);
        }
    }
}
