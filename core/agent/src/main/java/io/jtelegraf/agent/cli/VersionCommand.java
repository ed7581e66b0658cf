package io.jtelegraf.agent.cli;

import java.util.List;

/** {@code jtelegraf version}, and the version line {@code --version} prints too. */
final class VersionCommand {
    private VersionCommand() {
    }

    /** The command takes no flags but help; the root's options pass through unused. */
    static Command<RunOptions> create() {
        return new Command<>("version", "Print the version and exit.", List.of(), options -> {
            System.out.println(text());
            return 0;
        });
    }

    static String text() {
        // A StringBuilder, not `+`: javac compiles `+` to an invokedynamic call whose first use
        // spins method handles and classes, longer than the rest of `--version`'s own work.
        return new StringBuilder("jtelegraf ").append(Version.get())
                .append(" (java ").append(javaVersion()).append(')').toString();
    }

    /**
     * The running Java's full version, {@code Runtime.version()} as text. The system property is
     * the text that method parses; reading it directly spares a start-up the lambda and
     * method-handle set-up that formatting the parsed version costs (a third of {@code --version}).
     */
    private static String javaVersion() {
        String version = System.getProperty("java.runtime.version");
        return version != null ? version : Runtime.version().toString();
    }
}
