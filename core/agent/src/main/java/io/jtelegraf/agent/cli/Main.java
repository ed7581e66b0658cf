package io.jtelegraf.agent.cli;

import io.jtelegraf.agent.startup.StartupWarmup;

/** The {@code jtelegraf} command. Exit codes follow Telegraf: 0 success, 1 any error. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (!isVersionOnly(args)) {
            // Only here: in-process callers of run() keep their JVM's own library state.
            StartupWarmup.start();
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code, for tests. */
    public static int run(String... args) {
        if (isVersionOnly(args)) {
            // The most frequent probe of an installation (scripts, package checks) answers
            // without building the command tree, in the fewest classes a start can load.
            System.out.println(VersionCommand.text());
            return 0;
        }
        try {
            return CommandLineParser.parse(JtelegrafCommand.create(), new RunOptions(), args).run();
        } catch (UsageException e) {
            ErrorReporter.report(e.getMessage());
            return 1;
        } catch (Exception e) {
            ErrorReporter.report(e);
            return 1;
        }
    }

    private static boolean isVersionOnly(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-version") || args[0].equals("version"));
    }
}
