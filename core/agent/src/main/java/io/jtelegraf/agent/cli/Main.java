package io.jtelegraf.agent.cli;

import picocli.CommandLine;

/** The {@code jtelegraf} command. Exit codes follow Telegraf: 0 success, 1 any error. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code, for tests. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new JtelegrafCommand());
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            ErrorReporter.report(error.getMessage());
            return 1;
        });
        commandLine.setExecutionExceptionHandler((error, command, parseResult) -> {
            ErrorReporter.report(error);
            return 1;
        });
        return commandLine.execute(args);
    }
}
