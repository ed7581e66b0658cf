package io.jtelegraf.agent.config;

import io.jtelegraf.agent.runtime.AgentSettings;
import io.jtelegraf.spi.ConfigException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects the {@code [agent]} tables of all config files (spec 1.7): each later table
 * overwrites only the keys it sets. Keys match case- and underscore-insensitively
 * ({@code roundinterval}, {@code Round_Interval}), as in Telegraf, whose agent fields carry no
 * explicit TOML names. Types are checked as each table is read; ranges once all files are read.
 */
final class AgentSettingsCollector {
    private enum Kind { DURATION, BOOLEAN, INTEGER, STRING, SIZE }

    /** Every key of spec 1.7, by normalized name. Several are accepted only for compatibility. */
    private static final Map<String, Kind> KEYS = keys();

    private record Setting(Object value, ConfigLocation where, String writtenKey) {
    }

    private final Map<String, Setting> settings = new HashMap<>();
    private final List<ConfigLocation> tables = new ArrayList<>();

    /** Reads one {@code [agent]} table. */
    void apply(ConfigTable table, List<String> warnings) {
        tables.add(table.location());
        UnsupportedFeatures.rejectSecretReferences(table, ConfigMessages.AGENT_SCOPE);
        List<ConfigMessages.KeyAtLine> unknown = new ArrayList<>();
        for (Map.Entry<String, ConfigTable.Value> entry : table.entries().entrySet()) {
            String key = entry.getKey();
            String normalized = normalize(key);
            Kind kind = KEYS.get(normalized);
            ConfigLocation where = table.location().atLine(entry.getValue().line());
            if (kind == null) {
                unknown.add(new ConfigMessages.KeyAtLine(key, entry.getValue().line()));
                continue;
            }
            settings.put(normalized, new Setting(convert(kind, key, entry.getValue().value(), where), where, key));
        }
        if (!unknown.isEmpty()) {
            throw ConfigMessages.unusedKeys(table.location(), ConfigMessages.AGENT_SCOPE, unknown);
        }
        checkStateAndLogKeys(warnings);
    }

    /** Number of {@code [agent]} tables read so far. */
    List<ConfigLocation> tables() {
        return List.copyOf(tables);
    }

    /** metric_batch_size as it stands now (outputs capture it when they are read). */
    int metricBatchSize() {
        return positiveIntOrDefault("metricbatchsize", 1000);
    }

    /** metric_buffer_limit as it stands now. */
    int metricBufferLimit() {
        return positiveIntOrDefault("metricbufferlimit", 10000);
    }

    String hostnameSetting() {
        return string("hostname", "");
    }

    boolean omitHostname() {
        return bool("omithostname", false);
    }

    /**
     * The effective settings after all files.
     *
     * @param hostname the host tag value decided by the loader ("" when none)
     * @throws ConfigException for values out of range, naming the file and line that set them
     */
    AgentSettings build(String hostname, Map<String, String> globalTags) {
        AgentSettings d = AgentSettings.defaults(hostname);
        Duration interval = duration("interval", d.interval());
        require(!interval.isNegative() && !interval.isZero(), "interval", "agent interval must be positive");
        Duration flushInterval = duration("flushinterval", d.flushInterval());
        require(!flushInterval.isNegative() && !flushInterval.isZero(), "flushinterval",
                "agent flush_interval must be positive");
        Duration collectionOffset = notNegative("collectionoffset", d.collectionOffset());
        String logfile = string("logfile", d.logfile());
        if (string("logtarget", "").equals("stderr")) {
            logfile = "";
        }
        return new AgentSettings(
                interval,
                bool("roundinterval", d.roundInterval()),
                metricBatchSize(),
                metricBufferLimit(),
                notNegative("collectionjitter", d.collectionJitter()),
                collectionOffset,
                flushInterval,
                notNegative("flushjitter", d.flushJitter()),
                notNegative("precision", d.precision()),
                bool("debug", d.debug()),
                bool("quiet", d.quiet()),
                logfile,
                notNegative("logfilerotationinterval", d.logfileRotationInterval()),
                size("logfilerotationmaxsize", d.logfileRotationMaxSize()),
                logfileRotationMaxArchives(d.logfileRotationMaxArchives()),
                logWithTimezone(),
                hostname,
                omitHostname(),
                bool("alwaysincludelocaltags", d.alwaysIncludeLocalTags()),
                bool("alwaysincludeglobaltags", d.alwaysIncludeGlobalTags()),
                bufferStrategy(d.bufferStrategy()),
                string("bufferdirectory", d.bufferDirectory()),
                bool("bufferdisksync", d.bufferDiskSync()),
                globalTags);
    }

