package io.jtelegraf.outputs.influxdb.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.outputs.influxdb.InfluxDbOutputFactory;
import io.jtelegraf.outputs.influxdb.testsupport.TomlText;
import io.jtelegraf.outputs.influxdb.testsupport.WriteResult;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.Output;
import io.jtelegraf.testkit.TestPluginConfigs;
import io.jtelegraf.testkit.TestPluginContext;
import io.jtelegraf.testkit.influx.CountingProxy;
import io.jtelegraf.testkit.influx.InfluxDb1Server;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code outputs.influxdb} against a real InfluxDB 1.x ({@code influxd} from Debian's influxdb
 * package) on a free loopback port: what was written is queried back.
 */
class RealInfluxDbTest {
    private static final long T0 = 1_700_000_000_123_456_789L;

    @TempDir
    static Path dir;
    private static InfluxDb1Server server;

    private final TestPluginContext context = new TestPluginContext("outputs.influxdb");
    private final List<Output> outputs = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        server = InfluxDb1Server.start(dir, false);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closeOutputs() throws Exception {
        for (Output output : outputs) {
            output.close();
        }
    }

    /** A connected output writing to {@code url}, configured with the other TOML lines. */
    private Output output(String url, String... tomlLines) throws Exception {
        Output output = new InfluxDbOutputFactory().create(TestPluginConfigs.fromToml("outputs.influxdb",
                TomlText.urls(url) + String.join("\n", tomlLines)), context);
        outputs.add(output);
        output.connect();
        return output;
    }

    @Test
    void createsTheDatabaseAndStoresTypesTagsAndTimestampsExactly() throws Exception {
        Output output = output(server.url(), "database = \"roundtrip\"");
        assertThat(server.databases()).contains("roundtrip");
        Metric first = Metric.builder("weather").tag("city", "Paris").tag("station", "north 1")
                .field("temp", 21.5).field("count", 42L).unsignedField("big", Long.MIN_VALUE + 5)
                .field("ok", true).field("note", "a \"quoted\" text").time(T0).build();
        Metric second = Metric.builder("weather").tag("city", "Lyon").tag("station", "s=2")
                .field("temp", -0.25).field("count", -7L).unsignedField("big", 3L)
                .field("ok", false).field("note", "line").time(T0 + 1_000_000_000L).build();
        assertThat(WriteResult.of(output, List.of(first, second)).returnedNormally()).isTrue();

        List<Map<String, Object>> rows = server.rows("roundtrip", "SELECT * FROM weather ORDER BY time");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("time", new BigDecimal(T0)).containsEntry("city", "Paris")
                .containsEntry("station", "north 1").containsEntry("temp", new BigDecimal("21.5"))
                .containsEntry("count", new BigDecimal(42)).containsEntry("ok", true)
                .containsEntry("note", "a \"quoted\" text")
                // influx_uint_support=false: written as a signed integer, clamped.
                .containsEntry("big", new BigDecimal(Long.MAX_VALUE));
        assertThat(rows.get(1)).containsEntry("time", new BigDecimal(T0 + 1_000_000_000L)).containsEntry("station", "s=2")
                .containsEntry("temp", new BigDecimal("-0.25")).containsEntry("count", new BigDecimal(-7))
                .containsEntry("big", new BigDecimal(3)).containsEntry("ok", false);
        Map<Object, Object> fieldTypes = server.rows("roundtrip", "SHOW FIELD KEYS FROM weather").stream()
                .collect(Collectors.toMap(row -> row.get("fieldKey"), row -> row.get("fieldType")));
        assertThat(fieldTypes).containsEntry("temp", "float").containsEntry("count", "integer")
                .containsEntry("big", "integer").containsEntry("ok", "boolean").containsEntry("note", "string");
    }

    @Test
    void gzipAndIdentityBodiesAreBothStored() throws Exception {
        try (CountingProxy proxy = new CountingProxy(server.url())) {
            Output gzip = output(proxy.url(), "database = \"encodings\"");
            Output identity = output(proxy.url(), "database = \"encodings\"", "content_encoding = \"identity\"");
            assertThat(WriteResult.of(gzip, List.of(point("enc", 1, T0))).returnedNormally()).isTrue();
            assertThat(WriteResult.of(identity, List.of(point("enc", 2, T0 + 1))).returnedNormally()).isTrue();
            assertThat(proxy.writeEncodings()).containsExactly("gzip", "null");
        }
        assertThat(server.rows("encodings", "SELECT value FROM enc")).extracting(row -> row.get("value"))
                .containsExactlyInAnyOrder(new BigDecimal(1), new BigDecimal(2));
    }

