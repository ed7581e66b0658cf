package io.jtelegraf.agent.logging;

import io.jtelegraf.agent.startup.StartupWarmup;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The process's logging: Telegraf's text lines (spec 4.7) on stderr or in the {@code logfile},
 * and a {@link PluginLogger} per source.
 *
 * <p>Written here rather than taken from a logging library: the layout and the file rotation are
 * Telegraf's own and already ours ({@link TelegrafLineLayout}, the SPI's rotating writer), and what
 * remains (a level per source, one lock per line) is a few lines, where SLF4J with Logback cost
 * every start about 30 ms of CPU to initialise, three jars and their service-file scans.
 *
 * <p>Use: call {@link #configure(LogSettings)} once the {@code [agent]} table is known (until then,
 * and for loggers made before, lines go to stderr with {@link LogSettings#defaults()}), then
 * {@link #logger(String, Optional, Runnable)} for every plugin and {@code agent}. Configuring again
 * (a reload) sends every logger's lines to the new destination and closes the old logfile.
 *
 * <p>Threading: configure from one thread; loggers may be used from any thread.
 */
public final class AgentLogging {
    private static volatile LogSink current = LogSink.stderr(LogSettings.defaults().zone());

    private final LogSettings settings;

    private AgentLogging(LogSettings settings) {
        this.settings = settings;
    }

    /**
     * Replaces the process-wide destination with stderr, or {@code settings.logfile()} with
     * rotation.
     *
     * @throws java.io.UncheckedIOException when the log file cannot be opened
     */
    public static AgentLogging configure(LogSettings settings) {
        StartupWarmup.beforeFirstUse(StartupWarmup.Library.LOGGING);
        LogSink sink = settings.logfile().isEmpty()
                ? LogSink.stderr(settings.zone())
                : LogSink.to(LogFiles.open(settings), true, settings.zone());
        return install(sink, settings);
    }

    /**
     * Like {@link #configure} but writing to {@code out}, which stays open (for tests and for
     * callers that own the stream).
     */
    public static AgentLogging configure(LogSettings settings, OutputStream out) {
        StartupWarmup.beforeFirstUse(StartupWarmup.Library.LOGGING);
        return install(LogSink.to(out, false, settings.zone()), settings);
    }

    /**
     * Initialises what the first log line needs without writing anything: the time-stamp format
     * (java.time's formatter and zone classes). For the start-up warm-up thread
     * ({@link StartupWarmup}), which runs it before {@link #configure}.
     */
    public static void warmUp() {
        TelegrafLineLayout.appendTime(System.currentTimeMillis(), LogSettings.defaults().zone(), new StringBuilder(32));
    }

    private static synchronized AgentLogging install(LogSink sink, LogSettings settings) {
        LogSink previous = current;
        current = sink;
        previous.close();
        return new AgentLogging(settings);
    }

    static LogSink currentSink() {
        return current;
    }

    /** The settings in force. */
    public LogSettings settings() {
        return settings;
    }

    /**
     * The logger of {@code source}.
     *
     * @param source {@code inputs.ipvs}, {@code inputs.ipvs::alias}, {@code outputs.x}, {@code agent}
     * @param level the plugin's {@code log_level}, replacing the agent level for this source
     * @param onErrorLine called for every error line (counts errors for the self-statistics)
     */
    public PluginLogger logger(String source, Optional<LogLevel> level, Runnable onErrorLine) {
        return new PluginLogger(source, level.orElse(settings.level()), onErrorLine);
    }

    /** The logger of {@code source} at the agent level, without an error listener. */
    public PluginLogger logger(String source) {
        return logger(source, Optional.empty(), () -> { });
    }
}
