package io.jtelegraf.testkit.influx;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server started as a child process for a test. {@link #start()} returns once an HTTP URL
 * answers 2xx, within a deadline; {@link #stop()} ends the process by its own PID (TERM, then KILL
 * after a deadline), never by name. The process is also stopped when it does not become ready.
 * Output is appended to a log file, whose tail is part of every failure message. It can be stopped
 * and started again with the same command (an outage on the same ports and data).
 *
 * <p>Not thread-safe: start and stop it from the test thread.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration READY_DEADLINE = Duration.ofSeconds(30);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final List<String> command;
    private final Path log;
    private final String readyUrl;
    private Process process;

    /**
     * @param command the binary and its arguments
     * @param log the file the process's output is appended to
     * @param readyUrl the URL that answers 2xx once the server accepts requests
     */
    public ServerProcess(List<String> command, Path log, String readyUrl) {
        this.command = List.copyOf(command);
        this.log = log;
        this.readyUrl = readyUrl;
    }

    /** Starts the process and waits until it is ready; stops it again when it is not. */
    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        boolean ready = false;
        try {
            awaitReady();
            ready = true;
        } finally {
            if (!ready) {
                stop();
            }
        }
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_DEADLINE.toNanos();
        while (!answers()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(command.get(0) + " exited with " + process.exitValue() + "; log:\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(command.get(0) + " not ready at " + readyUrl + " within " + READY_DEADLINE
                        + "; log:\n" + tail());
            }
            Thread.sleep(100);
        }
    }

    /** Stops the process by its PID: TERM, then KILL after a deadline. Does nothing when stopped. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private boolean answers() throws InterruptedException {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(readyUrl))
                    .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() >= 200 && response.statusCode() < 300;
        } catch (IOException notYet) {
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
