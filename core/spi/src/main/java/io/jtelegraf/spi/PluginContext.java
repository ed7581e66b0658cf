package io.jtelegraf.spi;

import java.time.Clock;
import java.util.Optional;

/**
 * What the runtime gives a plugin besides its configuration. Plugins never reach into the runtime
 * any other way. This interface only grows by default methods, so plugins built against an older
 * SPI keep working.
 *
 * <p>Threading: every method may be called from any thread for the life of the plugin.
 */
public interface PluginContext {

    /** The plugin's logger, prefixed with its source such as {@code inputs.ipvs::alias}. */
    Logger logger();

    /** The wall clock; tests substitute a fixed or stepping clock. */
    Clock clock();

    /** The plugin's TOML name with its section, for example {@code inputs.ipvs}. */
    String pluginId();

    /** The {@code alias} of this instance, when configured. */
    Optional<String> alias();

    /** The agent's version, for example {@code 0.1.0}, for User-Agent headers. */
    default String agentVersion() {
        return "unknown";
    }
}
