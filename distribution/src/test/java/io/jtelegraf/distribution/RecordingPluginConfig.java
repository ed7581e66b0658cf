package io.jtelegraf.distribution;

import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.spi.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link PluginConfig} that remembers every key a plugin factory asked for, so a test can list
 * the options a plugin really reads instead of trusting a hand-written list.
 */
final class RecordingPluginConfig implements PluginConfig {
    private final PluginConfig delegate;
    private final Set<String> asked = new TreeSet<>();

    RecordingPluginConfig(PluginConfig delegate) {
        this.delegate = delegate;
    }

    /** Every key passed to a getter so far, sorted. */
    Set<String> askedKeys() {
        return asked;
    }

    private String ask(String key) {
        asked.add(key);
        return key;
    }

    @Override
    public String pluginId() {
        return delegate.pluginId();
    }

    @Override
    public boolean contains(String key) {
        return delegate.contains(ask(key));
    }

    @Override
    public Optional<String> getString(String key) {
        return delegate.getString(ask(key));
    }

    @Override
    public String getString(String key, String defaultValue) {
        return delegate.getString(ask(key), defaultValue);
    }

    @Override
    public boolean getBoolean(String key, boolean defaultValue) {
        return delegate.getBoolean(ask(key), defaultValue);
    }

    @Override
    public long getLong(String key, long defaultValue) {
        return delegate.getLong(ask(key), defaultValue);
    }

    @Override
    public double getDouble(String key, double defaultValue) {
        return delegate.getDouble(ask(key), defaultValue);
    }

    @Override
    public Duration getDuration(String key, Duration defaultValue) {
        return delegate.getDuration(ask(key), defaultValue);
    }

    @Override
    public long getSize(String key, long defaultValue) {
        return delegate.getSize(ask(key), defaultValue);
    }

    @Override
    public List<String> getStringList(String key, List<String> defaultValue) {
        return delegate.getStringList(ask(key), defaultValue);
    }

    @Override
    public Map<String, String> getStringMap(String key, Map<String, String> defaultValue) {
        return delegate.getStringMap(ask(key), defaultValue);
    }

    @Override
    public Secret getSecret(String key) {
        return delegate.getSecret(ask(key));
    }

    @Override
    public Set<String> keys() {
        return delegate.keys();
    }

    @Override
    public ConfigException invalid(String key, String problem) {
        return delegate.invalid(key, problem);
    }
}
