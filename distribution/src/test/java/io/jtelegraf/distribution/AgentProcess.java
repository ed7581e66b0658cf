package io.jtelegraf.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real agent ({@code bin/jtelegraf}, which execs the JVM, so its PID is the agent's) running
 * in the background for a fault test: stdout and stderr go to files, SIGTERM stops it, and
 * {@link #close} kills it by PID if it is still alive, so a failing test leaves nothing behind.
 * Sends other signals (HUP, INT) with kill(1), and reads the process's open descriptors and
 * threads from {@code /proc}.
 */
final class AgentProcess implements AutoCloseable {
    private static final Duration POLL_STEP = Duration.ofMillis(100);

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private AgentProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code bin/jtelegraf --config CONFIG --plugin-directory PLUGINS}, logging into {@code dir}. */
    static AgentProcess start(Path config, Path plugins, Path dir) throws IOException {
        return start(dir, config.getFileName().toString(), Map.of(), "--config", config.toString(),
                "--plugin-directory", plugins.toString());
    }

    /**
     * Starts {@code bin/jtelegraf ARGUMENTS} with {@code environment} added, stdout and stderr in
     * {@code dir} as {@code NAME.stdout} and {@code NAME.stderr}.
     */
    static AgentProcess start(Path dir, String name, Map<String, String> environment, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(JtelegrafProcess.distribution().resolve("bin/jtelegraf").toString());
        command.addAll(List.of(arguments));
        Path out = dir.resolve(name + ".stdout");
        Path err = dir.resolve(name + ".stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        return new AgentProcess(builder.start(), out, err);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM: the agent's orderly shutdown with a final flush. */
    void terminate() {
        process.destroy();
    }

    /** Sends {@code SIGNAME} (HUP, INT, TERM) with kill(1): the JDK can only send TERM and KILL. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -s " + name + " " + pid() + " failed");
        }
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

    /** The exit code, or empty when the process is still running after {@code timeout}. */
    OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return OptionalInt.of(process.exitValue());
        }
        return OptionalInt.empty();
    }

    /** Everything the agent logged so far (its log goes to stderr). */
    String log() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    /** Open file descriptors, sockets included ({@code /proc/PID/fd}). */
    int openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
            return (int) fds.count();
        }
    }

    /** Open sockets: descriptors linking to {@code socket:[inode]}. */
    int openSockets() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
            return (int) fds.filter(AgentProcess::isSocket).count();
        }
    }

    /** Threads of the JVM ({@code /proc/PID/task}). */
    int threads() throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid()), "task"))) {
            return (int) tasks.count();
        }
    }

    /** The names of the JVM's threads ({@code /proc/PID/task/TID/comm}, at most 15 characters each). */
    List<String> threadNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    names.add(Files.readString(task.resolve("comm")).strip());
                } catch (IOException e) {
                    // the thread ended between listing and reading
                }
            }
        }
        names.sort(null);
        return names;
    }

    private static boolean isSocket(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException e) {
            return false; // closed between listing and reading: not open any more
        }
    }

    /** Kills the agent by PID if it still runs, and waits for it (bounded). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
