package io.jtelegraf.distribution;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private InfluxDB 1.x ({@code influxd} from Debian's {@code influxdb} package) on free loopback
 * ports with its own folders. It can be stopped by its PID and started again on the same ports
 * and data (the outage), and queried with InfluxQL. Skips loudly where {@code influxd} is not
 * installed, and fails there under {@code CI=true}.
 */
final class InfluxServer implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/influxd");
    private static final Duration READY_DEADLINE = Duration.ofSeconds(30);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(15);

    private final Path dir;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    private InfluxServer(Path dir, int httpPort) {
        this.dir = dir;
        this.httpPort = httpPort;
    }

    /** Writes the configuration into {@code dir} and starts the server; returns once it answers /ping. */
    static InfluxServer start(Path dir) throws IOException, InterruptedException {
        Prerequisites.require(Files.isExecutable(BINARY),
                BINARY + " (a real InfluxDB 1.x for the output fault tests; apt-get install -y influxdb)");
        Files.createDirectories(dir);
        int httpPort = freePort();
        int rpcPort = freePort();
        Files.writeString(dir.resolve("influxdb.conf"), """
                reporting-disabled = true
                bind-address = "127.0.0.1:%d"
                [meta]
                  dir = "%s/meta"
                [data]
                  dir = "%s/data"
                  wal-dir = "%s/wal"
                  query-log-enabled = false
                [http]
                  bind-address = "127.0.0.1:%d"
                  log-enabled = false
                [monitor]
                  store-enabled = false
                [continuous_queries]
                  enabled = false
                [subscriber]
                  enabled = false
                """.formatted(rpcPort, dir, dir, dir, httpPort));
        InfluxServer server = new InfluxServer(dir, httpPort);
        server.start();
        return server;
    }

    /** Starts (again) on the same ports and data; returns once it answers /ping with 204. */
    void start() throws IOException, InterruptedException {
        Path log = dir.resolve("influxd.log");
        process = new ProcessBuilder(BINARY.toString(), "-config", dir.resolve("influxdb.conf").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + READY_DEADLINE.toNanos();
        while (!answersPing()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("influxd exited with " + process.exitValue() + "; log:\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException("influxd not ready within " + READY_DEADLINE + "; log:\n" + tail(log));
            }
            Thread.sleep(100);
        }
    }

    /** Stops the server by its PID: SIGTERM, then SIGKILL after a deadline. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        process = null;
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /**
     * Runs a query (epoch=ns) and returns its rows, each as column name to value, from InfluxDB's
     * CSV answer ({@code name,tags,time,<columns>}). Values must not contain commas.
     */
    List<Map<String, String>> query(String database, String statement) throws IOException, InterruptedException {
        String form = "q=" + URLEncoder.encode(statement, StandardCharsets.UTF_8)
                + "&db=" + URLEncoder.encode(database, StandardCharsets.UTF_8) + "&epoch=ns";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/query"))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/csv")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(statement + " answered " + response.statusCode() + ": " + response.body());
        }
        List<Map<String, String>> rows = new ArrayList<>();
        String[] lines = response.body().split("\r?\n");
        if (lines.length == 0 || lines[0].isEmpty()) {
            return rows;
        }
        String[] columns = lines[0].split(",", -1);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] values = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < columns.length && c < values.length; c++) {
                row.put(columns[c], values[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private boolean answersPing() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/ping"))
                    .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 204;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A port nobody listens on right now, on loopback. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
