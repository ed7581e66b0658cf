package io.jtelegraf.agent.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import io.jtelegraf.agent.startup.StartupWarmup;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Sets up Logback in code (no XML is read) so that every line has Telegraf's text layout
 * (spec 4.7), and hands out {@link PluginLogger}s per source.
 *
 * <p>Use: call {@link #configure(LogSettings)} once the {@code [agent]} table is known (the process
 * starts with {@link LogSettings#defaults()} through {@link DefaultLogConfigurator}), then
 * {@link #logger(String, Optional, Runnable)} for every plugin and {@code agent}.
 *
 * <p>Threading: configure from one thread; loggers may be used from any thread.
 */
public final class AgentLogging {
    private final LoggerContext context;
    private final LogSettings settings;

    private AgentLogging(LoggerContext context, LogSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    /**
     * Replaces the process-wide Logback configuration with one appender writing Telegraf lines to
     * stderr, or to {@code settings.logfile()} with rotation.
     *
     * @throws IllegalStateException when SLF4J is not bound to Logback
     * @throws java.io.UncheckedIOException when the log file cannot be opened
     */
    public static AgentLogging configure(LogSettings settings) {
        StartupWarmup.beforeFirstUse(StartupWarmup.Library.LOGGING);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("logging: SLF4J is not bound to Logback but to "
                    + LoggerFactory.getILoggerFactory().getClass().getName());
        }
        apply(context, settings, settings.logfile().isEmpty() ? null : LogFiles.open(settings));
        return new AgentLogging(context, settings);
    }

    /**
     * Like {@link #configure} but writing to {@code out} (for tests and for callers that own the
     * stream).
     */
    public static AgentLogging configure(LogSettings settings, OutputStream out) {
        StartupWarmup.beforeFirstUse(StartupWarmup.Library.LOGGING);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        apply(context, settings, out);
        return new AgentLogging(context, settings);
    }

    /**
     * Initialises what the first log line needs, without logging anything: SLF4J bound to Logback
     * (which runs {@link DefaultLogConfigurator}) and the time stamp of the default settings. For
     * the start-up warm-up thread ({@link StartupWarmup}), which runs it before {@link #configure}.
     */
    public static void warmUp() {
        LoggerFactory.getILoggerFactory();
        TelegrafLineLayout.appendTime(System.currentTimeMillis(), LogSettings.defaults().zone(), new StringBuilder(32));
    }

    static void apply(LoggerContext context, LogSettings settings, OutputStream fileOrNull) {
        context.reset();
        TelegrafLineLayout layout = new TelegrafLineLayout(settings.zone());
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        Appender<ILoggingEvent> appender;
        if (fileOrNull == null) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget("System.err");
            console.setEncoder(encoder);
            appender = console;
        } else {
            OutputStreamAppender<ILoggingEvent> stream = new OutputStreamAppender<>();
            stream.setEncoder(encoder);
            stream.setOutputStream(fileOrNull);
            appender = stream;
        }
        appender.setContext(context);
        appender.setName("jtelegraf");
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(settings.level().logbackLevel());
        root.addAppender(appender);
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
        ch.qos.logback.classic.Logger logger = context.getLogger(source);
        Level logbackLevel = level.map(LogLevel::logbackLevel).orElse(null);
        logger.setLevel(logbackLevel);
        return new PluginLogger(source, logger, onErrorLine);
    }

    /** The logger of {@code source} at the agent level, without an error listener. */
    public PluginLogger logger(String source) {
        return logger(source, Optional.empty(), () -> { });
    }
}
