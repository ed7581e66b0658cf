package io.jtelegraf.inputs.ipvs;

import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.spi.Secret;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link PluginConfig} over a map that records which keys the plugin read, so a test can state
 * that every key of a table is consumed. Durations accept "500ms", "3s", "1m" or seconds.
 */
final class MapPluginConfig implements PluginConfig {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private final Map<String, Object> values;
    private final Set<String> read = new HashSet<>();

    MapPluginConfig(Map<String, Object> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /** The keys present but never read, in table order. */
    Set<String> unusedKeys() {
        Set<String> unused = new LinkedHashSet<>(values.keySet());
        unused.removeAll(read);
        return unused;
    }

    private Object value(String key) {
        read.add(key);
        return values.get(key);
    }

    private ConfigException wrongType(String key, String expected, Object value) {
        return invalid(key, "expected " + expected + ", got " + value);
    }

    @Override
    public String pluginId() {
        return "inputs.ipvs";
    }

    @Override
    public boolean contains(String key) {
        read.add(key);
        return values.containsKey(key);
    }

    @Override
    public Optional<String> getString(String key) {
        Object value = value(key);
        if (value != null && !(value instanceof String)) {
            throw wrongType(key, "a string", value);
        }
        return Optional.ofNullable((String) value);
    }

    @Override
    public String getString(String key, String defaultValue) {
        return getString(key).orElse(defaultValue);
    }

    @Override
    public boolean getBoolean(String key, boolean defaultValue) {
        Object value = value(key);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Boolean bool)) {
            throw wrongType(key, "a boolean", value);
        }
        return bool;
    }

    @Override
    public long getLong(String key, long defaultValue) {
        Object value = value(key);
        return value == null ? defaultValue : ((Number) value).longValue();
    }

    @Override
    public double getDouble(String key, double defaultValue) {
        Object value = value(key);
        return value == null ? defaultValue : ((Number) value).doubleValue();
    }

    @Override
    public Duration getDuration(String key, Duration defaultValue) {
        Object value = value(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number seconds) {
            return Duration.ofSeconds(seconds.longValue());
        }
        Matcher matcher = DURATION.matcher(value.toString());
        if (!matcher.matches()) {
            throw wrongType(key, "a duration", value);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    @Override
    public long getSize(String key, long defaultValue) {
        return getLong(key, defaultValue);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> getStringList(String key, List<String> defaultValue) {
        Object value = value(key);
        return value == null ? defaultValue : (List<String>) value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> getStringMap(String key, Map<String, String> defaultValue) {
        Object value = value(key);
        return value == null ? defaultValue : (Map<String, String>) value;
    }

    @Override
    public Secret getSecret(String key) {
        throw new UnsupportedOperationException("the ipvs input has no secrets");
    }

    @Override
    public Set<String> keys() {
        return values.keySet();
    }

    @Override
    public ConfigException invalid(String key, String problem) {
        return new ConfigException("test.conf:1: plugin inputs.ipvs: key \"" + key + "\": " + problem);
    }
}
