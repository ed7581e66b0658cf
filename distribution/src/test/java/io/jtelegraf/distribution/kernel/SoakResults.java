package io.jtelegraf.distribution.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code results.txt} of one soak (distribution/bench/soak.sh): {@code key=value} lines
 * written by the guest and the host script. The figures are named in the script's header; a key
 * written twice keeps its last value.
 */
record SoakResults(Map<String, String> values) {

    static SoakResults read(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return new SoakResults(Map.copyOf(values));
    }

    /** The value of {@code key}; fails naming the key when the soak did not write it. */
    String text(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new AssertionError("the soak wrote no " + key + "; its results: " + values);
        }
        return value;
    }

    long number(String key) {
        try {
            return Long.parseLong(text(key).trim());
        } catch (NumberFormatException e) {
            throw new AssertionError(key + " is not a whole number: \"" + text(key) + "\"; its results: " + values);
        }
    }

    double decimal(String key) {
        try {
            return Double.parseDouble(text(key).trim());
        } catch (NumberFormatException e) {
            throw new AssertionError(key + " is not a number: \"" + text(key) + "\"; its results: " + values);
        }
    }

    /** Every figure on its own line, for assertion messages and the test log. */
    String describe() {
        StringBuilder text = new StringBuilder();
        values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> text.append("  ").append(entry.getKey()).append('=').append(entry.getValue()).append('\n'));
        return text.toString();
    }
}
