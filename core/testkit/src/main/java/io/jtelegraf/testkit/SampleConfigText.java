package io.jtelegraf.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plugin's sample.conf the way a user edits it, so a test can check that the sample and
 * the plugin agree: {@code "  # key = value"} lines are commented-out options, {@code "##"} lines
 * documentation. Feed {@link #uncommentedBody} to {@link TestPluginConfigs#fromToml} and the
 * plugin's factory; {@link TestPluginConfigs#unusedKeys} then names options the plugin ignores.
 */
public final class SampleConfigText {
    private static final Pattern OPTION = Pattern.compile("^(\\s*)# (([A-Za-z0-9_]+) = .*)$");

    private SampleConfigText() {
    }

    /** The body of the plugin table with every commented-out option switched on. */
    public static String uncommentedBody(String sample) {
        StringBuilder body = new StringBuilder();
        for (String line : tableLines(sample)) {
            Matcher option = OPTION.matcher(line);
            body.append(option.matches() ? option.group(1) + option.group(2) : line).append('\n');
        }
        return body.toString();
    }

    /** The names of the commented-out options, in file order. */
    public static List<String> optionNames(String sample) {
        List<String> names = new ArrayList<>();
        for (String line : tableLines(sample)) {
            Matcher option = OPTION.matcher(line);
            if (option.matches()) {
                names.add(option.group(3));
            }
        }
        return names;
    }

    /** The lines after the {@code [[...]]} header, up to the next table if any. */
    private static List<String> tableLines(String sample) {
        List<String> lines = List.of(sample.split("\n", -1));
        int header = 0;
        while (header < lines.size() && !lines.get(header).startsWith("[[")) {
            header++;
        }
        if (header == lines.size()) {
            throw new IllegalArgumentException("sample.conf has no [[...]] table header");
        }
        List<String> table = new ArrayList<>();
        for (String line : lines.subList(header + 1, lines.size())) {
            if (line.startsWith("[")) {
                break;
            }
            table.add(line);
        }
        return table;
    }
}
