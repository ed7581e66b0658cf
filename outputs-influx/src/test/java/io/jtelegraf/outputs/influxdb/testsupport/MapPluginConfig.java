package io.jtelegraf.outputs.influxdb.testsupport;

import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.spi.Secret;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link PluginConfig} over a Java map, for tests that build options in code. Values are the
 * Java forms of TOML values (String, Boolean, Long/Integer, List of String, Map of String). It
 * records read keys like the runtime, so tests can check every key was read.
 */
public final class MapPluginConfig implements PluginConfig {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private final String pluginId;
    private final Map<String, Object> values;
    private final Set<String> read = new HashSet<>();

    public MapPluginConfig(String pluginId, Map<String, Object> values) {
        this.pluginId = pluginId;
        this.values = new LinkedHashMap<>(values);
    }

    /** Pairs key, value, key, value... */
    public static MapPluginConfig of(String pluginId, Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return new MapPluginConfig(pluginId, map);
    }

    /** Keys present but never read. */
    public Set<String> unusedKeys() {
        Set<String> unused = new HashSet<>(values.keySet());
        unused.removeAll(read);
        return unused;
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public boolean contains(String key) {
        read.add(key);
        return values.containsKey(key);
    }

    @Override
    public Optional<String> getString(String key) {
        return Optional.ofNullable(get(key, String.class));
    }

    @Override
    public String getString(String key, String defaultValue) {
        return getString(key).orElse(defaultValue);
    }

    @Override
    public boolean getBoolean(String key, boolean defaultValue) {
        Boolean value = get(key, Boolean.class);
        return value == null ? defaultValue : value;
    }

    @Override
    public long getLong(String key, long defaultValue) {
        Number value = get(key, Number.class);
        return value == null ? defaultValue : value.longValue();
    }

    @Override
    public double getDouble(String key, double defaultValue) {
        Number value = get(key, Number.class);
        return value == null ? defaultValue : value.doubleValue();
    }

    @Override
    public Duration getDuration(String key, Duration defaultValue) {
        Object value = get(key, Object.class);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number) {
            return Duration.ofSeconds(((Number) value).longValue());
        }
        Matcher matcher = DURATION.matcher((String) value);
        if (!matcher.matches()) {
            throw invalid(key, "not a duration: " + value);
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
        Object value = get(key, Object.class);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number) {
            return ((Number) value).longValue();
        }
        return Long.parseLong(((String) value).replaceAll("[^0-9]", ""));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> getStringList(String key, List<String> defaultValue) {
        List<String> value = get(key, List.class);
        return value == null ? defaultValue : value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> getStringMap(String key, Map<String, String> defaultValue) {
        Map<String, String> value = get(key, Map.class);
        return value == null ? defaultValue : value;
    }

    @Override
    public Secret getSecret(String key) {
        String value = get(key, String.class);
        return value == null ? Secret.empty() : Secret.of(value);
    }

    @Override
    public Set<String> keys() {
        return values.keySet();
    }

    @Override
    public ConfigException invalid(String key, String problem) {
        return new ConfigException("test.conf:1: plugin " + pluginId + ": key \"" + key + "\": " + problem);
    }

    private <T> T get(String key, Class<T> type) {
        read.add(key);
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw invalid(key, "expected " + type.getSimpleName() + ", got " + value.getClass().getSimpleName());
        }
        return type.cast(value);
    }
}
