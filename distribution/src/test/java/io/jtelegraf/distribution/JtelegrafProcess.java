package io.jtelegraf.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a jtelegraf command line to completion, with a deadline, capturing both streams. */
final class JtelegrafProcess {
    private JtelegrafProcess() {
    }

    /** What a finished run printed and returned. */
    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /** The unpacked distribution built by this module. */
    static Path distribution() {
        Path home = Path.of(System.getProperty("jtelegraf.distribution", "target/jtelegraf"));
        assertThat(home.resolve("bin/jtelegraf")).as("the distribution is built by `mvn package`").isExecutable();
        return home;
    }

    static Result run(Path executable, Duration timeout, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        return run(command, timeout, environment);
    }

    static Result run(List<String> command, Duration timeout, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("jtelegraf-out", ".txt");
        Path err = Files.createTempFile("jtelegraf-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("timed out after " + timeout + ": " + command + "\n" + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