    @Test
    void writesIntoTheConfiguredRetentionPolicy() throws Exception {
        output(server.url(), "database = \"policies\"");
        server.query("policies", "CREATE RETENTION POLICY \"week\" ON \"policies\" DURATION 7d REPLICATION 1");
        Output output = output(server.url(), "database = \"policies\"", "retention_policy = \"week\"");
        long now = System.currentTimeMillis() * 1_000_000L;
        assertThat(WriteResult.of(output, List.of(point("kept", 5, now))).returnedNormally()).isTrue();
        assertThat(server.rows("policies", "SELECT value FROM \"policies\".\"week\".\"kept\"")).hasSize(1);
        assertThat(server.rows("policies", "SELECT value FROM \"policies\".\"autogen\".\"kept\"")).isEmpty();
    }

    @Test
    void routesByDatabaseTagAndExcludesTheTag() throws Exception {
        Output output = output(server.url(), "database = \"routed_default\"", "database_tag = \"tenant\"",
                "exclude_database_tag = true");
        Metric alpha = Metric.builder("usage").tag("tenant", "tenant_alpha").tag("host", "a").field("value", 1L).time(T0).build();
        Metric beta = Metric.builder("usage").tag("tenant", "tenant_beta").tag("host", "b").field("value", 2L).time(T0).build();
        Metric untagged = Metric.builder("usage").tag("host", "c").field("value", 3L).time(T0).build();
        assertThat(WriteResult.of(output, List.of(alpha, beta, untagged)).returnedNormally()).isTrue();
        assertThat(server.databases()).contains("tenant_alpha", "tenant_beta", "routed_default");
        List<Map<String, Object>> alphaRows = server.rows("tenant_alpha", "SELECT * FROM usage");
        assertThat(alphaRows).hasSize(1);
        assertThat(alphaRows.get(0)).containsEntry("host", "a").doesNotContainKey("tenant");
        assertThat(server.rows("tenant_beta", "SELECT * FROM usage")).extracting(row -> row.get("host")).containsExactly("b");
        assertThat(server.rows("routed_default", "SELECT * FROM usage")).extracting(row -> row.get("host")).containsExactly("c");
        assertThat(alpha.tag("tenant")).isEqualTo("tenant_alpha");
    }

    @Test
    void aTypeConflictIsDroppedWithoutBlockingTheNextBatch() throws Exception {
        Output output = output(server.url(), "database = \"conflicts\"");
        assertThat(WriteResult.of(output, List.of(point("c", 1, T0))).returnedNormally()).isTrue();
        Metric wrongType = Metric.builder("c").field("value", "text").time(T0 + 1).build();
        assertThat(WriteResult.of(output, List.of(wrongType)).returnedNormally()).as("400 field type conflict: dropped").isTrue();
        assertThat(context.logger().lines()).anySatisfy(line -> assertThat(line).contains("will be dropped").contains("conflict"));
        assertThat(WriteResult.of(output, List.of(point("c", 3, T0 + 2))).returnedNormally()).isTrue();
        assertThat(server.rows("conflicts", "SELECT value FROM c")).extracting(row -> row.get("value"))
                .containsExactly(new BigDecimal(1), new BigDecimal(3));
    }

    @Test
    void anOutageLosesNothingAndDeliversEachLineOnce() throws Exception {
        try (CountingProxy proxy = new CountingProxy(server.url())) {
            Output output = output(proxy.url(), "database = \"outage\"", "timeout = \"2s\"");
            SimulatedBuffer buffer = new SimulatedBuffer(output, 4);
            int next = 0;
            buffer.add(points(next, 4));
            next += 4;
            assertThat(buffer.flush()).isTrue();
            server.stop();
            try {
                for (int round = 0; round < 3; round++) {
                    buffer.add(points(next, 5));
                    next += 5;
                    assertThat(buffer.flush()).as("server down: kept").isFalse();
                }
                assertThat(buffer.size()).isEqualTo(15);
            } finally {
                server.restart();
            }
            for (int attempt = 0; attempt < 5 && buffer.size() > 0; attempt++) {
                buffer.flush();
            }
            assertThat(buffer.size()).isZero();
            assertThat(proxy.writeStatuses()).contains(502, 204);
            Map<String, Integer> delivered = proxy.deliveryCounts();
            assertThat(delivered).hasSize(next);
            assertThat(delivered.values()).as("every line delivered exactly once").containsOnly(1);
        }
        assertThat(server.rows("outage", "SELECT count(value) FROM outage_points").get(0))
                .containsEntry("count", new BigDecimal(19));
    }

    private static Metric point(String name, long value, long time) {
        return Metric.builder(name).field("value", value).time(time).build();
    }

    private static List<Metric> points(int from, int count) {
        List<Metric> metrics = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            metrics.add(Metric.builder("outage_points").tag("seq", Integer.toString(i)).field("value", (long) i).time(T0 + i).build());
        }
        return metrics;
    }
}
