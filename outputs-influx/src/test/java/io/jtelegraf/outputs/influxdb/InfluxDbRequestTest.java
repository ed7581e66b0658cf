package io.jtelegraf.outputs.influxdb;

import static io.jtelegraf.outputs.influxdb.testsupport.ScriptedServer.json;
import static io.jtelegraf.outputs.influxdb.testsupport.ScriptedServer.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.outputs.influxdb.testsupport.FakeEncoder;
import io.jtelegraf.outputs.influxdb.testsupport.ScriptedServer;
import io.jtelegraf.outputs.influxdb.testsupport.ScriptedServer.Seen;
import io.jtelegraf.outputs.influxdb.testsupport.TestMetrics;
import io.jtelegraf.outputs.influxdb.testsupport.TomlText;
import io.jtelegraf.outputs.influxdb.testsupport.WriteResult;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.testkit.TestPluginConfigs;
import io.jtelegraf.testkit.TestPluginContext;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import okhttp3.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The requests the v1 output sends: path, query, headers, body, database creation and routing. */
class InfluxDbRequestTest {
    private final ScriptedServer server = new ScriptedServer().start();
    private final TestPluginContext context = new TestPluginContext("outputs.influxdb");
    private final List<InfluxDbOutput> outputs = new ArrayList<>();

    @AfterEach
    void stop() {
        outputs.forEach(InfluxDbOutput::close);
        server.close();
    }

    /** An output writing to {@code path} of the server, configured with the other TOML lines. */
    private InfluxDbOutput output(String path, String... tomlLines) {
        PluginConfig config = TestPluginConfigs.fromToml("outputs.influxdb",
                TomlText.urls(server.url(path)) + String.join("\n", tomlLines));
        InfluxDbOutput output = new InfluxDbOutput(InfluxDbConfig.read(config, context), context, new FakeEncoder(), new Random(1));
        assertThat(TestPluginConfigs.unusedKeys(config)).isEmpty();
        output.connect();
        outputs.add(output);
        return output;
    }

