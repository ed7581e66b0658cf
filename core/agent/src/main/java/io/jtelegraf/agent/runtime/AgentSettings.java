package io.jtelegraf.agent.runtime;

import java.time.Duration;
import java.util.Map;

/**
 * The effective {@code [agent]} settings after every config file was read (spec 1.7), with
 * defaults applied, plus the global tags (host included unless omit_hostname).
 */
public record AgentSettings(
        Duration interval,
        boolean roundInterval,
        int metricBatchSize,
        int metricBufferLimit,
        Duration collectionJitter,
        Duration collectionOffset,
        Duration flushInterval,
        Duration flushJitter,
        Duration precision,
        boolean debug,
        boolean quiet,
        String logfile,
        Duration logfileRotationInterval,
        long logfileRotationMaxSize,
        int logfileRotationMaxArchives,
        String logWithTimezone,
        String hostname,
        boolean omitHostname,
        boolean alwaysIncludeLocalTags,
        boolean alwaysIncludeGlobalTags,
        String bufferStrategy,
        String bufferDirectory,
        boolean bufferDiskSync,
        Map<String, String> globalTags) {

    public AgentSettings {
        globalTags = Map.copyOf(globalTags);
    }

    /** The settings with {@code buffer_disk_sync} at its default, true. */
    public AgentSettings(Duration interval, boolean roundInterval, int metricBatchSize, int metricBufferLimit,
                         Duration collectionJitter, Duration collectionOffset, Duration flushInterval,
                         Duration flushJitter, Duration precision, boolean debug, boolean quiet, String logfile,
                         Duration logfileRotationInterval, long logfileRotationMaxSize, int logfileRotationMaxArchives,
                         String logWithTimezone, String hostname, boolean omitHostname, boolean alwaysIncludeLocalTags,
                         boolean alwaysIncludeGlobalTags, String bufferStrategy, String bufferDirectory,
                         Map<String, String> globalTags) {
        this(interval, roundInterval, metricBatchSize, metricBufferLimit, collectionJitter, collectionOffset,
                flushInterval, flushJitter, precision, debug, quiet, logfile, logfileRotationInterval,
                logfileRotationMaxSize, logfileRotationMaxArchives, logWithTimezone, hostname, omitHostname,
                alwaysIncludeLocalTags, alwaysIncludeGlobalTags, bufferStrategy, bufferDirectory, true, globalTags);
    }

    /** Whether outputs keep their buffers on disk ({@code buffer_strategy} "disk" or "disk_write_through"). */
    public boolean diskBuffer() {
        return bufferStrategy.equals("disk") || bufferStrategy.equals("disk_write_through");
    }

    /** Telegraf's defaults with the given host tag value ("" for none). */
    public static AgentSettings defaults(String hostname) {
        return new AgentSettings(Duration.ofSeconds(10), true, 1000, 10000, Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(10), Duration.ZERO, Duration.ZERO, false, false, "", Duration.ZERO, 0, 5,
                "", hostname, false, false, false, "memory", "", true,
                hostname.isEmpty() ? Map.of() : Map.of("host", hostname));
    }
}
