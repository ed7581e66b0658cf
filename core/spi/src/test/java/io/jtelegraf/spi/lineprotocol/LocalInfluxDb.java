package io.jtelegraf.spi.lineprotocol;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A private InfluxDB 1.x ({@code /usr/bin/influxd}, Debian package influxdb) on free loopback
 * ports with its own directories, for tests that need the real parser. Stopped by its own PID.
 * Missing locally: the test is skipped with a loud message; with {@code CI=true} it fails.
 */
final class LocalInfluxDb implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/influxd");
    private static final Duration READY_DEADLINE = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final String url;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalInfluxDb(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.url = "http://127.0.0.1:" + port;
    }

    /** Skips (or fails under CI=true) when influxd is not installed. */
    static void requireInstalled() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        String message = "PREREQUISITE MISSING, test not run: " + BINARY + " (apt-get install influxdb)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " (CI=true: every prerequisite must be installed)");
        }
        System.err.println("WARNING: " + message);
        Assumptions.abort(message);
    }

    static LocalInfluxDb start(Path dir) throws IOException, InterruptedException {
        requireInstalled();
        int httpPort = freePort();
        int rpcPort = freePort();
        Path config = dir.resolve("influxdb.conf");
        Files.writeString(config, """
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
        Path log = dir.resolve("influxd.log");
        Process process = new ProcessBuilder(BINARY.toString(), "-config", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        LocalInfluxDb server = new LocalInfluxDb(process, log, httpPort);
        server.awaitReady();
        return server;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("influxd exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                HttpResponse<Void> ping = http.send(HttpRequest.newBuilder(URI.create(url + "/ping"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                if (ping.statusCode() == 204) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("influxd not ready within " + READY_DEADLINE + ": " + Files.readString(log));
    }

    /** Runs a statement such as CREATE DATABASE. */
    void execute(String statement) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/query?q="
                + URLEncoder.encode(statement, StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(statement + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * Writes line protocol; returns the HTTP status (204 written, 400 refused). Over a plain socket
     * because InfluxDB echoes a refused line in the X-Influxdb-Error header, control characters
     * and all, which the JDK's HTTP client rejects as an invalid header.
     */
    int write(String database, byte[] body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /write?db=" + database + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                    + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\n' && statusLine.length() < 200; b = in.read()) {
                statusLine.append((char) b);
            }
            String[] parts = statusLine.toString().split(" ");
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            return Integer.parseInt(parts[1]);
        }
    }

    /** The parsed JSON answer of a query. */
    Object query(String database, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/query?db=" + database
                + "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(query + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return MiniJson.parse(response.body());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
