package io.jtelegraf.agent.config;

import io.jtelegraf.agent.filter.FilterSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the options every plugin table may carry (spec 2.1 inputs, 2.2 outputs) with Telegraf's
 * rules: the duration options take only Go duration strings ({@code "10s"}, no {@code d}, a bare
 * {@code "10"} is an error), batch size and buffer limit only TOML integers.
 *
 * <p>One deliberate difference: Telegraf silently ignores a number such as {@code interval = 10}
 * in a plugin table; jtelegraf honours it as seconds and warns, because the silent fallback to
 * the agent interval surprises everyone who writes it.
 */
final class CommonOptionsReader {
    private static final Set<String> LOG_LEVELS = Set.of("", "error", "warn", "info", "debug", "trace");
    private static final Set<String> INPUT_STARTUP_BEHAVIOURS = Set.of("", "error", "retry", "ignore", "probe");
    private static final Set<String> OUTPUT_STARTUP_BEHAVIOURS = Set.of("", "error", "retry", "ignore");

    private CommonOptionsReader() {
    }

    static CommonOptions read(PluginSection section, TomlPluginConfig config, List<String> warnings) {
        UnsupportedFeatures.rejectInPluginTable(config);
        boolean input = section == PluginSection.INPUTS;
        Optional<String> logLevel = config.getString("log_level");
        if (logLevel.isPresent()) {
            requireOneOf(config, "log_level", logLevel.get(), LOG_LEVELS);
        }
        Optional<String> startupBehaviour = config.getString("startup_error_behavior");
        if (startupBehaviour.isPresent()) {
            requireOneOf(config, "startup_error_behavior", startupBehaviour.get(),
                    input ? INPUT_STARTUP_BEHAVIOURS : OUTPUT_STARTUP_BEHAVIOURS);
        }
        FilterSpec filter = FilterSpecReader.read(config, warnings);
        Optional<String> alias = config.getString("alias");
        String nameOverride = config.getString("name_override", "");
        String namePrefix = config.getString("name_prefix", "");
        String nameSuffix = config.getString("name_suffix", "");
        if (input) {
            readTimeSource(config);
            Optional<Duration> offset = duration(config, "collection_offset", warnings);
            if (isNegative(offset)) {
                throw config.invalid("collection_offset", "must not be negative");
            }
            return new CommonOptions(alias, logLevel, nameOverride, namePrefix, nameSuffix,
                    config.getStringMap("tags", Map.of()), filter,
                    positive(config, "interval", duration(config, "interval", warnings)),
                    notNegative(config, "precision", duration(config, "precision", warnings)),
                    notNegative(config, "collection_jitter", duration(config, "collection_jitter", warnings)),
                    offset, Optional.empty(), Optional.empty(), 0, 0);
        }
        return new CommonOptions(alias, logLevel, nameOverride, namePrefix, nameSuffix, Map.of(), filter,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                positive(config, "flush_interval", duration(config, "flush_interval", warnings)),
                notNegative(config, "flush_jitter", duration(config, "flush_jitter", warnings)),
                positiveInteger(config, "metric_batch_size"),
                positiveInteger(config, "metric_buffer_limit"));
    }

    /** A common duration option: a Go duration string, or (with a warning) a number of seconds. */
    private static Optional<Duration> duration(TomlPluginConfig config, String key, List<String> warnings) {
        Optional<Object> raw = config.read(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Object value = raw.get();
        if (value instanceof String text) {
            try {
                return Optional.of(TelegrafUnits.goDuration(text));
            } catch (IllegalArgumentException e) {
                throw config.invalid(key, e.getMessage());
            }
        } else if (value instanceof Long || value instanceof Double) {
            warnings.add(config.table().locationOf(key) + ": " + config.scope() + ": key \"" + key
                    + "\" is a number; jtelegraf reads it as " + value + " seconds, but Telegraf ignores"
                    + " numbers here and uses the agent value; write \"" + value + "s\" to mean the same"
                    + " in both");
            try {
                return Optional.of(TelegrafUnits.durationValue(value));
            } catch (IllegalArgumentException e) {
                throw config.invalid(key, e.getMessage());
            }
        }
        throw config.wrongType(key, "a duration string such as \"10s\"", value);
    }

    private static Optional<Duration> positive(TomlPluginConfig config, String key, Optional<Duration> value) {
        if (isNegative(value)) {
            throw config.invalid(key, "must be positive");
        }
        return value;
    }

    private static Optional<Duration> notNegative(TomlPluginConfig config, String key, Optional<Duration> value) {
        if (isNegative(value)) {
            throw config.invalid(key, "must not be negative");
        }
        return value;
    }

    private static boolean isNegative(Optional<Duration> value) {
        return value.isPresent() && value.get().isNegative();
    }

    /** Telegraf honours only TOML integers &gt; 0 here; anything else leaves the agent value. */
    private static int positiveInteger(TomlPluginConfig config, String key) {
        Object value = config.read(key).orElse(null);
        if (value instanceof Long number && number > 0) {
            if (number > Integer.MAX_VALUE) {
                throw config.invalid(key, "must be at most " + Integer.MAX_VALUE);
            }
            return number.intValue();
        }
        return 0;
    }

    private static void readTimeSource(TomlPluginConfig config) {
        Optional<String> configured = config.getString("time_source");
        if (configured.isEmpty()) {
            return;
        }
        String source = configured.get();
        if (source.equals("collection_start") || source.equals("collection_end")) {
            throw config.invalid("time_source", "jtelegraf does not support \"" + source
                    + "\"; only \"metric\" (the default) is supported");
        }
        requireOneOf(config, "time_source", source, Set.of("", "metric"));
    }

    private static void requireOneOf(TomlPluginConfig config, String key, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw config.invalid(key, "invalid value " + TelegrafUnits.quote(value) + "; valid values are "
                    + String.join(", ", allowed.stream().filter(v -> !v.isEmpty()).sorted().toList()));
        }
    }
}
