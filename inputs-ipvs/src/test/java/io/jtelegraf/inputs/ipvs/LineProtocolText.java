package io.jtelegraf.inputs.ipvs;

import io.jtelegraf.spi.Metric;

/**
 * Metrics as line protocol the way {@code telegraf --test} prints them: tags sorted, fields in
 * insertion order, signed integers with "i", unsigned with "u". Enough for this plugin's values
 * (no characters that need escaping occur).
 */
final class LineProtocolText {
    private LineProtocolText() {
    }

    static String of(Metric metric) {
        StringBuilder line = new StringBuilder(metric.name());
        for (int i = 0; i < metric.tagCount(); i++) {
            line.append(',').append(metric.tagKey(i)).append('=').append(metric.tagValue(i));
        }
        for (int i = 0; i < metric.fieldCount(); i++) {
            line.append(i == 0 ? ' ' : ',').append(metric.fieldKey(i)).append('=');
            switch (metric.fieldType(i)) {
                case LONG -> line.append(metric.longValue(i)).append('i');
                case UNSIGNED -> line.append(Long.toUnsignedString(metric.longValue(i))).append('u');
                default -> line.append(metric.fieldValue(i));
            }
        }
        return line.append(' ').append(metric.timestamp()).toString();
    }
}
