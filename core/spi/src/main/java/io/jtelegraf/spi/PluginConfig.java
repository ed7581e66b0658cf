package io.jtelegraf.spi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, read-only access to one plugin's TOML table ({@code [[inputs.ipvs]]} and the like).
 *
 * <p>The runtime records which keys a plugin read. After {@code create} returns, any key that
 * neither the plugin nor the runtime's common options (interval, tags, filters...) read is a
 * start-up error naming file, line, plugin and key, as Telegraf's unused-fields check does. So a
 * plugin must read every option it supports, even when the value equals the default.
 *
 * <p>Every getter throws {@link ConfigException} naming the key and line when the value has the
 * wrong type. Durations and sizes accept Telegraf's syntax: an integer is seconds (or bytes), a
 * string like {@code "1h30m"}, {@code "7d"}, {@code "15kB"} or {@code "12MiB"}.
 *
 * <p>Threading: for use during {@code create} only.
 */
public interface PluginConfig {

    /** The plugin's id, for example {@code outputs.influxdb}. */
    String pluginId();

    /** Whether the table sets {@code key} (marks the key as read). */
    boolean contains(String key);

    Optional<String> getString(String key);

    String getString(String key, String defaultValue);

    boolean getBoolean(String key, boolean defaultValue);

    long getLong(String key, long defaultValue);

    double getDouble(String key, double defaultValue);

    /** A duration: TOML integer or float seconds, or a string in Telegraf's duration syntax. */
    Duration getDuration(String key, Duration defaultValue);

    /** A byte size: TOML integer bytes, or a string such as {@code "15kB"} or {@code "12MiB"}. */
    long getSize(String key, long defaultValue);

    List<String> getStringList(String key, List<String> defaultValue);

    /** A sub-table or inline table of string values, such as {@code http_headers}. */
    Map<String, String> getStringMap(String key, Map<String, String> defaultValue);

    /** A string that must never be logged, such as {@code password} or {@code token}. */
    Secret getSecret(String key);

    /** The keys present in the table (does not mark them as read). */
    Set<String> keys();

    /**
     * An error about {@code key}, carrying file, line and plugin, for a value the plugin rejects:
     * {@code throw config.invalid("content_encoding", "must be \"gzip\" or \"identity\"")}.
     */
    ConfigException invalid(String key, String problem);
}
