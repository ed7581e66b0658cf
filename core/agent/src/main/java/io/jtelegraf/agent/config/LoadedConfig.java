package io.jtelegraf.agent.config;

import io.jtelegraf.agent.runtime.AgentSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * The result of {@link ConfigLoader#load}: the merged {@code [agent]} and global tags, every
 * input and output table in load order (filtered ones left out), the files read, and warnings
 * for the caller to log.
 *
 * @param agent effective agent settings with defaults, global tags and the host tag
 * @param inputs the {@code [[inputs.X]]} tables, file order, files in load order
 * @param outputs the {@code [[outputs.X]]} tables
 * @param files the config files read, in order
 * @param warnings one line each, starting with the file and line they concern
 */
public record LoadedConfig(AgentSettings agent, List<PluginTable> inputs, List<PluginTable> outputs,
        List<Path> files, List<String> warnings) {

    public LoadedConfig {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }
}
