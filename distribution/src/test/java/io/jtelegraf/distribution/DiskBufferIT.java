package io.jtelegraf.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code buffer_strategy = "disk"} with the real agent: metrics gathered while InfluxDB refuses
 * them survive a SIGKILL and are delivered by the restarted agent; a SIGKILL while writes succeed
 * costs exactly the batch in flight sent twice.
 *
 * <p>The input is the example plugin {@code hello}, whose {@code count} field goes 1, 2, 3... per
 * gather and which logs {@code greeted <name>} at debug level right after adding each metric, so
 * the log tells how many metrics each run gathered. Each run greets a different name, which keeps
 * the runs' counts apart. The server is a small HTTP server standing in for InfluxDB v2: it
 * answers 503 until told to accept, then 204, and records every line it accepted.
 *
 * <p>Also: a buffer folder the agent cannot write stops the start with an error naming it.
 */
class DiskBufferIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int BATCH = 4;
    private static final Pattern LINE = Pattern.compile("^hello,host=lb1,name=(\\w+) .*count=(\\d+)i");

    @TempDir
    Path temp;

    private final Path jtelegraf = JtelegrafProcess.distribution().resolve("bin/jtelegraf");
    private final AtomicBoolean accepting = new AtomicBoolean();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    /** When set, the next accepted request is recorded but answered only after {@link #release}. */
    private final AtomicBoolean holdNext = new AtomicBoolean();
    private final List<String> held = new CopyOnWriteArrayList<>();
    private final CountDownLatch heldReceived = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Process> processes = new ArrayList<>();
    private HttpServer server;
    private Path plugins;

    @BeforeEach
    void startServerAndPlugins() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v2/write", this::write);
        server.start();
        plugins = PluginsWithHello.create(temp);
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process process : processes) {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        server.stop(0);
    }

    private void write(HttpExchange exchange) throws IOException {
        try {
            answer(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The agent was killed while this request was held; nobody reads the answer.
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange) throws IOException, InterruptedException {
        byte[] body;
        try (InputStream in = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (!accepting.get()) {
            refused.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            return;
        }
        List<String> lines = new String(body, StandardCharsets.UTF_8).lines().filter(line -> !line.isEmpty()).toList();
        accepted.addAll(lines);
        if (holdNext.compareAndSet(true, false)) {
            held.addAll(lines);
            heldReceived.countDown();
            release.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
        exchange.sendResponseHeaders(204, -1);
    }

    @Test
    void metricsSurviveSigkillAndAreDeliveredAfterARestart() throws Exception {
        Path bufferDirectory = temp.resolve("var/buffer");

        // Run 1: InfluxDB refuses everything; the agent is killed with metrics only on disk.
        Run first = start("first", bufferDirectory);
        awaitTrue("run 1 gathered 6 metrics and had 2 writes refused",
                () -> first.gathered() >= 6 && refused.get() >= 2);
        first.kill();
        int firstGathered = first.gathered();
        assertThat(accepted).isEmpty();
        Path folder = bufferDirectory.resolve("outputs.influxdb_v2.0");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");

        // Run 2: InfluxDB is back; the restarted agent delivers run 1's metrics, then is killed
        // again while InfluxDB has received a batch but not yet answered.
        accepting.set(true);
        Run second = start("second", bufferDirectory);
        awaitTrue("run 1's metrics delivered and run 2 gathered 5", () -> counts("first").size() >= firstGathered
                && second.gathered() >= 5);
        holdNext.set(true);
        assertThat(heldReceived.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("a batch reaches InfluxDB").isTrue();
        second.kill();
        release.countDown();
        int secondGathered = second.gathered();
        int recovered = second.recoveredOnStart();

        // Run 3: delivers what run 2 left, then stops with SIGTERM, flushing everything.
        Run third = start("third", bufferDirectory);
        awaitTrue("run 2's metrics delivered and run 3 gathered 3", () -> counts("second").size() >= secondGathered
                && third.gathered() >= 3);
        int thirdExit = third.terminate();
        int thirdGathered = third.gathered();

        String logs = first.log() + second.log() + third.log();
        assertThat(thirdExit).as(logs).isZero();
        assertThat(recovered).as("run 2 found every metric of run 1 on disk").isEqualTo(counts("first").size());
        assertEveryCountArrived("first", firstGathered, logs);
        assertEveryCountArrived("second", secondGathered, logs);
        assertEveryCountArrived("third", thirdGathered, logs);
        List<String> duplicates = duplicates();
        assertThat(duplicates).as("only the batch in flight at the SIGKILL is sent twice")
                .containsExactlyInAnyOrderElementsOf(held);
        assertThat(held).hasSizeBetween(1, BATCH);
        assertThat(logs).doesNotContain("torn or damaged").doesNotContain("Exception");
        System.out.printf("DiskBufferIT: gathered %d + %d + %d, run 1 recovered %d after SIGKILL, %d lines accepted,"
                + " %d duplicates, %d writes refused%n", firstGathered, secondGathered, thirdGathered, recovered,
                accepted.size(), duplicates.size(), refused.get());
    }

    /** Each line accepted more than once, once per extra time. */
    private List<String> duplicates() {
        List<String> extra = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        for (String line : accepted) {
            if (!seen.add(line)) {
                extra.add(line);
            }
        }
        return extra;
    }

    @Test
    void aBufferFolderTheAgentCannotWriteStopsTheStartWithAClearError() throws Exception {
        Path bufferDirectory = temp.resolve("readonly");
        Path folder = Files.createDirectories(bufferDirectory.resolve("outputs.influxdb_v2.0"));
        List<String> command = new ArrayList<>();
        if (Prerequisites.isRoot()) {
            // root may write anywhere: run the agent as nobody against root's folder instead.
            Prerequisites.require(Prerequisites.hasCommand("setpriv"), "setpriv (util-linux), to run the agent as nobody");
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
        }
        Path config = writeConfig("readonly", bufferDirectory);
        command.addAll(List.of(jtelegraf.toString(), "--config", config.toString(), "--plugin-directory",
                plugins.toString()));

        JtelegrafProcess.Result result = JtelegrafProcess.run(command, DEADLINE, Map.of());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).as(result.toString()).contains("E! [jtelegraf] Error running agent: error opening"
                + " the disk buffer of output \"outputs.influxdb_v2\": cannot use disk buffer folder " + folder
                + ": it is not writable by this user");
        assertThat(result.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** Counts 1..gathered all arrived (a run may have added one more just as it was killed). */
    private void assertEveryCountArrived(String name, int gathered, String logs) {
        TreeSet<Integer> counts = counts(name);
        assertThat(counts).as(name + "\n" + logs).isNotEmpty();
        assertThat(counts.first()).as(name).isEqualTo(1);
        assertThat(counts.last()).as(name).isBetween(gathered, gathered + 1);
        assertThat(counts).as(name + ": no gaps").hasSize(counts.last());
    }

    private TreeSet<Integer> counts(String name) {
        TreeSet<Integer> counts = new TreeSet<>();
        for (String line : accepted) {
            Matcher matcher = LINE.matcher(line);
            assertThat(matcher.find()).as("a hello line: %s", line).isTrue();
            if (matcher.group(1).equals(name)) {
                counts.add(Integer.parseInt(matcher.group(2)));
            }
        }
        return counts;
    }

    private Run start(String name, Path bufferDirectory) throws IOException {
        Path config = writeConfig(name, bufferDirectory);
        Path log = temp.resolve(name + ".log");
        Process process = new ProcessBuilder(jtelegraf.toString(), "--config", config.toString(), "--debug",
                "--plugin-directory", plugins.toString())
                .redirectOutput(temp.resolve(name + ".out").toFile()).redirectError(log.toFile()).start();
        processes.add(process);
        return new Run(name, process, log);
    }

    private Path writeConfig(String name, Path bufferDirectory) throws IOException {
        return Files.writeString(temp.resolve(name + ".conf"), """
                [agent]
                  interval = "1s"
                  round_interval = false
                  flush_interval = "1s"
                  metric_batch_size = %d
                  hostname = "lb1"
                  buffer_strategy = "disk"
                  buffer_directory = "%s"

                [[inputs.hello]]
                  name = "%s"

                [[outputs.influxdb_v2]]
                  urls = ["http://127.0.0.1:%d"]
                  token = "secret"
                  organization = "o"
                  bucket = "b"
                  content_encoding = "identity"
                """.formatted(BATCH, bufferDirectory, name, server.getAddress().getPort()));
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + DEADLINE + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    /** One agent process and its log. */
    private record Run(String name, Process process, Path logFile) {
        private static final Pattern RECOVERED = Pattern.compile("Disk buffer in .*: (\\d+) metrics recovered");

        String log() {
            try {
                return Files.readString(logFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AssertionError("cannot read " + logFile, e);
            }
        }

        /** Gathers so far: the input logs "greeted <name>" right after adding each metric. */
        int gathered() {
            return (int) log().lines().filter(line -> line.endsWith("greeted " + name)).count();
        }

        int recoveredOnStart() {
            Matcher matcher = RECOVERED.matcher(log());
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("SIGKILL ends " + name).isTrue();
        }

        int terminate() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("SIGTERM ends " + name).isTrue();
            return process.exitValue();
        }
    }
}