    private void checkStateAndLogKeys(List<String> warnings) {
        Setting statefile = settings.get("statefile");
        if (statefile != null && !((String) statefile.value()).isEmpty()) {
            warnings.add(statefile.where() + ": " + ConfigMessages.AGENT_SCOPE + ": key \"" + statefile.writtenKey()
                    + "\" is ignored: jtelegraf does not persist plugin state");
            settings.put("statefile", new Setting("", statefile.where(), statefile.writtenKey()));
        }
        Setting logtarget = settings.get("logtarget");
        if (logtarget != null) {
            String target = (String) logtarget.value();
            if (!target.isEmpty() && !target.equals("file") && !target.equals("stderr")) {
                throw keyProblem(logtarget, target.equals("eventlog")
                        ? "jtelegraf does not support logtarget \"eventlog\" (the Windows event log)"
                        : "invalid value " + TelegrafUnits.quote(target) + "; valid values are file, stderr");
            }
        }
        Setting logformat = settings.get("logformat");
        if (logformat != null) {
            String format = (String) logformat.value();
            if (!format.isEmpty() && !format.equals("text")) {
                throw keyProblem(logformat, format.equals("structured") || format.equals("eventlog")
                        ? "jtelegraf supports only logformat \"text\", not " + TelegrafUnits.quote(format)
                        : "invalid value " + TelegrafUnits.quote(format) + "; valid values are text");
            }
        }
    }

    private String bufferStrategy(String defaultValue) {
        String strategy = string("bufferstrategy", "");
        if (strategy.isEmpty()) {
            return defaultValue;
        }
        require(strategy.equals("memory") || strategy.equals("disk") || strategy.equals("disk_write_through"),
                "bufferstrategy", "invalid value " + TelegrafUnits.quote(strategy)
                        + "; valid values are memory, disk, disk_write_through");
        // Without a folder the buffer would land wherever the agent happens to be started.
        require(strategy.equals("memory") || !string("bufferdirectory", "").isBlank(), "bufferstrategy",
                TelegrafUnits.quote(strategy) + " needs buffer_directory, the folder that keeps the buffered metrics");
        return strategy;
    }

