package io.jtelegraf.agent.cli;

import io.jtelegraf.agent.config.LoadOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Telegraf's run flags. Every flag has both forms, {@code -flag} and {@code --flag}, because
 * Telegraf's CLI accepts both and existing unit files and scripts use either.
 */
public final class RunOptions {
    @Option(names = {"--config", "-config"}, paramLabel = "FILE", split = ",",
            description = "Configuration file to load (repeatable; comma-separated values allowed).")
    List<String> configs = new ArrayList<>();

    @Option(names = {"--config-directory", "-config-directory"}, paramLabel = "DIR",
            description = "Directory with additional *.conf files (repeatable).")
    List<String> configDirectories = new ArrayList<>();

    @Option(names = {"--test", "-test"}, description = "Gather once, print the metrics to stdout and exit.")
    boolean test;

    @Option(names = {"--test-wait", "-test-wait"}, paramLabel = "SECONDS",
            description = "Seconds to wait for service inputs in --test or --once mode; implies --test.")
    int testWait;

    @Option(names = {"--once", "-once"}, description = "Gather once, write to the outputs and exit.")
    boolean once;

    @Option(names = {"--input-filter", "-input-filter"}, paramLabel = "a:b",
            description = "Only load these inputs (colon-separated names).")
    String inputFilter = "";

    @Option(names = {"--output-filter", "-output-filter"}, paramLabel = "a:b",
            description = "Only load these outputs (colon-separated names).")
    String outputFilter = "";

    @Option(names = {"--debug", "-debug"}, description = "Log at debug level.")
    boolean debug;

    @Option(names = {"--quiet", "-quiet"}, description = "Log errors only.")
    boolean quiet;

    @Option(names = {"--pidfile", "-pidfile"}, paramLabel = "FILE", description = "Write the process id to FILE.")
    String pidfile = "";

    @Option(names = {"--strict-env-handling", "-strict-env-handling"},
            description = "Substitute environment variables in string values only (the default).")
    boolean strictEnv;

    @Option(names = {"--non-strict-env-handling", "-non-strict-env-handling"},
            description = "Substitute environment variables in the whole file text before parsing.")
    boolean nonStrictEnv;

    @Option(names = {"--plugin-directory", "-plugin-directory"}, paramLabel = "DIR", hidden = true,
            description = "Folder of plugin folders (default: the installation's plugins/).")
    String pluginDirectory = "";

    /**
     * What {@code --config}, {@code --config-directory}, the filters and the env-handling flags ask
     * the loader for; the same for a run and for {@code config check}.
     *
     * @throws AgentFailure when both env-handling flags are given, as Telegraf refuses them
     */
    LoadOptions loadOptions() {
        if (strictEnv && nonStrictEnv) {
            throw new AgentFailure("--strict-env-handling and --non-strict-env-handling cannot be used together");
        }
        return LoadOptions.builder()
                .configs(configs)
                .configDirectories(configDirectories)
                .strictEnvironment(!nonStrictEnv)
                .inputFilter(names(inputFilter))
                .outputFilter(names(outputFilter))
                .build();
    }

    /** Neither env-handling flag given: strict handling applies by default, which deserves a warning. */
    boolean envHandlingDefaulted() {
        return !strictEnv && !nonStrictEnv;
    }

    /** The colon-separated filter as a list; empty means no filter. */
    static List<String> names(String filter) {
        List<String> names = new ArrayList<>();
        for (String name : filter.split(":")) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        return names;
    }
}
