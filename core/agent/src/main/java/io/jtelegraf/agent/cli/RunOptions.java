package io.jtelegraf.agent.cli;

import io.jtelegraf.agent.config.LoadOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Telegraf's run flags and what they set. {@link #FLAGS} is the one description of them, from
 * which the parser reads them and the help lists them; the root command and {@code config},
 * {@code config create} and {@code config check} all take them. Every flag has both forms,
 * {@code -flag} and {@code --flag}, because Telegraf's CLI accepts both and existing unit files
 * and scripts use either.
 */
public final class RunOptions {
    List<String> configs = new ArrayList<>();
    List<String> configDirectories = new ArrayList<>();
    boolean test;
    int testWait;
    boolean once;
    String inputFilter = "";
    String outputFilter = "";
    boolean debug;
    boolean quiet;
    String pidfile = "";
    boolean strictEnv;
    boolean nonStrictEnv;
    String pluginDirectory = "";
    /** Root command only ({@link JtelegrafCommand}): Telegraf's deprecated {@code --version}. */
    boolean version;
    /** Root command only: Telegraf's deprecated {@code --sample-config}. */
    boolean sampleConfig;

    static final List<Flag<RunOptions>> FLAGS = List.of(
            Flag.text(List.of("config"), "FILE",
                    "Configuration file to load (repeatable; comma-separated values allowed).",
                    (options, value) -> options.configs.addAll(commaSeparated(value))),
            Flag.text(List.of("config-directory"), "DIR", "Directory with additional *.conf files (repeatable).",
                    (options, value) -> options.configDirectories.add(value)),
            Flag.toggle(List.of("test"), "Gather once, print the metrics to stdout and exit.",
                    (options, on) -> options.test = on),
            Flag.integer(List.of("test-wait"), "SECONDS",
                    "Seconds to wait for service inputs in --test or --once mode; implies --test.",
                    (options, seconds) -> options.testWait = seconds),
            Flag.toggle(List.of("once"), "Gather once, write to the outputs and exit.",
                    (options, on) -> options.once = on),
            Flag.text(List.of("input-filter"), "a:b", "Only load these inputs (colon-separated names).",
                    (options, value) -> options.inputFilter = value),
            Flag.text(List.of("output-filter"), "a:b", "Only load these outputs (colon-separated names).",
                    (options, value) -> options.outputFilter = value),
            Flag.toggle(List.of("debug"), "Log at debug level.", (options, on) -> options.debug = on),
            Flag.toggle(List.of("quiet"), "Log errors only.", (options, on) -> options.quiet = on),
            Flag.text(List.of("pidfile"), "FILE", "Write the process id to FILE.",
                    (options, value) -> options.pidfile = value),
            Flag.toggle(List.of("strict-env-handling"),
                    "Substitute environment variables in string values only (the default).",
                    (options, on) -> options.strictEnv = on),
            Flag.toggle(List.of("non-strict-env-handling"),
                    "Substitute environment variables in the whole file text before parsing.",
                    (options, on) -> options.nonStrictEnv = on),
            // For tests and the launcher's class-data sharing training run, which point the agent
            // at a plugins folder other than the installation's; not for users, so not in help.
            Flag.<RunOptions>text(List.of("plugin-directory"), "DIR",
                    "Folder of plugin folders (default: the installation's plugins/).",
                    (options, value) -> options.pluginDirectory = value).hidden());

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

    /** {@code --config a,b} is two files, as in Telegraf; empty pieces ({@code --config=}) name none. */
    private static List<String> commaSeparated(String value) {
        List<String> pieces = new ArrayList<>();
        for (String piece : value.split(",")) {
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
        }
        return pieces;
    }
}
