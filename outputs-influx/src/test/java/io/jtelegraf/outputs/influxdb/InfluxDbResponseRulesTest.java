package io.jtelegraf.outputs.influxdb;

import static io.jtelegraf.outputs.influxdb.testsupport.ScriptedServer.html;
import static io.jtelegraf.outputs.influxdb.testsupport.ScriptedServer.json;
import static io.jtelegraf.outputs.influxdb.testsupport.ScriptedServer.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.outputs.influxdb.testsupport.FakeEncoder;
import io.jtelegraf.outputs.influxdb.testsupport.ScriptedServer;
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
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of spec 7.4 / 7.5 (and our decided changes), each as a kept-or-dropped assertion. */
class InfluxDbResponseRulesTest {
    private final ScriptedServer server = new ScriptedServer().start();
    private final TestPluginContext context = new TestPluginContext("outputs.influxdb");
    private final List<InfluxDbOutput> outputs = new ArrayList<>();
    private final List<Metric> batch = TestMetrics.batch(3);

    @AfterEach
    void stop() {
        outputs.forEach(InfluxDbOutput::close);
        server.close();
    }

    /** An output writing to the server without creating databases, plus the given TOML lines. */
    private InfluxDbOutput output(String... tomlLines) {
        return connected(TomlText.urls(server.url("/")) + "skip_database_creation = true\n" + String.join("\n", tomlLines));
    }

    private InfluxDbOutput connected(String toml) {
        InfluxDbOutput output = new InfluxDbOutput(InfluxDbConfig.read(TestPluginConfigs.fromToml("outputs.influxdb", toml),
                context), context, new FakeEncoder(), new Random(1));
        output.connect();
        outputs.add(output);
        return output;
    }

    private WriteResult writeAnswered(MockResponse response, String... tomlLines) {
        server.answer(request -> response);
        return WriteResult.of(output(tomlLines), batch);
    }

    @Test
    void status204IsSuccess() {
        WriteResult result = writeAnswered(status(204));
        assertThat(result.returnedNormally()).isTrue();
        assertThat(server.requests("/write")).hasSize(1);
        assertThat(server.requests("/write").get(0).lines()).hasSize(3);
    }

    @ParameterizedTest(name = "{0} without a known error text is retried (only 204 is success)")
    @ValueSource(ints = {200, 201})
    void otherSuccessStatusesAreKept(int code) {
        assertThat(writeAnswered(status(code)).keptAll()).isTrue();
    }

    @Test
    void connectionRefusedKeepsTheBatch() {
        int port = server.port();
        server.close();
        PluginConfig config = TestPluginConfigs.fromToml("outputs.influxdb",
                TomlText.urls("http://127.0.0.1:" + port) + "skip_database_creation = true");
        InfluxDbOutput output = new InfluxDbOutput(InfluxDbConfig.read(config, context), context, new FakeEncoder(), new Random(1));
        outputs.add(output);
        output.connect();
        WriteResult result = WriteResult.of(output, batch);
        assertThat(result.keptAll()).isTrue();
        assertThat(result.message()).contains("could not write any address");
        assertThat(context.logger().lines()).anySatisfy(line -> assertThat(line).startsWith("E! When writing to [http://127.0.0.1:" + port));
    }

    @Test
    void timeoutKeepsTheBatch() {
        MockResponse slow = new MockResponse.Builder().code(204).headersDelay(3, TimeUnit.SECONDS).build();
        WriteResult result = writeAnswered(slow, "timeout = \"300ms\"");
        assertThat(result.keptAll()).isTrue();
        assertThat(context.logger().lines()).anySatisfy(line -> assertThat(line).contains("timeout after 300 ms"));
    }

    @ParameterizedTest(name = "non-JSON body with status {0} is retried")
    @ValueSource(ints = {200, 400, 404, 500, 502, 503})
    void nonJsonBodyIsRetriedWhateverTheStatus(int code) {
        WriteResult result = writeAnswered(html(code, "<html><body>proxy says no</body></html>"));
        assertThat(result.keptAll()).isTrue();
        assertThat(context.logger().lines()).anySatisfy(line -> assertThat(line).contains("proxy says no"));
    }

