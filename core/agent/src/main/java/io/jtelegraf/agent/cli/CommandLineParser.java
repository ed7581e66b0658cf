package io.jtelegraf.agent.cli;

import java.util.Arrays;
import java.util.List;

/**
 * Reads the arguments against the command tree the way Telegraf's command line (urfave/cli v2 on
 * Go's flag package) does, so scripts and unit files written for Telegraf mean the same here:
 * <ul>
 *   <li>{@code -name} and {@code --name} are the same flag;</li>
 *   <li>a flag with a value takes it as {@code --name value} or {@code --name=value}; the next
 *       argument is the value even when it starts with a dash;</li>
 *   <li>a switch is on as {@code --name} and takes a value only as {@code --name=false} (or
 *       {@code =true}), never from the next argument;</li>
 *   <li>a flag given twice keeps its last value; list flags collect every value;</li>
 *   <li>{@code -h}, {@code -help} and {@code --help} show the help of the command being read;</li>
 *   <li>the first word that is not a flag names a subcommand, whose own flags follow; any other
 *       word is an unknown command;</li>
 *   <li>a command with subcommands also answers to the word {@code help}, alone (its own help)
 *       or followed by one of its subcommands (that one's help), as urfave/cli's help command;</li>
 *   <li>{@code --} ends the flags: what follows is read as words.</li>
 * </ul>
 * Every mistake is a {@link UsageException} whose message points to the help of the command that
 * was being read, such as {@code (see `jtelegraf config check --help`)}.
 */
final class CommandLineParser {
    /** The help flag's names, understood by every command. */
    static final List<String> HELP_NAMES = List.of("h", "help");

    private static final String END_OF_FLAGS = "--";
    /** The word that asks a command with subcommands for help. */
    private static final String HELP_COMMAND = "help";

    private CommandLineParser() {
    }

    /**
     * Parses {@code args} from {@code root}, whose flags set {@code options}.
     *
     * @throws UsageException for an unknown flag or word, or a missing or malformed value
     */
    static <T> Invocation<?> parse(Command<T> root, T options, String... args) {
        return parse(root, options, root.name(), args, 0);
    }

    private static <T> Invocation<?> parse(Command<T> command, T options, String path, String[] args, int start) {
        boolean flagsEnded = false;
        for (int i = start; i < args.length; i++) {
            String argument = args[i];
            if (!flagsEnded && argument.equals(END_OF_FLAGS)) {
                flagsEnded = true;
            } else if (!flagsEnded && isFlag(argument)) {
                FlagArgument flag = FlagArgument.of(argument);
                if (HELP_NAMES.contains(flag.name())) {
                    // The rest is not read: help is what was asked for, as with Go's -h.
                    return new Invocation<>(command, path, options, true);
                }
                i = readFlag(command, options, path, flag, args, i);
            } else {
                Command.Subcommand<T, ?> subcommand = command.subcommand(argument);
                if (subcommand != null) {
                    return descend(subcommand, options, path, args, i + 1);
                }
                if (argument.equals(HELP_COMMAND) && !command.subcommands().isEmpty()) {
                    return helpTopic(command, options, path, args, i + 1);
                }
                throw usage("unknown command \"" + argument + "\"", path);
            }
        }
        return new Invocation<>(command, path, options, false);
    }

    /** {@code help [subcommand]}: the help of the command, or of the subcommand named after it. */
    private static <T> Invocation<?> helpTopic(Command<T> command, T options, String path, String[] args, int next) {
        if (next == args.length) {
            return new Invocation<>(command, path, options, true);
        }
        Command.Subcommand<T, ?> topic = command.subcommand(args[next]);
        if (topic == null || next + 1 < args.length) {
            throw usage("no help topic for \"" + String.join(" ", Arrays.asList(args).subList(next, args.length)) + "\"",
                    path);
        }
        return helpOf(topic, options, path);
    }

    private static <P, C> Invocation<?> helpOf(Command.Subcommand<P, C> subcommand, P parentOptions, String path) {
        Command<C> command = subcommand.command();
        return new Invocation<>(command, path + " " + command.name(), subcommand.options().apply(parentOptions), true);
    }

    private static <P, C> Invocation<?> descend(Command.Subcommand<P, C> subcommand, P parentOptions, String path,
            String[] args, int start) {
        Command<C> command = subcommand.command();
        return parse(command, subcommand.options().apply(parentOptions), path + " " + command.name(), args, start);
    }

    /** Sets one flag in the options; returns the index of the last argument it used. */
    private static <T> int readFlag(Command<T> command, T options, String path, FlagArgument argument, String[] args,
            int index) {
        Flag<T> flag = command.flag(argument.name());
        if (flag == null) {
            throw usage("flag provided but not defined: " + argument.typed(), path);
        }
        String value = argument.value();
        int last = index;
        if (value == null && flag.takesValue()) {
            if (index + 1 == args.length) {
                throw usage("flag needs an argument: " + argument.typed(), path);
            }
            last = index + 1;
            value = args[last];
        }
        try {
            flag.apply(options, argument.typed(), value);
        } catch (UsageException e) {
            throw usage(e.getMessage(), path);
        }
        return last;
    }

    /** A lone {@code -} is a word, as in Go (it conventionally means stdin). */
    private static boolean isFlag(String argument) {
        return argument.length() > 1 && argument.charAt(0) == '-';
    }

    private static UsageException usage(String message, String path) {
        return new UsageException(message + " (see `" + path + " --help`)");
    }

    /**
     * One flag argument taken apart: {@code --name=value} gives the name {@code name}, the text
     * {@code --name} for messages and the value {@code value}; without {@code =} the value is
     * {@code null}.
     */
    private record FlagArgument(String name, String typed, String value) {
        static FlagArgument of(String argument) {
            int dashes = argument.startsWith(END_OF_FLAGS) ? 2 : 1;
            int equals = argument.indexOf('=', dashes);
            String name = argument.substring(dashes, equals < 0 ? argument.length() : equals);
            // A flag without a name ("--=x") is named in messages by the whole argument.
            String typed = equals < 0 || name.isEmpty() ? argument : argument.substring(0, equals);
            return new FlagArgument(name, typed, equals < 0 ? null : argument.substring(equals + 1));
        }
    }
}
