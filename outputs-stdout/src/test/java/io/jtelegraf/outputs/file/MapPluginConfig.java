package io.jtelegraf.outputs.file;

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
import java.util.TreeSet;

/**
 * A PluginConfig over already-typed values that records which keys were read, for tests of the
 * plugin's behaviour; parsing TOML text is the runtime's job and is tested with the testkit.
 */
final class MapPluginConfig implements PluginConfig {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();

    MapPluginConfig with(String key, Object value) {
        values.put(key, value);
        return this;
    }

    /** Keys present but never read: what the runtime would report as unknown. */
    Set<String> unreadKeys() {
        Set<String> unread = new TreeSet<>(values.keySet());
        unread.removeAll(read);
        return unread;
    }

    private <T> T get(String key, Class<T> type, T defaultValue) {
        read.add(key);
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (!type.isInstance(value)) {
            throw invalid(key, "expected " + type.getSimpleName() + " but got " + value);
        }
        return type.cast(value);
    }

    @Override
    public String pluginId() {
        return "outputs.file";
    }

    @Override
    public boolean contains(String key) {
        read.add(key);
        return values.containsKey(key);
    }

    @Override
    public Optional<String> getString(String key) {
        return Optional.ofNullable(get(key, String.class, null));
    }

    @Override
    public String getString(String key, String defaultValue) {
        return get(key, String.class, defaultValue);
    }

    @Override
    public boolean getBoolean(String key, boolean defaultValue) {
        return get(key, Boolean.class, defaultValue);
    }

    @Override
    public long getLong(String key, long defaultValue) {
        return get(key, Long.class, defaultValue);
    }

    @Override
    public double getDouble(String key, double defaultValue) {
        return get(key, Double.class, defaultValue);
    }

    @Override
    public Duration getDuration(String key, Duration defaultValue) {
        return get(key, Duration.class, defaultValue);
    }

    @Override
    public long getSize(String key, long defaultValue) {
        return get(key, Long.class, defaultValue);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> getStringList(String key, List<String> defaultValue) {
        return get(key, List.class, defaultValue);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> getStringMap(String key, Map<String, String> defaultValue) {
        return get(key, Map.class, defaultValue);
    }

    @Override
    public Secret getSecret(String key) {
        return Secret.of(get(key, String.class, ""));
    }

    @Override
    public Set<String> keys() {
        return values.keySet();
    }

    @Override
    public ConfigException invalid(String key, String problem) {
        return new ConfigException("test.conf:1: plugin outputs.file: key \"" + key + "\": " + problem);
    }
}
