package io.jtelegraf.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code jtelegraf} command. Exit codes follow Telegraf: 0 success, 1 any error. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code, for tests. */
    public static int run(String... args) {
        if (isVersionOnly(args)) {
            // The most frequent probe of an installation (scripts, package checks) answers
            // without building the command-line parser, which is most of the start-up time.
            System.out.println(VersionCommand.text());
            return 0;
        }
        CommandLine commandLine = new CommandLine(new JtelegrafCommand());
        if (Subcommands.neededFor(args)) {
            Subcommands.addTo(commandLine);
        }
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            ErrorReporter.report(usageMessage(error));
            return 1;
        });
        commandLine.setExecutionExceptionHandler((error, command, parseResult) -> {
            ErrorReporter.report(error);
            return 1;
        });
        return commandLine.execute(args);
    }

    private static boolean isVersionOnly(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-version") || args[0].equals("version"));
    }

    /**
     * One readable line for a command line the parser rejects. An unknown flag and a leftover
     * word get Telegraf's wording (its users know it from there), with a pointer to the help of
     * the command that was being parsed.
     */
    static String usageMessage(ParameterException error) {
        String help = " (see `" + error.getCommandLine().getCommandSpec().qualifiedName() + " --help`)";
        if (error instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            return first.startsWith("-") ? "flag provided but not defined: " + first + help
                    : "unknown command \"" + first + "\"" + help;
        }
        return error.getMessage() + help;
    }
}
