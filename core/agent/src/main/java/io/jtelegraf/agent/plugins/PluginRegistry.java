package io.jtelegraf.agent.plugins;

import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.InputFactory;
import io.jtelegraf.spi.OutputFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every input and output factory the agent knows, by TOML name. Factories come from the
 * built-in list, from the agent's class path and from plugin folders; two factories with one
 * name are a fatal error naming both origins.
 */
public final class PluginRegistry {
    private final Map<String, Registered<InputFactory>> inputs;
    private final Map<String, Registered<OutputFactory>> outputs;

    private PluginRegistry(Map<String, Registered<InputFactory>> inputs, Map<String, Registered<OutputFactory>> outputs) {
        this.inputs = Collections.unmodifiableMap(inputs);
        this.outputs = Collections.unmodifiableMap(outputs);
    }

    /**
     * A factory and where it came from.
     *
     * @param factory the factory
     * @param origin "built-in", "class path" or the plugin folder
     * @param version the implementation version of the plugin's jar, or "" when unknown
     */
    public record Registered<F>(F factory, String origin, String version) {
    }

    /**
     * Discovers factories.
     *
     * @param builtInInputs inputs compiled into the agent (registered directly)
     * @param agentLoader the agent's class loader, searched with ServiceLoader
     * @param pluginRoot the plugins folder, or {@code null} for none
     */
    public static PluginRegistry discover(List<InputFactory> builtInInputs, ClassLoader agentLoader, Path pluginRoot) {
        Map<String, Registered<InputFactory>> inputs = new TreeMap<>();
        Map<String, Registered<OutputFactory>> outputs = new TreeMap<>();
        for (InputFactory factory : builtInInputs) {
            register(inputs, "input", factory, factory.name(), "built-in");
        }
        loadAll(agentLoader, "class path", inputs, outputs);
        if (pluginRoot != null) {
            for (PluginFolders.Folder folder : PluginFolders.load(pluginRoot, agentLoader)) {
                int before = inputs.size() + outputs.size();
                loadAll(folder.loader(), folder.path().toString(), inputs, outputs);
                if (inputs.size() + outputs.size() == before) {
                    throw new ConfigException("plugin folder " + folder.path() + ": no jar in it registers an "
                            + "io.jtelegraf.spi.InputFactory or OutputFactory in META-INF/services");
                }
            }
        }
        return new PluginRegistry(inputs, outputs);
    }

    private static void loadAll(ClassLoader loader, String origin, Map<String, Registered<InputFactory>> inputs,
                                Map<String, Registered<OutputFactory>> outputs) {
        try {
            for (InputFactory factory : ServiceLoader.load(InputFactory.class, loader)) {
                register(inputs, "input", factory, factory.name(), origin);
            }
            for (OutputFactory factory : ServiceLoader.load(OutputFactory.class, loader)) {
                register(outputs, "output", factory, factory.name(), origin);
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new ConfigException("plugin " + origin + ": cannot load its factories: " + rootMessage(e), e);
        }
    }

    private static <F> void register(Map<String, Registered<F>> registry, String kind, F factory, String key,
                                     String origin) {
        Registered<F> existing = registry.get(key);
        if (existing != null) {
            throw new ConfigException("two " + kind + " plugins are named \"" + key + "\": one from " + existing.origin()
                    + " (" + existing.factory().getClass().getName() + "), one from " + origin + " ("
                    + factory.getClass().getName() + ")");
        }
        Package plugin = factory.getClass().getPackage();
        String version = plugin == null || plugin.getImplementationVersion() == null ? "" : plugin.getImplementationVersion();
        registry.put(key, new Registered<>(factory, origin, version));
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error.getMessage()) : error.getMessage() + " (" + root + ")";
    }

    public Optional<Registered<InputFactory>> input(String name) {
        return Optional.ofNullable(inputs.get(name));
    }

    public Optional<Registered<OutputFactory>> output(String name) {
        return Optional.ofNullable(outputs.get(name));
    }

    /** Input factories by name, sorted. */
    public Map<String, Registered<InputFactory>> inputs() {
        return inputs;
    }

    /** Output factories by name, sorted. */
    public Map<String, Registered<OutputFactory>> outputs() {
        return outputs;
    }

    /** The error for {@code [[inputs.NAME]]} with no such plugin, listing the known ones. */
    public static String undefinedMessage(String section, String name, List<String> known) {
        String kind = section.equals("inputs") ? "input" : "output";
        List<String> sorted = new ArrayList<>(known);
        Collections.sort(sorted);
        return "undefined but requested " + kind + ": " + name + " (known " + section + ": " + String.join(", ", sorted) + ")";
    }
}
