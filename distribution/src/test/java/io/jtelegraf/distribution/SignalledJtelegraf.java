package io.jtelegraf.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/jtelegraf} running in the background until a signal stops it, for the tests of
 * SIGHUP, SIGTERM and SIGINT. The script execs the JVM, so the process id is the agent's.
 * Streams go to files; {@link #close} kills a process a failed test left running.
 */
final class SignalledJtelegraf implements AutoCloseable {
    private static final Duration POLL_STEP = Duration.ofMillis(100);

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private SignalledJtelegraf(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code bin/jtelegraf ARGUMENTS} with these variables added to the environment. */
    static SignalledJtelegraf start(Path logDir, Map<String, String> environment, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(JtelegrafProcess.distribution().resolve("bin/jtelegraf").toString());
        command.addAll(List.of(arguments));
        Path out = logDir.resolve("jtelegraf.stdout");
        Path err = logDir.resolve("jtelegraf.stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        return new SignalledJtelegraf(builder.start(), out, err);
    }

    long pid() {
        return process.pid();
    }

    /** Sends {@code SIGNAME} (HUP, INT, TERM) with kill(1): the JDK can only send TERM and KILL. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -s " + name + " " + pid() + " failed");
        }
    }

    /** The exit code; fails when the process is still running after {@code timeout}. */
    int awaitExit(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("jtelegraf still running after " + timeout + "\n" + log());
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** What the agent logged so far. */
    String log() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    /**
     * Checks {@code condition} every 100 ms until it holds; fails naming {@code what}, with the
     * agent's log, when {@code timeout} passes first or the agent has exited.
     */
    void await(Duration timeout, String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError((process.isAlive() ? "not within " + timeout : "jtelegraf exited")
                        + ": " + what + "\n--- log\n" + log());
            }
            Thread.sleep(POLL_STEP.toMillis());
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
