package io.jtelegraf.agent.logging;

import java.util.Locale;

/** Telegraf's log levels with the letter each line carries ({@code E!}, {@code W!}...). */
public enum LogLevel {
    ERROR('E', ch.qos.logback.classic.Level.ERROR),
    WARN('W', ch.qos.logback.classic.Level.WARN),
    INFO('I', ch.qos.logback.classic.Level.INFO),
    DEBUG('D', ch.qos.logback.classic.Level.DEBUG),
    TRACE('T', ch.qos.logback.classic.Level.TRACE);

    private final char letter;
    private final ch.qos.logback.classic.Level logbackLevel;

    LogLevel(char letter, ch.qos.logback.classic.Level logbackLevel) {
        this.letter = letter;
        this.logbackLevel = logbackLevel;
    }

    /** The letter before {@code !} in a log line. */
    public char letter() {
        return letter;
    }

    ch.qos.logback.classic.Level logbackLevel() {
        return logbackLevel;
    }

    /**
     * Parses a plugin's {@code log_level} value: error, warn, info, debug or trace.
     *
     * @throws IllegalArgumentException for any other value, listing the valid ones
     */
    public static LogLevel parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warn" -> WARN;
            case "info" -> INFO;
            case "debug" -> DEBUG;
            case "trace" -> TRACE;
            default -> throw new IllegalArgumentException(
                    "invalid log level \"" + value + "\": must be error, warn, info, debug or trace");
        };
    }

    static LogLevel of(ch.qos.logback.classic.Level level) {
        return switch (level.toInt()) {
            case ch.qos.logback.classic.Level.ERROR_INT -> ERROR;
            case ch.qos.logback.classic.Level.WARN_INT -> WARN;
            case ch.qos.logback.classic.Level.INFO_INT -> INFO;
            case ch.qos.logback.classic.Level.DEBUG_INT -> DEBUG;
            default -> TRACE;
        };
    }
}
