package io.jtelegraf.agent.cli;

import java.util.Set;
import picocli.CommandLine;

/**
 * The subcommands of {@code jtelegraf} ({@code version}, {@code plugins}, {@code config}), added
 * to the command line only when the arguments may use them. The parser reflects over every
 * command it is given; for the subcommands, their options and the nested {@code config} commands
 * that costs a one-shot command ({@code --test}, {@code --once}), which never uses them, about a
 * twentieth of its start-up.
 */
final class Subcommands {
    private static final Set<String> NAMES = Set.of("version", "plugins", "config");

    private Subcommands() {
    }

    /**
     * Whether the subcommands are needed to parse these arguments: one of them names a
     * subcommand, may ask for help (whose text lists them; any {@code -h...} counts, clustered
     * short flags included), or is an {@code @file} of further arguments, whose content the
     * parser reads later. Without any of these the root command's parse cannot reach a
     * subcommand, and an unknown word or flag is reported the same way either way.
     */
    static boolean neededFor(String... args) {
        for (String argument : args) {
            if (NAMES.contains(argument) || argument.startsWith("-h") || argument.startsWith("--h")
                    || argument.startsWith("@")) {
                return true;
            }
        }
        return false;
    }

    /** Adds the subcommands to the root command line, in the order its help lists them. */
    static void addTo(CommandLine root) {
        root.addSubcommand(new VersionCommand());
        root.addSubcommand(new PluginsCommand());
        root.addSubcommand(new ConfigCommand());
    }
}
