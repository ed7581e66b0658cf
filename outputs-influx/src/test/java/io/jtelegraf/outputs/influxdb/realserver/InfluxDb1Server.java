package io.jtelegraf.outputs.influxdb.realserver;

import io.jtelegraf.outputs.influxdb.common.Json;
import java.io.IOException;
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
import java.util.List;
import java.util.Map;

/**
 * A private InfluxDB 1.x ({@code influxd}) on free loopback ports with its own directories, as the
 * real-components guide describes. Can be stopped and started again on the same ports and data
 * (the outage test).
 */
final class InfluxDb1Server implements AutoCloseable {
    static final String BINARY = "/usr/bin/influxd";

    private final ServerProcess process;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String basicAuth;

    private InfluxDb1Server(ServerProcess process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    static InfluxDb1Server start(Path dir, boolean authEnabled) throws IOException, InterruptedException {
        Prerequisites.requireBinary(BINARY, "influxdb");
        int httpPort = ServerProcess.freePort();
        int rpcPort = ServerProcess.freePort();
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
        ServerProcess process = new ServerProcess(List.of(BINARY, "-config", config.toString()),
                dir.resolve("influxd.log"), "http://127.0.0.1:" + httpPort + "/ping");
        InfluxDb1Server server = new InfluxDb1Server(process, httpPort);
        process.start();
        return server;
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    int port() {
        return httpPort;
    }

    /** Queries with these credentials from now on. */
    void useCredentials(String user, String password) {
        basicAuth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    void stop() {
        process.stop();
    }

    void restart() throws IOException, InterruptedException {
        process.start();
    }

    /** Runs an InfluxQL statement (POST /query) and returns the parsed JSON answer. */
    Object query(String database, String statement) throws IOException, InterruptedException {
        String form = "q=" + URLEncoder.encode(statement, StandardCharsets.UTF_8)
                + (database == null ? "" : "&db=" + URLEncoder.encode(database, StandardCharsets.UTF_8)) + "&epoch=ns";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (basicAuth != null) {
            request.header("Authorization", basicAuth);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("query " + statement + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.parse(response.body());
    }

    /** The rows of the first series of a SELECT, each as column name -> value. */
    List<Map<String, Object>> rows(String database, String statement) throws IOException, InterruptedException {
        Map<?, ?> result = (Map<?, ?>) ((List<?>) ((Map<?, ?>) query(database, statement)).get("results")).get(0);
        List<Map<String, Object>> rows = new ArrayList<>();
        Object series = result.get("series");
        if (!(series instanceof List)) {
            return rows;
        }
        for (Object one : (List<?>) series) {
            Map<?, ?> serie = (Map<?, ?>) one;
            List<?> columns = (List<?>) serie.get("columns");
            for (Object values : (List<?>) serie.get("values")) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put((String) columns.get(i), ((List<?>) values).get(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The names from SHOW DATABASES. */
    List<String> databases() throws IOException, InterruptedException {
        return rows(null, "SHOW DATABASES").stream().map(row -> (String) row.get("name")).toList();
    }

    @Override
    public void close() {
        process.close();
    }
}