    @ParameterizedTest(name = "JSON error with status {0} is dropped and logged with the body")
    @ValueSource(ints = {400, 404, 413, 422})
    void clientErrorWithJsonIsDroppedAndLogged(int code) {
        WriteResult result = writeAnswered(json(code, "{\"error\":\"field type conflict: input field \\\"value\\\" is type float\"}"));
        assertThat(result.returnedNormally()).isTrue();
        assertThat(context.logger().lines()).anySatisfy(line -> assertThat(line)
                .startsWith("E! ").contains("will be dropped").contains(String.valueOf(code)).contains("field type conflict"));
    }

    @Test
    void typeConflictAnswered400IsDroppedWithoutBlockingTheNextBatch() {
        InfluxDbOutput output = output();
        server.answer(request -> request.body().contains("value=1 1700000000000000000")
                ? json(400, "{\"error\":\"partial write: field type conflict\"}") : status(204));
        assertThat(WriteResult.of(output, List.of(TestMetrics.metric(0))).returnedNormally()).isTrue();
        assertThat(WriteResult.of(output, List.of(TestMetrics.metric(1))).returnedNormally()).isTrue();
        assertThat(server.requests("/write")).hasSize(2);
    }

    @ParameterizedTest(name = "{0} is kept for retry (decided: Telegraf drops it)")
    @ValueSource(ints = {401, 403})
    void authenticationFailuresAreKept(int code) {
        WriteResult result = writeAnswered(json(code, "{\"error\":\"authorization failed\"}"));
        assertThat(result.keptAll()).isTrue();
        assertThat(result.message()).contains("could not write any address");
        assertThat(context.logger().lines()).anySatisfy(line -> assertThat(line).contains("authorization failed"));
    }

    @ParameterizedTest(name = "5xx \"{0}\" is dropped")
    @ValueSource(strings = {"retention policy not found: autogen", "hinted handoff queue not empty",
        "partial write: points beyond retention policy dropped=1", "partial write: max-values-per-tag",
        "unable to parse 'cpu value=': missing field value"})
    void serverErrorsNamingPermanentProblemsAreDropped(String error) {
        WriteResult result = writeAnswered(json(500, "{\"error\":\"" + error + "\"}"));
        assertThat(result.returnedNormally()).isTrue();
    }

    @Test
    void pointsBeyondRetentionPolicyIsAWarning() {
        writeAnswered(json(500, "{\"error\":\"points beyond retention policy\"}"));
        assertThat(context.logger().lines()).anySatisfy(line -> assertThat(line).startsWith("W! ").contains("points beyond retention policy"));
    }

    @Test
    void otherServerErrorIsKept() {
        WriteResult result = writeAnswered(json(500, "{\"error\":\"timeout\"}"));
        assertThat(result.keptAll()).isTrue();
        assertThat(context.logger().lines()).anySatisfy(line -> assertThat(line).contains("500").contains("timeout"));
    }

    @Test
    void serverErrorWithEmptyBodyIsKept() {
        assertThat(writeAnswered(status(503)).keptAll()).isTrue();
    }

    @Test
    void htmlProxy413IsDroppedAfterMaxRetriesAsRejected() {
        InfluxDbOutput output = output("max_retries_per_batch = 3");
        server.answer(request -> html(413, "<html>Request Entity Too Large</html>"));
        assertThat(WriteResult.of(output, batch).keptAll()).isTrue();
        assertThat(WriteResult.of(output, batch).keptAll()).isTrue();
        WriteResult third = WriteResult.of(output, batch);
        assertThat(third.rejectedAll(3)).as("rejected on attempt 3: %s", third).isTrue();
        assertThat(context.logger().lines()).anySatisfy(line -> assertThat(line)
                .contains("3 attempts failed the same way").contains("Request Entity Too Large"));
        assertThat(server.requests("/write")).hasSize(3);
    }

