package io.jtelegraf.agent.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs {@link Main#run} in this JVM with stdout and stderr captured, the plugins folder of
 * {@link PluginFolderFixture} added as {@code --plugin-directory}.
 */
final class JtelegrafCli {
    /** Spec 4.7: {@code <RFC 3339 second> <L>! [<source>] <message>}. */
    static final Pattern LOG_LINE = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ [EWIDT]! \\[[a-z_.:0-9-]+] \\S.*");

    private final Path plugins;

    JtelegrafCli(Path plugins) {
        this.plugins = plugins;
    }

    /** What one command printed and returned. */
    record Result(int exitCode, String stdout, String stderr) {
        List<String> logLines() {
            return stderr.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /** Runs the arguments as given (subcommand first), then {@code --plugin-directory}. */
    Result run(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.add("--plugin-directory");
        all.add(plugins.toString());
        return runExactly(all.toArray(String[]::new));
    }

    /** Runs exactly these arguments. */
    static Result runExactly(String... arguments) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream capturedErr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(capturedOut);
            System.setErr(capturedErr);
            exitCode = Main.run(arguments);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