    @Test
    void writeRequestHasTelegrafsShape() {
        server.answer(request -> status(204));
        InfluxDbOutput output = output("/prefix?ignored=1", "skip_database_creation = true", "database = \"metrics\"",
                "retention_policy = \"week\"", "write_consistency = \"quorum\"");
        assertThat(WriteResult.of(output, TestMetrics.batch(2)).returnedNormally()).isTrue();
        Seen write = server.requests("/write").get(0);
        assertThat(write.method()).isEqualTo("POST");
        assertThat(write.path()).isEqualTo("/prefix/write");
        assertThat(write.query()).isEqualTo("consistency=quorum&db=metrics&rp=week");
        assertThat(write.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(write.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(write.header("Content-Length")).as("streamed body").isNull();
        assertThat(write.header("User-Agent")).isEqualTo("jtelegraf/0.0.0-test");
        assertThat(write.header("Authorization")).isNull();
        assertThat(write.lines()).containsExactly("cpu,host=h value=1 1700000000000000000", "cpu,host=h value=1 1700000000000000001");
    }

    @Test
    void consistencyOneAndEmptyRetentionPolicyAreNotSent() {
        InfluxDbOutput output = output("/", "skip_database_creation = true", "write_consistency = \"one\"");
        WriteResult.of(output, TestMetrics.batch(1));
        assertThat(server.requests("/write").get(0).path()).isEqualTo("/write");
        assertThat(server.requests("/write").get(0).query()).isEqualTo("db=telegraf");
    }

    @Test
    void identityEncodingSendsPlainText() {
        InfluxDbOutput output = output("/", "skip_database_creation = true", "content_encoding = \"identity\"");
        WriteResult.of(output, TestMetrics.batch(1));
        assertThat(server.requests("/write").get(0).header("Content-Encoding")).isNull();
        assertThat(server.requests("/write").get(0).lines()).hasSize(1);
    }

    @Test
    void basicAuthUserAgentAndCustomHeaders() {
        InfluxDbOutput output = output("/", "skip_database_creation = true", "username = \"writer\"", "password = \"s3cret\"",
                "user_agent = \"custom-agent\"",
                "http_headers = {\"X-Tenant\" = \"blue\", \"User-Agent\" = \"ignored\", host = \"influx.example\"}");
        WriteResult.of(output, TestMetrics.batch(1));
        Seen write = server.requests("/write").get(0);
        assertThat(write.header("Authorization")).isEqualTo(Credentials.basic("writer", "s3cret"));
        assertThat(write.header("User-Agent")).as("user_agent wins in v1").isEqualTo("custom-agent");
        assertThat(write.header("X-Tenant")).isEqualTo("blue");
        assertThat(write.header("Host")).isEqualTo("influx.example");
    }

    @Test
    void basicAuthIsSentWhenOnlyThePasswordIsSet() {
        InfluxDbOutput output = output("/", "skip_database_creation = true", "password = \"only\"");
        WriteResult.of(output, TestMetrics.batch(1));
        String header = server.requests("/write").get(0).header("Authorization");
        assertThat(new String(Base64.getDecoder().decode(header.substring(6)))).isEqualTo(":only");
    }

    @Test
    void customAuthorizationHeaderOverridesBasicAuth() {
        InfluxDbOutput output = output("/", "skip_database_creation = true", "username = \"u\"", "password = \"p\"",
                "http_headers = {Authorization = \"Bearer abc\"}");
        WriteResult.of(output, TestMetrics.batch(1));
        assertThat(server.requests("/write").get(0).header("Authorization")).isEqualTo("Bearer abc");
    }

    @Test
    void connectCreatesTheDatabaseWithQuotedName() {
        server.answer(request -> json(200, "{\"results\":[{\"statement_id\":0}]}"));
        output("/", "database = \"my \\\"db\\\"\"");
        Seen query = server.requests("/query").get(0);
        assertThat(query.method()).isEqualTo("POST");
        assertThat(query.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(java.net.URLDecoder.decode(query.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("q=CREATE DATABASE \"my \\\"db\\\"\"");
    }

    @Test
    void failedCreationAtConnectIsOnlyAWarning() {
        server.answer(request -> json(500, "{\"error\":\"disk full\"}"));
        output("/");
        assertThat(context.logger().lines()).anySatisfy(line -> assertThat(line)
                .startsWith("W! ").contains("database \"telegraf\" creation failed").contains("disk full"));
    }

    @Test
    void routesByDatabaseAndRetentionPolicyTagsWithoutChangingBufferedMetrics() {
        server.answer(request -> request.path().endsWith("/query") ? json(200, "{\"results\":[{}]}") : status(204));
        InfluxDbOutput output = output("/", "database_tag = \"db\"", "exclude_database_tag = true",
                "retention_policy_tag = \"rp\"", "exclude_retention_policy_tag = false");
        Metric a = Metric.builder("m").tag("db", "alpha").tag("rp", "short").field("v", 1L).time(1).build();
        Metric b = Metric.builder("m").tag("db", "beta").field("v", 2L).time(2).build();
        Metric plain = Metric.builder("m").field("v", 3L).time(3).build();
        List<Metric> batch = List.of(a, b, plain);
        assertThat(WriteResult.of(output, batch).returnedNormally()).isTrue();
        List<Seen> writes = server.requests("/write");
        assertThat(writes).extracting(Seen::query).containsExactly("db=alpha&rp=short", "db=beta", "db=telegraf");
        assertThat(writes.get(0).lines()).containsExactly("m,rp=short v=1 1");
        assertThat(writes.get(1).lines()).containsExactly("m v=1 2");
        assertThat(a.tag("db")).as("buffered metric untouched").isEqualTo("alpha");
        // CREATE DATABASE: telegraf at connect, then alpha and beta before their first group.
        assertThat(server.requests("/query")).extracting(Seen::body)
                .containsExactly("q=CREATE+DATABASE+%22telegraf%22", "q=CREATE+DATABASE+%22alpha%22",
                        "q=CREATE+DATABASE+%22beta%22");
    }

    @Test
    void aFailingGroupKeepsItselfAndLaterGroupsButReportsEarlierOnesWritten() {
        server.answer(request -> request.query().contains("db=beta") ? json(500, "{\"error\":\"overloaded\"}") : status(204));
        InfluxDbOutput output = output("/", "skip_database_creation = true", "database_tag = \"db\"");
        List<Metric> batch = List.of(
                Metric.builder("m").tag("db", "alpha").field("v", 1L).time(1).build(),
                Metric.builder("m").tag("db", "beta").field("v", 2L).time(2).build(),
                Metric.builder("m").tag("db", "gamma").field("v", 3L).time(3).build());
        WriteResult result = WriteResult.of(output, batch);
        assertThat(result.returnedNormally()).isFalse();
        assertThat(result.accepted()).containsExactly(0);
        assertThat(result.rejected()).isEmpty();
        assertThat(server.requests("/write")).hasSize(2);
    }
}
