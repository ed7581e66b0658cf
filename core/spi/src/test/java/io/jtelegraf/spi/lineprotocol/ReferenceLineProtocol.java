package io.jtelegraf.spi.lineprotocol;

import io.jtelegraf.spi.FieldType;
import io.jtelegraf.spi.Metric;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * Telegraf's influx serializer written down as plainly as possible from the compatibility spec
 * (section 6), character by character with no fast paths, so the real serializer's optimised
 * code can be checked against it. Covers strings, integers and booleans; number formatting has
 * its own tests.
 */
public final class ReferenceLineProtocol {
    private ReferenceLineProtocol() {
    }

    /** Measurement names: TAB, LF, FF, CR, comma and space get a backslash; {@code =} does not. */
    static String escapeName(String text) {
        return escape(text, false);
    }

    /** Tag keys, tag values and field keys: as names, plus {@code =}. */
    static String escapeKey(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean equalsToo) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case ',' -> out.append("\\,");
                case ' ' -> out.append("\\ ");
                case '=' -> out.append(equalsToo ? "\\=" : "=");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A string field value inside its quotes: only {@code "} and {@code \} are escaped. */
    static String escapeStringValue(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Tag keys and values lose trailing backslashes (they would escape the separator). */
    static String trimTrailingBackslashes(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\\') {
            end--;
        }
        return text.substring(0, end);
    }

    /** Java's UTF-8 encoder writes a lone surrogate as '?': what any String becomes on the wire. */
    public static String asOnTheWire(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /** The line for {@code metric}, or empty where Telegraf refuses it (empty name, no field left). */
    public static Optional<byte[]> line(Metric metric) {
        if (metric.name().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder line = new StringBuilder(escapeName(metric.name()));
        Integer[] tagOrder = new Integer[metric.tagCount()];
        Arrays.setAll(tagOrder, i -> i);
        // Tags sorted by code point, which is the UTF-8 byte order Telegraf's metric keeps. (Tag
        // keys with a lone surrogate, which a Go string cannot hold, are not generated.)
        Arrays.sort(tagOrder, Comparator.comparing(i -> metric.tagKey(i).codePoints().toArray(),
                Arrays::compare));
        for (int i : tagOrder) {
            String key = trimTrailingBackslashes(escapeKey(metric.tagKey(i)));
            String value = trimTrailingBackslashes(escapeKey(metric.tagValue(i)));
            if (!key.isEmpty() && !value.isEmpty()) {
                line.append(',').append(key).append('=').append(value);
            }
        }
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < metric.fieldCount(); i++) {
            if (metric.fieldKey(i).isEmpty()) {
                continue;
            }
            fields.append(fields.length() == 0 ? "" : ",").append(escapeKey(metric.fieldKey(i))).append('=');
            FieldType type = metric.fieldType(i);
            switch (type) {
                case STRING -> fields.append('"').append(escapeStringValue(metric.stringValue(i))).append('"');
                case LONG -> fields.append(metric.longValue(i)).append('i');
                case BOOLEAN -> fields.append(metric.booleanValue(i));
                default -> throw new IllegalArgumentException("the reference covers strings, integers and booleans, not "
                        + type);
            }
        }
        if (fields.length() == 0) {
            return Optional.empty();
        }
        line.append(' ').append(fields).append(' ').append(metric.timestamp()).append('\n');
        return Optional.of(line.toString().getBytes(StandardCharsets.UTF_8));
    }
}
