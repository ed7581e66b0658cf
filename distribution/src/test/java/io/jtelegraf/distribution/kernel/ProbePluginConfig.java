package io.jtelegraf.distribution.kernel;

import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.spi.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration of a bare {@code [[inputs.ipvs]]} table: no keys, so every getter answers
 * its default. That is the plugin's only valid configuration (it has no options).
 */
final class ProbePluginConfig implements PluginConfig {
    private final String pluginId;

    ProbePluginConfig(String pluginId) {
        this.pluginId = pluginId;
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public boolean contains(String key) {
        return false;
    }

    @Override
    public Optional<String> getString(String key) {
        return Optional.empty();
    }

    @Override
    public String getString(String key, String defaultValue) {
        return defaultValue;
    }

    @Override
    public boolean getBoolean(String key, boolean defaultValue) {
        return defaultValue;
    }

    @Override
    public long getLong(String key, long defaultValue) {
        return defaultValue;
    }

    @Override
    public double getDouble(String key, double defaultValue) {
        return defaultValue;
    }

    @Override
    public Duration getDuration(String key, Duration defaultValue) {
        return defaultValue;
    }

    @Override
    public long getSize(String key, long defaultValue) {
        return defaultValue;
    }

    @Override
    public List<String> getStringList(String key, List<String> defaultValue) {
        return defaultValue;
    }

    @Override
    public Map<String, String> getStringMap(String key, Map<String, String> defaultValue) {
        return defaultValue;
    }

    @Override
    public Secret getSecret(String key) {
        return Secret.empty();
    }

    @Override
    public Set<String> keys() {
        return Set.of();
    }

    @Override
    public ConfigException invalid(String key, String problem) {
        return new ConfigException(pluginId + ": " + key + ": " + problem);
    }
}
