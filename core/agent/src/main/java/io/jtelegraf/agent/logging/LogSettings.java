package io.jtelegraf.agent.logging;

import io.jtelegraf.agent.runtime.AgentSettings;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How the process logs (spec 1.7 and 4.7): level, destination and time zone.
 *
 * @param level ERROR when quiet, DEBUG when debug, INFO otherwise
 * @param logfile "" = stderr, otherwise a file with rotation
 * @param rotationInterval rotate when the file is older than this; zero = never
 * @param rotationMaxSize rotate when the file reaches this many bytes; 0 = never
 * @param rotationMaxArchives rotated files to keep; -1 = all
 * @param zone the zone of the time stamps (log_with_timezone; UTC by default)
 */
public record LogSettings(
        LogLevel level,
        String logfile,
        Duration rotationInterval,
        long rotationMaxSize,
        int rotationMaxArchives,
        ZoneId zone) {

    /** Info level on stderr in UTC: what the process uses before its configuration is read. */
    public static LogSettings defaults() {
        return new LogSettings(LogLevel.INFO, "", Duration.ZERO, 0, 5, ZoneOffset.UTC);
    }

    /**
     * The settings of the {@code [agent]} table; the command line's {@code --debug} and
     * {@code --quiet} are ORed in as Telegraf does. Debug wins over quiet.
     *
     * @throws IllegalArgumentException when log_with_timezone is not a known zone name
     */
    public static LogSettings of(AgentSettings agent, boolean debugFlag, boolean quietFlag) {
        LogLevel level = LogLevel.INFO;
        if (agent.quiet() || quietFlag) {
            level = LogLevel.ERROR;
        }
        if (agent.debug() || debugFlag) {
            level = LogLevel.DEBUG;
        }
        return new LogSettings(level, agent.logfile(), agent.logfileRotationInterval(),
                agent.logfileRotationMaxSize(), agent.logfileRotationMaxArchives(), zone(agent.logWithTimezone()));
    }

    /** "" = UTC, "local" = the system zone, else an IANA name such as {@code Europe/Berlin}. */
    static ZoneId zone(String name) {
        if (name.isEmpty()) {
            return ZoneOffset.UTC;
        }
        if (name.equalsIgnoreCase("local")) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(name);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("log_with_timezone: unknown time zone \"" + name + "\"", e);
        }
    }
}
