package io.jtelegraf.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the line-protocol lines the fault tests look at: the {@code hello} input's lines (its
 * {@code count} field numbers the gathers) and {@code inputs.internal}'s counters.
 */
final class MetricLines {
    private static final Pattern COUNT = Pattern.compile("[ ,]count=(\\d+)i");

    private MetricLines() {
    }

    /** The lines of a file written by {@code outputs.file}; none when it does not exist yet. */
    static List<String> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isEmpty()).toList();
    }

    static List<String> hello(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("hello,")).toList();
    }

    /** The gather number of a {@code hello} line. */
    static long count(String helloLine) {
        Matcher matcher = COUNT.matcher(helloLine);
        if (!matcher.find()) {
            throw new AssertionError("no count field in " + helloLine);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The timestamp (ns) at the end of a line. */
    static long timestamp(String line) {
        return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
    }

    /**
     * The integer field {@code field} of the last line of {@code measurement} whose tags include
     * {@code tag} (for example {@code output=influxdb}), if any.
     */
    static OptionalLong lastValue(List<String> lines, String measurement, String tag, String field) {
        Pattern value = Pattern.compile("[ ,]" + Pattern.quote(field) + "=(-?\\d+)i");
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            String series = line.substring(0, line.indexOf(' '));
            if (series.startsWith(measurement + ",") && (tag.isEmpty() || series.contains("," + tag))
                    && (tag.contains("alias=") || !series.contains(",alias="))) {
                Matcher matcher = value.matcher(line);
                if (matcher.find()) {
                    return OptionalLong.of(Long.parseLong(matcher.group(1)));
                }
            }
        }
        return OptionalLong.empty();
    }
}
