package io.jtelegraf.agent.cli;

/**
 * What the arguments asked for: a command with its options filled in, or its help.
 *
 * @param path the command's name as typed, such as {@code jtelegraf config check}
 */
record Invocation<T>(Command<T> command, String path, T options, boolean helpRequested) {
    /** Runs the command, or prints its help; returns the exit code. */
    int run() throws Exception {
        if (helpRequested) {
            System.out.print(HelpText.render(command, path));
            System.out.flush();
            return 0;
        }
        return command.run(options);
    }
}
