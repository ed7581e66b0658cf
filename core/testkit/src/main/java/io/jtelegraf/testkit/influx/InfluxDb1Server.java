package io.jtelegraf.testkit.influx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A private InfluxDB 1.x ({@code /usr/bin/influxd}, Debian package {@code influxdb}) for tests: on
 * free loopback ports, with its configuration, data and log in a folder of the test's own, ready
 * once {@code /ping} answers. It is stopped by its PID ({@link #close()}), and can be stopped and
 * started again on the same ports and data to test an outage ({@link #stop()}, {@link #restart()}).
 * Where {@code influxd} is not installed, {@link #start(Path)} skips the test loudly, or fails it
 * under {@code CI=true} (see {@link RealServerPrerequisites}).
 *
 * <pre>{@code
 * try (InfluxDb1Server influx = InfluxDb1Server.start(tempDir)) {
 *     // point the output at influx.url(), write, then:
 *     List<Map<String, Object>> rows = influx.rows("mydb", "SELECT * FROM cpu");
 * }
 * }</pre>
 *
 * <p>Query results are JSON ({@link #query}, {@link #rows}) with numbers as exact
 * {@link java.math.BigDecimal}s and times in nanoseconds, or InfluxDB's CSV ({@link #csvRows}).
 * Not thread-safe: use one server from one test thread (outputs under test may of course write to
 * it from any thread).
 */
public final class InfluxDb1Server implements AutoCloseable {
    /** Where Debian's influxdb package installs the server. */
    public static final Path BINARY = Path.of("/usr/bin/influxd");

    private final ServerProcess process;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String basicAuth;

    private InfluxDb1Server(ServerProcess process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    /** Starts a server without authentication in {@code dir} (created if missing). */
    public static InfluxDb1Server start(Path dir) throws IOException, InterruptedException {
        return start(dir, false);
    }

    /**
     * Writes the configuration into {@code dir} (created if missing) and starts the server;
     * returns once it answers {@code /ping}. With {@code authEnabled}, the first statement must
     * create an admin user, then {@link #useCredentials} applies to the queries.
     */
    public static InfluxDb1Server start(Path dir, boolean authEnabled) throws IOException, InterruptedException {
        RealServerPrerequisites.requireExecutable(BINARY, "influxdb");
        Files.createDirectories(dir);
        int httpPort = LoopbackPorts.free();
        int rpcPort = LoopbackPorts.free();
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
                  auth-enabled = %s
                  log-enabled = false
                [monitor]
                  store-enabled = false
                [continuous_queries]
                  enabled = false
                [subscriber]
                  enabled = false
                """.formatted(rpcPort, dir, dir, dir, httpPort, authEnabled));
        ServerProcess process = new ServerProcess(List.of(BINARY.toString(), "-config", config.toString()),
                dir.resolve("influxd.log"), "http://127.0.0.1:" + httpPort + "/ping");
        process.start();
        return new InfluxDb1Server(process, httpPort);
    }

    /** The HTTP base URL, e.g. {@code http://127.0.0.1:40123}. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int port() {
        return httpPort;
    }

    /** Sends these credentials (basic auth) with every query from now on. */
    public void useCredentials(String user, String password) {
        basicAuth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Stops the server by its PID (an outage); {@link #restart()} brings it back. */
    public void stop() {
        process.stop();
    }

    /** Starts the server again on the same ports and data; returns once it answers {@code /ping}. */
    public void restart() throws IOException, InterruptedException {
        process.start();
    }

    /** Runs a statement without a database, such as {@code CREATE DATABASE x}; fails unless HTTP 200. */
    public void execute(String statement) throws IOException, InterruptedException {
        send(null, statement, "application/json");
    }

    /**
     * Runs an InfluxQL statement ({@code POST /query}, {@code epoch=ns}) and returns the parsed JSON
     * answer: objects as {@link Map}, arrays as {@link List}, numbers as {@link java.math.BigDecimal}.
     *
     * @param database the database, or {@code null} for statements that need none
     */
    public Object query(String database, String statement) throws IOException, InterruptedException {
        return QueryJson.parse(send(database, statement, "application/json"));
    }

    /** The rows of every series of a SELECT or SHOW, each as column name to JSON value. */
    public List<Map<String, Object>> rows(String database, String statement) throws IOException, InterruptedException {
        Map<?, ?> result = (Map<?, ?>) ((List<?>) ((Map<?, ?>) query(database, statement)).get("results")).get(0);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!(result.get("series") instanceof List<?> series)) {
            return rows;
        }
        for (Object one : series) {
            Map<?, ?> serie = (Map<?, ?>) one;
            List<?> columns = (List<?>) serie.get("columns");
            for (Object values : (List<?>) serie.get("values")) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put((String) columns.get(i), ((List<?>) values).get(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * Runs a query and returns its rows as text, from InfluxDB's CSV answer (columns
     * {@code name,tags,time,<columns>}). Values must not contain commas.
     */
    public List<Map<String, String>> csvRows(String database, String statement) throws IOException, InterruptedException {
        return CsvRows.parse(send(database, statement, "application/csv"));
    }

    /** The names from {@code SHOW DATABASES}. */
    public List<String> databases() throws IOException, InterruptedException {
        return rows(null, "SHOW DATABASES").stream().map(row -> (String) row.get("name")).toList();
    }

    /**
     * Writes line protocol as it is and returns the HTTP status (204 written, 400 refused). Over a
     * plain socket because InfluxDB echoes a refused line in the {@code X-Influxdb-Error} header,
     * control characters and all, which the JDK's HTTP client rejects as an invalid header.
     */
    public int write(String database, byte[] lineProtocol) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), httpPort)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /write?db=" + URLEncoder.encode(database, StandardCharsets.UTF_8)
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + lineProtocol.length
                    + (basicAuth == null ? "" : "\r\nAuthorization: " + basicAuth)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(lineProtocol);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\n' && statusLine.length() < 200; b = in.read()) {
                statusLine.append((char) b);
            }
            String[] parts = statusLine.toString().split(" ");
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP answer from influxd at " + url() + ": " + statusLine);
            }
            return Integer.parseInt(parts[1]);
        }
    }

    /** Stops the server by its PID. */
    @Override
    public void close() {
        process.close();
    }

    private String send(String database, String statement, String accept) throws IOException, InterruptedException {
        String form = "q=" + URLEncoder.encode(statement, StandardCharsets.UTF_8)
                + (database == null ? "" : "&db=" + URLEncoder.encode(database, StandardCharsets.UTF_8)) + "&epoch=ns";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/query"))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", accept)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (basicAuth != null) {
            request.header("Authorization", basicAuth);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("influxd at " + url() + ": " + statement + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body();
    }
}
