package io.jtelegraf.agent.cli;

import io.jtelegraf.agent.internal.InternalInputFactory;
import io.jtelegraf.agent.internal.SelfStats;
import io.jtelegraf.agent.plugins.PluginRegistry;
import io.jtelegraf.spi.InputFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the plugin registry of this installation: the built-in inputs, whatever is on the
 * class path, and the plugin folders under {@code <jtelegraf.home>/plugins} (or the folder given
 * on the command line).
 */
final class InstalledPlugins {
    /** Set by bin/jtelegraf to the installation folder. */
    static final String HOME_PROPERTY = "jtelegraf.home";

    private InstalledPlugins() {
    }

    static PluginRegistry discover(String pluginDirectoryOption) {
        return PluginRegistry.discover(builtInInputs(), InstalledPlugins.class.getClassLoader(), pluginRoot(pluginDirectoryOption));
    }

    static Path pluginRoot(String pluginDirectoryOption) {
        if (pluginDirectoryOption != null && !pluginDirectoryOption.isEmpty()) {
            return Path.of(pluginDirectoryOption);
        }
        String home = System.getProperty(HOME_PROPERTY, "");
        return home.isEmpty() ? null : Path.of(home, "plugins");
    }

    /**
     * Inputs compiled into the agent. {@code inputs.internal} reads the runtime's own counters;
     * this instance serves listing and sample configs, and the agent being assembled makes its
     * own with its statistics.
     */
    private static List<InputFactory> builtInInputs() {
        return List.of(new InternalInputFactory(new SelfStats()));
    }
}
