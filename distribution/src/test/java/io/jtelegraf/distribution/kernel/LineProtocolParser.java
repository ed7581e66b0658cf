package io.jtelegraf.distribution.kernel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads InfluxDB line protocol as the agent and {@link GuestProbeMain} write it. Lines that do not
 * start with a measurement (blank lines, {@code #} comments, log lines such as {@code I! ...} or
 * {@code > } prefixes of {@code --test}) are handled by the caller: {@link #parseAll} keeps only
 * lines whose measurement starts with {@code measurementPrefix}.
 */
final class LineProtocolParser {

    private LineProtocolParser() {
    }

    /** The metrics among {@code lines} whose measurement starts with {@code measurementPrefix}. */
    static List<ParsedMetric> parseAll(List<String> lines, String measurementPrefix) {
        List<ParsedMetric> metrics = new ArrayList<>();
        for (String raw : lines) {
            // `--test` prints "> " before each line.
            String line = raw.startsWith("> ") ? raw.substring(2) : raw;
            if (line.startsWith(measurementPrefix)) {
                metrics.add(parse(line));
            }
        }
        return metrics;
    }

    static ParsedMetric parse(String line) {
        Cursor cursor = new Cursor(line);
        String name = cursor.until(", ");
        Map<String, String> tags = new TreeMap<>();
        while (cursor.peek() == ',') {
            cursor.next();
            String key = cursor.until("=");
            cursor.expect('=');
            tags.put(key, cursor.until(", "));
        }
        cursor.expect(' ');
        Map<String, Object> fields = new LinkedHashMap<>();
        Set<String> unsigned = new LinkedHashSet<>();
        do {
            if (!fields.isEmpty()) {
                cursor.expect(',');
            }
            String key = cursor.until("=");
            cursor.expect('=');
            if (cursor.peek() == '"') {
                fields.put(key, cursor.quoted());
            } else {
                String value = cursor.until(", ");
                if (value.endsWith("u")) {
                    unsigned.add(key);
                }
                fields.put(key, number(line, key, value));
            }
        } while (cursor.peek() == ',');
        long timestamp = 0;
        if (cursor.peek() == ' ') {
            cursor.next();
            timestamp = Long.parseLong(cursor.rest().trim());
        }
        return new ParsedMetric(name, tags, fields, unsigned, timestamp);
    }

    private static Object number(String line, String key, String value) {
        if (value.endsWith("i") || value.endsWith("u")) {
            return new BigInteger(value.substring(0, value.length() - 1));
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field " + key + " has no number: " + value + " in line: " + line, e);
        }
    }

    /** A position in one line; backslash escapes the next character. */
    private static final class Cursor {
        private final String line;
        private int position;

        Cursor(String line) {
            this.line = line;
        }

        char peek() {
            return position < line.length() ? line.charAt(position) : '\0';
        }

        void next() {
            position++;
        }

        void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at column " + position + " of: " + line);
            }
            position++;
        }

        String until(String stops) {
            StringBuilder out = new StringBuilder();
            while (position < line.length() && stops.indexOf(line.charAt(position)) < 0) {
                char c = line.charAt(position++);
                if (c == '\\' && position < line.length()) {
                    c = line.charAt(position++);
                }
                out.append(c);
            }
            return out.toString();
        }

        String quoted() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (position < line.length() && line.charAt(position) != '"') {
                char c = line.charAt(position++);
                if (c == '\\' && position < line.length()) {
                    c = line.charAt(position++);
                }
                out.append(c);
            }
            expect('"');
            return out.toString();
        }

        String rest() {
            return line.substring(position);
        }
    }
}
