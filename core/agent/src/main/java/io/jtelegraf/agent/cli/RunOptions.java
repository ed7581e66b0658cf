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

    /** What every flag of these options sets: the run flags and the root's {@code --version} and {@code --sample-config}. */
    static final Flag.Setter<RunOptions> SETTER = new Fields();

    static final List<Flag<RunOptions>> FLAGS = List.of(
            Flag.text(List.of("config"), "FILE",
                    "Configuration file to load (repeatable; comma-separated values allowed).", SETTER),
            Flag.text(List.of("config-directory"), "DIR", "Directory with additional *.conf files (repeatable).", SETTER),
            Flag.toggle(List.of("test"), "Gather once, print the metrics to stdout and exit.", SETTER),
            Flag.integer(List.of("test-wait"), "SECONDS",
                    "Seconds to wait for service inputs in --test or --once mode; implies --test.", SETTER),
            Flag.toggle(List.of("once"), "Gather once, write to the outputs and exit.", SETTER),
            Flag.text(List.of("input-filter"), "a:b", "Only load these inputs (colon-separated names).", SETTER),
            Flag.text(List.of("output-filter"), "a:b", "Only load these outputs (colon-separated names).", SETTER),
            Flag.toggle(List.of("debug"), "Log at debug level.", SETTER),
            Flag.toggle(List.of("quiet"), "Log errors only.", SETTER),
            Flag.text(List.of("pidfile"), "FILE", "Write the process id to FILE.", SETTER),
            Flag.toggle(List.of("strict-env-handling"),
                    "Substitute environment variables in string values only (the default).", SETTER),
            Flag.toggle(List.of("non-strict-env-handling"),
                    "Substitute environment variables in the whole file text before parsing.", SETTER),
            // For tests and the launcher's class-data sharing training run, which point the agent
            // at a plugins folder other than the installation's; not for users, so not in help.
            Flag.text(List.of("plugin-directory"), "DIR",
                    "Folder of plugin folders (default: the installation's plugins/).", SETTER).hidden());

    /** The fields each flag sets, by the flag's first name ({@link Flag.Setter} says why a switch). */
    private static final class Fields implements Flag.Setter<RunOptions> {
        @Override
        public void text(RunOptions options, String name, String value) {
            switch (name) {
                case "config" -> options.configs.addAll(commaSeparated(value));
                case "config-directory" -> options.configDirectories.add(value);
                case "input-filter" -> options.inputFilter = value;
                case "output-filter" -> options.outputFilter = value;
                case "pidfile" -> options.pidfile = value;
                case "plugin-directory" -> options.pluginDirectory = value;
                default -> throw Flag.unhandled(name);
            }
        }

        @Override
        public void toggle(RunOptions options, String name, boolean on) {
            switch (name) {
                case "test" -> options.test = on;
                case "once" -> options.once = on;
                case "debug" -> options.debug = on;
                case "quiet" -> options.quiet = on;
                case "strict-env-handling" -> options.strictEnv = on;
                case "non-strict-env-handling" -> options.nonStrictEnv = on;
                case "version" -> options.version = on;
                case "sample-config" -> options.sampleConfig = on;
                default -> throw Flag.unhandled(name);
            }
        }

        @Override
        public void integer(RunOptions options, String name, int value) {
            if (!name.equals("test-wait")) {
                throw Flag.unhandled(name);
            }
            options.testWait = value;
        }
    }

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
