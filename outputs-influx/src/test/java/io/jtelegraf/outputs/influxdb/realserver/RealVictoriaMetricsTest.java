package io.jtelegraf.outputs.influxdb.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.outputs.influxdb.common.Json;
import io.jtelegraf.outputs.influxdb.testsupport.TomlText;
import io.jtelegraf.outputs.influxdb.testsupport.WriteResult;
import io.jtelegraf.outputs.influxdb.v2.InfluxDbV2OutputFactory;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.Output;
import io.jtelegraf.testkit.TestPluginConfigs;
import io.jtelegraf.testkit.TestPluginContext;
import io.jtelegraf.testkit.influx.LoopbackPorts;
import io.jtelegraf.testkit.influx.RealServerPrerequisites;
import io.jtelegraf.testkit.influx.ServerProcess;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code outputs.influxdb_v2} against a real implementation of the v2 write API: Debian's
 * VictoriaMetrics. It proves gzip bodies on {@code /api/v2/write} are accepted and values land
 * (read back with {@code /api/v1/export}); headers and parameters are checked with a local test
 * server elsewhere, since VictoriaMetrics ignores token and org.
 */
class RealVictoriaMetricsTest {
    private static final String BINARY = "/usr/bin/victoria-metrics";
    private static final Duration VISIBLE_DEADLINE = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    private static ServerProcess server;
    private static int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        RealServerPrerequisites.requireExecutable(Path.of(BINARY), "victoria-metrics");
        port = LoopbackPorts.free();
        server = new ServerProcess(List.of(BINARY, "-storageDataPath=" + dir.resolve("data"),
                "-httpListenAddr=127.0.0.1:" + port, "-search.latencyOffset=0s"),
                dir.resolve("victoria-metrics.log"), "http://127.0.0.1:" + port + "/health");
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void gzipWritesOverTheV2ApiLandWithTheirValues() throws Exception {
        TestPluginContext context = new TestPluginContext("outputs.influxdb_v2");
        long now = System.currentTimeMillis() * 1_000_000L;
        List<Metric> metrics = List.of(
                Metric.builder("jtv2").tag("host", "a").field("load", 1.25).field("count", 7L).time(now).build(),
                Metric.builder("jtv2").tag("host", "b").field("load", -3.5).field("count", 9L).time(now + 1_000_000).build());
        Output output = new InfluxDbV2OutputFactory().create(TestPluginConfigs.fromToml("outputs.influxdb_v2",
                TomlText.urls("http://127.0.0.1:" + port) + """
                        token = "ignored-token"
                        organization = "org"
                        bucket = "bucket"
                        """), context);
        try {
            output.connect();
            WriteResult result = WriteResult.of(output, metrics);
            assertThat(result.returnedNormally()).as("write: %s, log %s", result.message(), context.logger().lines()).isTrue();
        } finally {
            output.close();
        }
        Map<String, BigDecimal> values = awaitSeries("{__name__=~\"jtv2_.*\"}", 4);
        assertThat(values).containsEntry("jtv2_load{host=a}", new BigDecimal("1.25"))
                .containsEntry("jtv2_load{host=b}", new BigDecimal("-3.5"))
                .containsEntry("jtv2_count{host=a}", new BigDecimal("7"))
                .containsEntry("jtv2_count{host=b}", new BigDecimal("9"));
    }

    /** Polls /api/v1/export until {@code expected} series are there or the deadline passes. */
    private Map<String, BigDecimal> awaitSeries(String match, int expected) throws Exception {
        long deadline = System.nanoTime() + VISIBLE_DEADLINE.toNanos();
        Map<String, BigDecimal> values = Map.of();
        while (System.nanoTime() < deadline) {
            values = export(match);
            if (values.size() >= expected) {
                return values;
            }
            Thread.sleep(200);
        }
        return values;
    }

    private Map<String, BigDecimal> export(String match) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/export?match[]="
                + URLEncoder.encode(match, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        Map<String, BigDecimal> values = new HashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<?, ?> series = (Map<?, ?>) Json.parse(line);
            Map<?, ?> labels = (Map<?, ?>) series.get("metric");
            List<?> samples = (List<?>) series.get("values");
            values.put(labels.get("__name__") + "{host=" + labels.get("host") + "}", (BigDecimal) samples.get(samples.size() - 1));
        }
        return values;
    }
}
