package io.jtelegraf.agent.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Formats a log event as Telegraf's text logger does:
 * {@code 2026-11-26T10:00:00Z E! [inputs.ipvs] message}. The time is RFC 3339 with second
 * resolution in the configured zone; the source is the logger name, which {@link AgentLogging}
 * sets to the plugin's log name.
 */
final class TelegrafLineLayout extends LayoutBase<ILoggingEvent> {
    private final ZoneId zone;

    TelegrafLineLayout(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(96);
        appendTime(event.getTimeStamp(), zone, line);
        line.append(' ').append(LogLevel.of(event.getLevel()).letter()).append("! [")
                .append(event.getLoggerName()).append("] ").append(event.getFormattedMessage());
        IThrowableProxy cause = event.getThrowableProxy();
        if (cause != null) {
            // A readable cause, never a bare stack trace.
            line.append(": ").append(cause.getMessage() != null ? cause.getMessage() : cause.getClassName());
        }
        return line.append('\n').toString();
    }

    /** Appends the RFC 3339 time of {@code epochMillis}, to the second, in {@code zone}. */
    static void appendTime(long epochMillis, ZoneId zone, StringBuilder line) {
        Instant time = Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS);
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.formatTo(time.atZone(zone).toOffsetDateTime(), line);
    }
}
