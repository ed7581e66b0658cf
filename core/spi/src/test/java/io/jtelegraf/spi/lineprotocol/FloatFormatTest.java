package io.jtelegraf.spi.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** FloatFormat against the text of Go's strconv.FormatFloat(v, 'f', -1, 64). */
class FloatFormatTest {

    static Stream<Arguments> goText() {
        return Stream.of(
                goCase("smallest subnormal 5e-324 is one digit, not Java's 4.9E-324", Double.MIN_VALUE,
                        "0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                        + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                        + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                        + "00000000000000000000000005"),
                goCase("1e21 has no exponent", 1e21, "1000000000000000000000"),
                goCase("1e23 is the one digit 1, although the double is 99999999999999991611392", 1e23,
                        "100000000000000000000000"),
                goCase("1e-7 has no exponent", 1e-7, "0.0000001"),
                goCase("negative zero is -0", -0.0, "-0"),
                goCase("positive zero is 0", 0.0, "0"),
                goCase("0.1 + 0.2 needs 17 digits", 0.1 + 0.2, "0.30000000000000004"),
                goCase("large whole number beyond 2^53 keeps its shortest digits", 123456789012345680.0,
                        "123456789012345680"),
                goCase("whole number has no trailing .0", 42.0, "42"),
                goCase("simple fraction", 1.5, "1.5"),
                goCase("trailing zeros of a whole number are kept", 100.0, "100"),
                goCase("negative fraction", -2.75, "-2.75"),
                goCase("2e-3 is 0.002", 2e-3, "0.002"),
                goCase("8.41e21 is three digits, where Java 17 prints sixteen", 8.41e21, "8410000000000000000000"),
                goCase("largest double", Double.MAX_VALUE,
                        "1797693134862315700000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                        + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                        + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                        + "000000000"),
                goCase("smallest normal double", Double.MIN_NORMAL,
                        "0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                        + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                        + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                        + "00000000022250738585072014"),
                goCase("2^53 + 2 is written exactly", 9007199254740994.0, "9007199254740994"),
                goCase("2^63 has the shortest digits then zeros", 9223372036854775808.0, "9223372036854776000"));
    }

    private static Arguments goCase(String name, double value, String expected) {
        return Arguments.of(Named.of(name, value), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goText")
    void writesGoText(double value, String expected) {
        assertThat(FloatFormat.format(value)).isEqualTo(expected);
    }

    /**
     * Every value recorded from Go by src/test/go/formatfloat/main.go: powers of two and ten with
     * their neighbours, arbitrary bit patterns, short decimals and results of arithmetic.
     */
    @Test
    void matchesEveryRecordedGoText() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        try (InputStream in = FloatFormatTest.class.getResourceAsStream("go-formatfloat.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                double value = Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, tab), 16));
                String expected = line.substring(tab + 1);
                String actual = FloatFormat.format(value);
                cases++;
                if (!actual.equals(expected)) {
                    mismatches.add(line.substring(0, tab) + ": Go " + expected + ", ours " + actual);
                }
            }
        }
        assertThat(cases).as("recorded cases").isGreaterThan(3000);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void writesIntoAnArrayAtAnOffset() {
        byte[] target = new byte[FloatFormat.MAX_LENGTH + 3];
        target[0] = 'x';
        int end = FloatFormat.write(0.25, target, 1);
        assertThat(new String(target, 0, end, StandardCharsets.US_ASCII)).isEqualTo("x0.25");
    }

    @Test
    void refusesNanAndInfinities() {
        assertThatThrownBy(() -> FloatFormat.format(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FloatFormat.format(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FloatFormat.format(Double.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
