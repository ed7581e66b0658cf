package io.jtelegraf.outputs.influxdb.v2;

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
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The requests the v2 output sends (spec 8.2). */
class InfluxDbV2RequestTest {
    private final ScriptedServer server = new ScriptedServer().start();
    private final TestPluginContext context = new TestPluginContext("outputs.influxdb_v2");
    private final List<InfluxDbV2Output> outputs = new ArrayList<>();

    @AfterEach
    void stop() {
        outputs.forEach(InfluxDbV2Output::close);
        server.close();
    }

    /** An output writing to {@code path} of the server, configured with the other TOML lines. */
    private InfluxDbV2Output output(String path, String... tomlLines) {
        PluginConfig config = TestPluginConfigs.fromToml("outputs.influxdb_v2",
                TomlText.urls(server.url(path)) + String.join("\n", tomlLines));
        InfluxDbV2Output output = new InfluxDbV2Output(InfluxDbV2Config.read(config, context), context, new FakeEncoder(), new Random(1));
        assertThat(TestPluginConfigs.unusedKeys(config)).isEmpty();
        output.connect();
        outputs.add(output);
        return output;
    }

    @Test
    void writeRequestHasTelegrafsShape() {
        server.answer(request -> status(204));
        InfluxDbV2Output output = output("/base?z=last&a=first&org=replaced", "token = \"tok-123\"", "organization = \"acme\"",
                "bucket = \"metrics\"");
        assertThat(WriteResult.of(output, TestMetrics.batch(2)).returnedNormally()).isTrue();
        Seen write = server.requests().get(0);
        assertThat(write.method()).isEqualTo("POST");
        assertThat(write.path()).isEqualTo("/base/api/v2/write");
        assertThat(write.query()).as("URL parameters kept, sorted by key").isEqualTo("a=first&bucket=metrics&org=acme&z=last");
        assertThat(write.header("Authorization")).isEqualTo("Token tok-123");
        assertThat(write.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(write.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(write.header("Content-Length")).as("body prepared in memory").isNotNull();
        assertThat(write.header("User-Agent")).isEqualTo("jtelegraf/0.0.0-test");
        assertThat(write.lines()).hasSize(2);
    }

    @Test
    void emptyTokenIsStillSent() {
        WriteResult.of(output("/"), TestMetrics.batch(1));
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Token");
        assertThat(server.requests().get(0).path()).isEqualTo("/api/v2/write");
    }

    @Test
    void customHeadersWinOverUserAgentAndToken() {
        InfluxDbV2Output output = output("/", "token = \"t0k\"", "user_agent = \"mine\"",
                "http_headers = {\"User-Agent\" = \"from-headers\", Authorization = \"Bearer other\", Host = \"virtual.example\"}");
        WriteResult.of(output, TestMetrics.batch(1));
        Seen write = server.requests().get(0);
        assertThat(write.header("User-Agent")).isEqualTo("from-headers");
        assertThat(write.header("Authorization")).isEqualTo("Bearer other");
        assertThat(write.header("Host")).isEqualTo("virtual.example");
    }

    @Test
    void identityEncoding() {
        WriteResult.of(output("/", "content_encoding = \"identity\""), TestMetrics.batch(1));
        assertThat(server.requests().get(0).header("Content-Encoding")).isNull();
    }

    @Test
    void bucketTagRoutesAndExcludesTheTagOnCopiesOnly() {
        InfluxDbV2Output output = output("/", "bucket = \"default\"", "bucket_tag = \"bucket\"", "exclude_bucket_tag = true");
        Metric routed = Metric.builder("m").tag("bucket", "special").tag("host", "a").field("v", 1L).time(1).build();
        Metric plain = Metric.builder("m").tag("host", "b").field("v", 2L).time(2).build();
        assertThat(WriteResult.of(output, List.of(routed, plain)).returnedNormally()).isTrue();
        assertThat(server.requests()).extracting(Seen::query)
                .containsExactly("bucket=special&org=", "bucket=default&org=");
        assertThat(server.requests().get(0).lines()).containsExactly("m,host=a v=1 1");
        assertThat(routed.tag("bucket")).isEqualTo("special");
    }

    @Test
    void connectionsAreReusedBetweenWrites() {
        InfluxDbV2Output output = output("/");
        for (int i = 0; i < 3; i++) {
            WriteResult.of(output, TestMetrics.batch(1));
        }
        assertThat(server.requests()).hasSize(3);
        assertThat(server.connectionIndexes()).containsOnly(0);
    }
}
