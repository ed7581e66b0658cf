package io.jtelegraf.agent.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A command of the {@code jtelegraf} command line: its name, a one-line summary for help, its
 * flags, its subcommands and what it runs. The whole command line is a tree of these (built by
 * {@link JtelegrafCommand}); {@link CommandLineParser} walks it and {@link HelpText} describes it.
 *
 * @param <T> the options its flags set and its action reads
 */
final class Command<T> {
    /** What a command does once its flags are parsed; returns the exit code. */
    @FunctionalInterface
    interface Action<T> {
        int run(T options) throws Exception;
    }

    /**
     * A command below this one, with how its options start from this one's: as in Telegraf, a flag
     * given before the subcommand's name can still count for the subcommand.
     */
    record Subcommand<P, C>(Command<C> command, Function<P, C> options) {
    }

    private final String name;
    private final String summary;
    private final List<Flag<T>> flags;
    private final Action<T> action;
    private final List<Subcommand<T, ?>> subcommands = new ArrayList<>();

    Command(String name, String summary, List<Flag<T>> flags, Action<T> action) {
        this.name = name;
        this.summary = summary;
        this.flags = List.copyOf(flags);
        this.action = action;
    }

    /** Adds a subcommand, listed in help in the order added; returns this command. */
    <C> Command<T> with(Command<C> subcommand, Function<T, C> options) {
        subcommands.add(new Subcommand<>(subcommand, options));
        return this;
    }

    /** A subcommand whose options are this command's own. */
    Command<T> with(Command<T> subcommand) {
        return with(subcommand, Function.identity());
    }

    String name() {
        return name;
    }

    String summary() {
        return summary;
    }

    List<Flag<T>> flags() {
        return flags;
    }

    List<Subcommand<T, ?>> subcommands() {
        return List.copyOf(subcommands);
    }

    /** The flag answering to {@code name} (without dashes), or {@code null}. */
    Flag<T> flag(String name) {
        for (Flag<T> flag : flags) {
            if (flag.answersTo(name)) {
                return flag;
            }
        }
        return null;
    }

    /** The subcommand called {@code word}, or {@code null}. */
    Subcommand<T, ?> subcommand(String word) {
        for (Subcommand<T, ?> subcommand : subcommands) {
            if (subcommand.command().name().equals(word)) {
                return subcommand;
            }
        }
        return null;
    }

    int run(T options) throws Exception {
        return action.run(options);
    }
}
