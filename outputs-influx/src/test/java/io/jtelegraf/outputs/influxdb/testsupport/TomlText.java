package io.jtelegraf.outputs.influxdb.testsupport;

import java.util.Arrays;
import java.util.stream.Collectors;

/** TOML value text for configs built in tests from values known only at run time (ports, paths). */
public final class TomlText {
    private TomlText() {
    }

    /** {@code value} as a TOML basic string, quotes and backslashes escaped. */
    public static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** An array of strings: {@code ["a", "b"]}. */
    public static String array(String... values) {
        return Arrays.stream(values).map(TomlText::quoted).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A {@code urls = [...]} line. */
    public static String urls(String... urls) {
        return "urls = " + array(urls) + "\n";
    }
}
