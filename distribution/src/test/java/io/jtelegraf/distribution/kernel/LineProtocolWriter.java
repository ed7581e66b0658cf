package io.jtelegraf.distribution.kernel;

import io.jtelegraf.spi.Metric;

/**
 * Writes a {@link Metric} as one InfluxDB line-protocol line, with integers as {@code Ni} and
 * unsigned integers as {@code Nu}, so the probe's output reads like the agent's.
 */
final class LineProtocolWriter {

    private LineProtocolWriter() {
    }

    static String line(Metric metric) {
        StringBuilder out = new StringBuilder(256);
        escape(out, metric.name(), ", ");
        for (int i = 0; i < metric.tagCount(); i++) {
            out.append(',');
            escape(out, metric.tagKey(i), ",= ");
            out.append('=');
            escape(out, metric.tagValue(i), ",= ");
        }
        for (int i = 0; i < metric.fieldCount(); i++) {
            out.append(i == 0 ? ' ' : ',');
            escape(out, metric.fieldKey(i), ",= ");
            out.append('=');
            appendValue(out, metric, i);
        }
        return out.append(' ').append(metric.timestamp()).toString();
    }

    private static void appendValue(StringBuilder out, Metric metric, int index) {
        switch (metric.fieldType(index)) {
            case LONG -> out.append(metric.longValue(index)).append('i');
            case UNSIGNED -> out.append(Long.toUnsignedString(metric.longValue(index))).append('u');
            case DOUBLE -> out.append(metric.doubleValue(index));
            case BOOLEAN -> out.append(metric.booleanValue(index));
            default -> out.append('"')
                    .append(metric.stringValue(index).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
    }

    private static void escape(StringBuilder out, String text, String special) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (special.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
    }
}