    private String logWithTimezone() {
        String zone = string("logwithtimezone", "");
        if (!zone.isEmpty() && !zone.equalsIgnoreCase("local")) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw keyProblem(settings.get("logwithtimezone"), "unknown time zone " + TelegrafUnits.quote(zone)
                        + "; use an IANA name such as \"Europe/Berlin\" or \"local\"");
            }
        }
        return zone;
    }

    private int logfileRotationMaxArchives(int defaultValue) {
        Setting setting = settings.get("logfilerotationmaxarchives");
        if (setting == null) {
            return defaultValue;
        }
        long value = (Long) setting.value();
        require(value >= -1 && value <= Integer.MAX_VALUE, "logfilerotationmaxarchives",
                "must be -1 (keep all) or a number of archives to keep");
        return (int) value;
    }

    private int positiveIntOrDefault(String key, int defaultValue) {
        Setting setting = settings.get(key);
        if (setting == null) {
            return defaultValue;
        }
        long value = (Long) setting.value();
        require(value >= 0 && value <= Integer.MAX_VALUE, key, "must be a positive number");
        return value == 0 ? defaultValue : (int) value;
    }

    private Duration duration(String key, Duration defaultValue) {
        Setting setting = settings.get(key);
        return setting == null ? defaultValue : (Duration) setting.value();
    }

    private Duration notNegative(String key, Duration defaultValue) {
        Duration value = duration(key, defaultValue);
        require(!value.isNegative(), key, "must not be negative");
        return value;
    }

    private boolean bool(String key, boolean defaultValue) {
        Setting setting = settings.get(key);
        return setting == null ? defaultValue : (Boolean) setting.value();
    }

    private String string(String key, String defaultValue) {
        Setting setting = settings.get(key);
        return setting == null ? defaultValue : (String) setting.value();
    }

    private long size(String key, long defaultValue) {
        Setting setting = settings.get(key);
        // An empty size string leaves the value unchanged (stored as null).
        return setting == null || setting.value() == null ? defaultValue : (Long) setting.value();
    }

    private void require(boolean condition, String key, String problem) {
        if (!condition) {
            throw keyProblem(settings.get(key), problem);
        }
    }

    private static ConfigException keyProblem(Setting setting, String problem) {
        return ConfigMessages.keyProblem(setting.where(), ConfigMessages.AGENT_SCOPE, setting.writtenKey(), problem);
    }

    private static Object convert(Kind kind, String key, Object value, ConfigLocation where) {
        try {
            switch (kind) {
                case DURATION -> {
                    Duration duration = TelegrafUnits.durationValue(value);
                    if (duration == null) {
                        throw wrongType(where, key, "a duration (a string such as \"10s\" or a number of seconds)", value);
                    }
                    return duration;
                }
                case SIZE -> {
                    if (value instanceof Long bytes) {
                        return bytes;
                    } else if (value instanceof String text) {
                        return text.isEmpty() ? null : TelegrafUnits.size(text);
                    }
                    throw wrongType(where, key, "a size (a string such as \"10MB\" or an integer of bytes)", value);
                }
                case BOOLEAN -> {
                    if (value instanceof Boolean) {
                        return value;
                    }
                    throw wrongType(where, key, "a boolean (true or false)", value);
                }
                case INTEGER -> {
                    if (value instanceof Long) {
                        return value;
                    }
                    throw wrongType(where, key, "an integer", value);
                }
                default -> {
                    if (value instanceof String) {
                        return value;
                    }
                    throw wrongType(where, key, "a string", value);
                }
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ConfigMessages.keyProblem(where, ConfigMessages.AGENT_SCOPE, key, e.getMessage());
        }
    }

    private static ConfigException wrongType(ConfigLocation where, String key, String expected, Object actual) {
        return ConfigMessages.keyProblem(where, ConfigMessages.AGENT_SCOPE, key,
                "expected " + expected + ", got " + ConfigTable.describeType(actual));
    }

    static String normalize(String key) {
        return key.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static Map<String, Kind> keys() {
        Map<String, Kind> keys = new HashMap<>();
        for (String key : List.of("interval", "collection_jitter", "collection_offset", "flush_interval",
                "flush_jitter", "precision", "logfile_rotation_interval")) {
            keys.put(normalize(key), Kind.DURATION);
        }
        for (String key : List.of("round_interval", "debug", "quiet", "omit_hostname", "always_include_local_tags",
                "always_include_global_tags", "skip_processors_after_aggregators",
                "skip_processors_before_aggregators", "buffer_disk_sync")) {
            keys.put(normalize(key), Kind.BOOLEAN);
        }
        for (String key : List.of("metric_batch_size", "metric_buffer_limit", "logfile_rotation_max_archives",
                "config_url_retry_attempts")) {
            keys.put(normalize(key), Kind.INTEGER);
        }
        for (String key : List.of("logformat", "logfile", "logtarget", "structured_log_message_key",
                "log_with_timezone", "hostname", "snmp_translator", "statefile", "buffer_strategy",
                "buffer_directory")) {
            keys.put(normalize(key), Kind.STRING);
        }
        keys.put(normalize("logfile_rotation_max_size"), Kind.SIZE);
        return Map.copyOf(keys);
    }
}
