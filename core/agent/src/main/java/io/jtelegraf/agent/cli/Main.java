package io.jtelegraf.agent.cli;

import io.jtelegraf.agent.startup.StartupWarmup;

/** The {@code jtelegraf} command. Exit codes follow Telegraf: 0 success, 1 any error. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(true, args));
    }

    /** Runs the command line and returns the exit code, for tests. */
    public static int run(String... args) {
        return run(false, args);
    }

    /**
     * @param warmUp whether a run of the agent may start the warm-up thread: only for the process's
     *     own command line, so in-process callers keep their JVM's library state as it is
     */
    private static int run(boolean warmUp, String[] args) {
        if (isVersionOnly(args)) {
            // The most frequent probe of an installation (scripts, package checks) answers
            // without building the command tree, in the fewest classes a start can load.
            System.out.println(VersionCommand.text());
            return 0;
        }
        try {
            Command<RunOptions> root = JtelegrafCommand.create();
            Invocation<?> invocation = CommandLineParser.parse(root, new RunOptions(), args);
            if (warmUp && JtelegrafCommand.runsAgent(invocation, root)) {
                StartupWarmup.start();
            }
            return invocation.run();
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
