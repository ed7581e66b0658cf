package io.jtelegraf.agent.logging;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Formats a log line as Telegraf's text logger does:
 * {@code 2026-11-26T10:00:00Z E! [inputs.ipvs] message}. The time is RFC 3339 with second
 * resolution in the configured zone; the source is the plugin's log name.
 */
final class TelegrafLineLayout {
    private TelegrafLineLayout() {
    }

    /**
     * One line, ending in a newline.
     *
     * @param cause appended as {@code : <its message>} (its class name when it has none), or null
     */
    static String format(long epochMillis, ZoneId zone, LogLevel level, String source, String message, Throwable cause) {
        StringBuilder line = new StringBuilder(96);
        appendTime(epochMillis, zone, line);
        line.append(' ').append(level.letter()).append("! [").append(source).append("] ").append(message);
        if (cause != null) {
            // A readable cause, never a bare stack trace.
            line.append(": ").append(cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName());
        }
        return line.append('\n').toString();
    }

    /** Appends the RFC 3339 time of {@code epochMillis}, to the second, in {@code zone}. */
    static void appendTime(long epochMillis, ZoneId zone, StringBuilder line) {
        Instant time = Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS);
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.formatTo(time.atZone(zone).toOffsetDateTime(), line);
    }
}
