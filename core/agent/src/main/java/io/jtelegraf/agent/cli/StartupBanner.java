package io.jtelegraf.agent.cli;

import io.jtelegraf.agent.config.LoadedConfig;
import io.jtelegraf.agent.config.PluginTable;
import io.jtelegraf.agent.plugins.PluginRegistry;
import io.jtelegraf.spi.Logger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The info lines Telegraf logs at start-up: the files read, version, plugins, tags, and the
 * loader's warnings. Plugin options are never logged, so no credential can reach the log here.
 */
final class StartupBanner {
    private StartupBanner() {
    }

    static void log(Logger logger, PluginRegistry registry, LoadedConfig config) {
        config.files().forEach(file -> logger.info("Loading config: " + file));
        logger.info("Starting jtelegraf " + Version.get());
        logger.info("Available plugins: " + registry.inputs().size() + " inputs, 0 aggregators, 0 processors, 0 parsers, "
                + registry.outputs().size() + " outputs, 0 secret-stores");
        logger.info("Loaded inputs: " + names(config.inputs()));
        logger.info("Loaded aggregators: ");
        logger.info("Loaded processors: ");
        logger.info("Loaded secretstores: ");
        logger.info("Loaded outputs: " + names(config.outputs()));
        logger.info("Tags enabled: " + new TreeMap<>(config.agent().globalTags()).entrySet().stream()
                .map(tag -> tag.getKey() + "=" + tag.getValue()).collect(Collectors.joining(" ")));
        config.warnings().forEach(logger::warn);
    }

    /** Sorted names, with {@code name (2x)} for several instances, as Telegraf prints them. */
    static String names(List<PluginTable> tables) {
        Map<String, Integer> counts = new TreeMap<>();
        tables.forEach(table -> counts.merge(table.name(), 1, Integer::sum));
        return counts.entrySet().stream()
                .map(entry -> entry.getValue() == 1 ? entry.getKey() : entry.getKey() + " (" + entry.getValue() + "x)")
                .collect(Collectors.joining(" "));
    }
}
