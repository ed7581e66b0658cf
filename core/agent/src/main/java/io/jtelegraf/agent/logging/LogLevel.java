package io.jtelegraf.agent.logging;

import java.util.Locale;

/** Telegraf's log levels with the letter each line carries ({@code E!}, {@code W!}...). */
public enum LogLevel {
    // Declared from the most to the least severe: a threshold shows the levels up to its own.
    ERROR('E'),
    WARN('W'),
    INFO('I'),
    DEBUG('D'),
    TRACE('T');

    private final char letter;

    LogLevel(char letter) {
        this.letter = letter;
    }

    /** The letter before {@code !} in a log line. */
    public char letter() {
        return letter;
    }

    /** Whether a logger at this threshold writes lines of {@code line}'s level. */
    boolean shows(LogLevel line) {
        return line.ordinal() <= ordinal();
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
}
