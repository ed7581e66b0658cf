package io.jtelegraf.agent.config;

import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.spi.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link PluginConfig} over one plugin table of a config file, with Telegraf's value semantics
 * (spec 1.9) and its unused-key check (spec 1.10).
 *
 * <p>Every getter marks its key as read. After the plugin's factory returned,
 * {@link #requireAllKeysUsed()} fails for any key that neither the plugin nor the runtime's
 * common options read, unless the key is on Telegraf's general allow-list. Errors name file,
 * line, plugin and key; values of keys read with {@link #getSecret} or named like credentials
 * never appear in a message.
 *
 * <p>Threading: confined to the thread that loads the configuration.
 */
public final class TomlPluginConfig implements PluginConfig {
    private final String pluginId;
    private final ConfigTable table;
    private final Set<String> readKeys = new HashSet<>();
    private final Set<String> secretKeys = new HashSet<>();

    TomlPluginConfig(String pluginId, ConfigTable table) {
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * Reads a plugin table from the TOML body of one table, with the same parser, checks and
     * common options as a config file, environment substitution against an empty environment.
     * Meant for plugin tests; the source name in messages is {@code <pluginId>}.
     *
     * @param pluginId for example {@code inputs.ipvs} or {@code outputs.influxdb}
     * @throws ConfigException for invalid TOML or an invalid common option
     */
    public static TomlPluginConfig fromSnippet(String pluginId, String tomlBody) {
        PluginTable table = PluginTable.fromSnippet(pluginId, tomlBody);
        return table.tomlConfig();
    }

    /** The file and line of the table header. */
    public ConfigLocation location() {
        return table.location();
    }

    /** Keys set in the table that nobody read and that are not on the general allow-list, in file order. */
    public List<String> unusedKeys() {
        List<String> keys = new ArrayList<>();
        for (ConfigMessages.KeyAtLine unused : unused()) {
            keys.add(unused.key());
        }
        return List.copyOf(keys);
    }

    /**
     * Fails when the table sets keys nobody read.
     *
     * @throws ConfigException {@code <file>:<line>: plugin <id>: unknown keys "a", "b" (line 3, 4) but they
     *         were not used; this is either a typo or this config option does not exist in this version}
     */
    public void requireAllKeysUsed() {
        List<ConfigMessages.KeyAtLine> unused = unused();
        if (!unused.isEmpty()) {
            throw ConfigMessages.unusedKeys(table.location(), scope(), unused);
        }
    }

    private List<ConfigMessages.KeyAtLine> unused() {
        List<ConfigMessages.KeyAtLine> unused = new ArrayList<>();
        for (Map.Entry<String, ConfigTable.Value> entry : table.entries().entrySet()) {
            String key = entry.getKey();
            if (!readKeys.contains(key) && !GeneralOptions.ALLOWED.contains(key)) {
                unused.add(new ConfigMessages.KeyAtLine(key, entry.getValue().line()));
            }
        }
        unused.sort(Comparator.comparingInt(ConfigMessages.KeyAtLine::line));
        return unused;
    }

    ConfigTable table() {
        return table;
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public boolean contains(String key) {
        readKeys.add(key);
        return table.get(key).isPresent();
    }

    @Override
    public Optional<String> getString(String key) {
        Object value = readOrNull(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        throw wrongType(key, "a string", value);
    }

    @Override
    public String getString(String key, String defaultValue) {
        return getString(key).orElse(defaultValue);
    }

    @Override
    public boolean getBoolean(String key, boolean defaultValue) {
        Object value = readOrNull(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw wrongType(key, "a boolean (true or false)", value);
    }

    @Override
    public long getLong(String key, long defaultValue) {
        Object value = readOrNull(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Long number) {
            return number;
        }
        throw wrongType(key, "an integer", value);
    }

    @Override
    public double getDouble(String key, double defaultValue) {
        Object value = readOrNull(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Double number) {
            return number;
        } else if (value instanceof Long number) {
            return number.doubleValue();
        }
        throw wrongType(key, "a number", value);
    }

    @Override
    public Duration getDuration(String key, Duration defaultValue) {
        Object value = readOrNull(key);
        if (value == null) {
            return defaultValue;
        }
        Duration duration;
        try {
            duration = TelegrafUnits.durationValue(value);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw invalidValue(key, e);
        }
        if (duration == null) {
            throw wrongType(key, "a duration (a string such as \"10s\" or a number of seconds)", value);
        }
        return duration;
    }

    @Override
    public long getSize(String key, long defaultValue) {
        Object value = readOrNull(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Long bytes) {
            return bytes;
        } else if (value instanceof String text) {
            if (text.isEmpty()) {
                return defaultValue;
            }
            try {
                return TelegrafUnits.size(text);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw invalidValue(key, e);
            }
        }
        throw wrongType(key, "a size (a string such as \"15MB\" or an integer of bytes)", value);
    }

    @Override
    public List<String> getStringList(String key, List<String> defaultValue) {
        Object value = readOrNull(key);
        return value == null ? defaultValue : stringList(key, value);
    }

    List<String> stringList(String key, Object value) {
        if (!(value instanceof List<?> items)) {
            throw wrongType(key, "an array of strings such as [\"a\", \"b\"]", value);
        }
        List<String> strings = new ArrayList<>(items.size());
        for (Object item : items) {
            Object element = ((ConfigTable.Value) item).value();
            if (!(element instanceof String text)) {
                throw invalid(key, "expected an array of strings, but an element is "
                        + ConfigTable.describeType(element));
            }
            strings.add(text);
        }
        return List.copyOf(strings);
    }

    @Override
    public Map<String, String> getStringMap(String key, Map<String, String> defaultValue) {
        Object value = readOrNull(key);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof ConfigTable sub)) {
            throw wrongType(key, "a table of strings such as {name = \"value\"}", value);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigTable.Value> entry : sub.entries().entrySet()) {
            if (!(entry.getValue().value() instanceof String text)) {
                throw invalid(key, "the value of \"" + entry.getKey() + "\" must be a string, not "
                        + ConfigTable.describeType(entry.getValue().value()));
            }
            map.put(entry.getKey(), text);
        }
        return Map.copyOf(map);
    }

    @Override
    public Secret getSecret(String key) {
        secretKeys.add(key);
        Optional<String> text = getString(key);
        return text.isPresent() ? Secret.of(text.get()) : Secret.empty();
    }

    @Override
    public Set<String> keys() {
        return table.keys();
    }

    @Override
    public ConfigException invalid(String key, String problem) {
        return ConfigMessages.keyProblem(table.locationOf(key), scope(), key, problem);
    }

    /** Reads a raw value and marks the key. */
    Optional<Object> read(String key) {
        return Optional.ofNullable(readOrNull(key));
    }

    /**
     * Reads a raw value, or {@code null} when the key is not set, and marks the key. The typed
     * getters test for null rather than map an Optional: they run for every key of every plugin
     * table at start-up, where each lambda call site costs about 0.1 ms at its first call
     * (BENCHMARKS.md, "Fourth round").
     */
    private Object readOrNull(String key) {
        readKeys.add(key);
        ConfigTable.Value value = table.entries().get(key);
        return value == null ? null : value.value();
    }

    String scope() {
        return ConfigMessages.pluginScope(pluginId);
    }

    ConfigException wrongType(String key, String expected, Object actual) {
        return invalid(key, "expected " + expected + ", got " + ConfigTable.describeType(actual));
    }

    private ConfigException invalidValue(String key, RuntimeException e) {
        boolean hideValue = secretKeys.contains(key) || GeneralOptions.looksSecret(key);
        return invalid(key, hideValue ? "invalid value" : e.getMessage());
    }
}
