package io.jtelegraf.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real agent ({@code bin/jtelegraf}, which execs the JVM, so its PID is the agent's) running
 * in the background for a fault test: stdout and stderr go to files, SIGTERM stops it, and
 * {@link #close} kills it by PID if it is still alive, so a failing test leaves nothing behind.
 * Reads the process's open descriptors and threads from {@code /proc}.
 */
final class AgentProcess implements AutoCloseable {
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
        Path jtelegraf = JtelegrafProcess.distribution().resolve("bin/jtelegraf");
        Path out = dir.resolve(config.getFileName() + ".stdout");
        Path err = dir.resolve(config.getFileName() + ".stderr");
        List<String> command = new ArrayList<>(List.of(jtelegraf.toString(), "--config", config.toString(),
                "--plugin-directory", plugins.toString()));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new AgentProcess(process, out, err);
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