    @Test
    void serverFieldTypeConflictIsDroppedAfterMaxRetries() {
        InfluxDbOutput output = output("max_retries_per_batch = 2");
        server.answer(request -> json(500, "{\"error\":\"field type conflict\"}"));
        assertThat(WriteResult.of(output, batch).keptAll()).isTrue();
        assertThat(WriteResult.of(output, batch).rejectedAll(3)).isTrue();
    }

    @Test
    void stuckCountRestartsForANewBatch() {
        InfluxDbOutput output = output("max_retries_per_batch = 2");
        server.answer(request -> html(413, "<html>too large</html>"));
        assertThat(WriteResult.of(output, batch).keptAll()).isTrue();
        assertThat(WriteResult.of(output, TestMetrics.batch(3)).keptAll()).as("other metric instances").isTrue();
    }

    @Test
    void maxRetriesZeroRetriesForeverLikeTelegraf() {
        InfluxDbOutput output = output("max_retries_per_batch = 0");
        server.answer(request -> html(413, "<html>too large</html>"));
        for (int i = 0; i < 15; i++) {
            assertThat(WriteResult.of(output, batch).keptAll()).isTrue();
        }
    }

    @Test
    void transientServerErrorsNeverCountTowardsMaxRetries() {
        InfluxDbOutput output = output("max_retries_per_batch = 2");
        server.answer(request -> html(502, "<html>Bad Gateway</html>"));
        for (int i = 0; i < 5; i++) {
            assertThat(WriteResult.of(output, batch).keptAll()).isTrue();
        }
    }

    @Test
    void databaseNotFoundCreatesTheDatabaseAndKeepsTheBatch() {
        InfluxDbOutput output = connected(TomlText.urls(server.url("/")) + "skip_database_creation = false");
        server.answer(request -> request.path().endsWith("/query")
                ? json(200, "{\"results\":[{\"statement_id\":0}]}")
                : json(404, "{\"error\":\"database not found: \\\"telegraf\\\"\"}"));
        WriteResult result = WriteResult.of(output, batch);
        assertThat(result.keptAll()).isTrue();
        assertThat(result.message()).contains("created").contains("retry write");
        // One CREATE at connect, one after "database not found".
        assertThat(server.requests("/query")).hasSize(2);
    }

    @Test
    void databaseNotFoundEverywhereWithCreationOffIsKeptAndLogged() {
        WriteResult result = writeAnswered(json(404, "{\"error\":\"database not found: \\\"telegraf\\\"\"}"));
        assertThat(result.keptAll()).as("decided: Telegraf silently drops it").isTrue();
        assertThat(server.requests("/query")).isEmpty();
        assertThat(context.logger().lines()).anySatisfy(line -> assertThat(line)
                .startsWith("E! ").contains("not found on any URL").contains("keeping 3 metrics"));
    }

    @Test
    void severalUrlsAreTriedInRandomOrderUntilOneWorks() {
        try (ScriptedServer broken = new ScriptedServer().start()) {
            broken.answer(request -> json(500, "{\"error\":\"boom\"}"));
            server.answer(request -> status(204));
            PluginConfig config = TestPluginConfigs.fromToml("outputs.influxdb",
                    TomlText.urls(broken.url("/"), server.url("/")) + "skip_database_creation = true");
            InfluxDbOutput output = new InfluxDbOutput(InfluxDbConfig.read(config, context), context,
                    new FakeEncoder(), new Random(7));
            outputs.add(output);
            output.connect();
            for (int i = 0; i < 20; i++) {
                assertThat(WriteResult.of(output, batch).returnedNormally()).isTrue();
            }
            assertThat(server.requests("/write")).hasSize(20);
            // A new order every call: the broken URL was tried first in some calls, not in all.
            assertThat(broken.requests("/write").size()).isBetween(1, 19);
        }
    }
}
