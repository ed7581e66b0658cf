package io.jtelegraf.outputs.influxdb.v2;

import static io.jtelegraf.outputs.influxdb.testsupport.ScriptedServer.json;
import static io.jtelegraf.outputs.influxdb.testsupport.ScriptedServer.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.outputs.influxdb.testsupport.FakeEncoder;
import io.jtelegraf.outputs.influxdb.testsupport.ScriptedServer;
import io.jtelegraf.outputs.influxdb.testsupport.TestMetrics;
import io.jtelegraf.outputs.influxdb.testsupport.TomlText;
import io.jtelegraf.outputs.influxdb.testsupport.WriteResult;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.testkit.MutableClock;
import io.jtelegraf.testkit.TestPluginConfigs;
import io.jtelegraf.testkit.TestPluginContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of spec 8.3 (and our decided changes), each as a kept/rejected/accepted assertion. */
class InfluxDbV2ResponseRulesTest {
    private final ScriptedServer server = new ScriptedServer().start();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final TestPluginContext context = new TestPluginContext("outputs.influxdb_v2", clock);
    private final List<InfluxDbV2Output> outputs = new ArrayList<>();
    private final List<Metric> batch = TestMetrics.batch(4);

    @AfterEach
    void stop() {
        outputs.forEach(InfluxDbV2Output::close);
        server.close();
    }

    /** An output writing to the server's bucket "b" of organization "o", plus the given TOML lines. */
    private InfluxDbV2Output output(String... tomlLines) {
        String toml = TomlText.urls(server.url("/")) + "bucket = \"b\"\norganization = \"o\"\n" + String.join("\n", tomlLines);
        InfluxDbV2Output output = new InfluxDbV2Output(
                InfluxDbV2Config.read(TestPluginConfigs.fromToml("outputs.influxdb_v2", toml), context), context,
                new FakeEncoder(), new Random(3));
        output.connect();
        outputs.add(output);
        return output;
    }

    private WriteResult writeAnswered(MockResponse response, String... tomlLines) {
        server.answer(request -> response);
        return WriteResult.of(output(tomlLines), batch);
    }

    @ParameterizedTest(name = "{0} is success")
    @ValueSource(ints = {200, 201, 202, 204, 206, 207, 208})
    void successStatuses(int code) {
        assertThat(writeAnswered(status(code)).returnedNormally()).isTrue();
    }

    @Test
    void status413HalvesTheBatchRecursivelyUntilItFits() {
        server.answer(request -> request.lines().size() > 1 ? json(413, "{\"code\":\"request too large\"}") : status(204));
        WriteResult result = WriteResult.of(output(), batch);
        assertThat(result.returnedNormally()).isTrue();
        List<Integer> sizes = server.requests().stream().map(r -> r.lines().size()).toList();
        assertThat(sizes).containsExactly(4, 2, 1, 1, 2, 1, 1);
        assertThat(server.requests().stream().filter(r -> r.lines().size() == 1).flatMap(r -> r.lines().stream()))
                .hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void singleMetric413IsKeptWhileTheOthersAreAccepted() {
        server.answer(request -> request.body().contains("1700000000000000002") ? json(413, "{}") : status(204));
        WriteResult result = WriteResult.of(output(), batch);
        assertThat(result.returnedNormally()).isFalse();
        assertThat(result.accepted()).containsExactly(0, 1, 3);
        assertThat(result.rejected()).isEmpty();
    }

    @Test
    void singleMetric413IsRejectedAfterMaxRetries() {
        InfluxDbV2Output output = output("max_retries_per_batch = 2");
        server.answer(request -> json(413, "{\"code\":\"request too large\",\"message\":\"max 10 bytes\"}"));
        List<Metric> one = List.of(TestMetrics.metric(9));
        assertThat(WriteResult.of(output, one).keptAll()).isTrue();
        WriteResult second = WriteResult.of(output, one);
        assertThat(second.rejectedAll(1)).isTrue();
        assertThat(context.logger().lines()).anySatisfy(line -> assertThat(line)
                .contains("2 attempts failed the same way").contains("max 10 bytes"));
    }

    @ParameterizedTest(name = "{0} rejects the batch, logged with code and message")
    @ValueSource(ints = {400, 404, 406, 422})
    void otherClientErrorsRejectTheBatch(int code) {
        WriteResult result = writeAnswered(json(code, "{\"code\":\"invalid\",\"message\":\"unable to parse line 1\"}"));
        assertThat(result.rejectedAll(4)).isTrue();
        assertThat(context.logger().lines()).anySatisfy(line -> assertThat(line)
                .startsWith("E! ").contains("will be dropped").contains(code + "").contains("invalid: unable to parse line 1"));
    }

    @ParameterizedTest(name = "{0} keeps the batch")
    @ValueSource(ints = {401, 403})
    void authenticationFailuresAreKept(int code) {
        WriteResult result = writeAnswered(json(code, "{\"code\":\"unauthorized\",\"message\":\"bad token\"}"));
        assertThat(result.keptAll()).isTrue();
        assertThat(result.message()).isEqualTo("failed to send metrics to any configured server(s)");
    }

    @ParameterizedTest(name = "{0} is retryable and keeps the batch")
    @ValueSource(ints = {500, 501, 505})
    void otherServerErrorsAreKeptWithXInfluxError(int code) {
        MockResponse response = new MockResponse.Builder().code(code).setHeader("X-Influx-Error", "engine: shard busy").build();
        WriteResult result = writeAnswered(response);
        assertThat(result.keptAll()).isTrue();
        assertThat(context.logger().lines()).anySatisfy(line -> assertThat(line).contains("shard busy"));
    }

    @Test
    void serverFieldTypeConflictIsRejectedAfterMaxRetries() {
        InfluxDbV2Output output = output("max_retries_per_batch = 3");
        server.answer(request -> json(500, "{\"code\":\"internal error\",\"message\":\"field type conflict\"}"));
        assertThat(WriteResult.of(output, batch).keptAll()).isTrue();
        assertThat(WriteResult.of(output, batch).keptAll()).isTrue();
        assertThat(WriteResult.of(output, batch).rejectedAll(4)).isTrue();
    }

    @Test
    void maxRetriesZeroKeepsRetryingLikeTelegraf() {
        InfluxDbV2Output output = output("max_retries_per_batch = 0");
        server.answer(request -> json(500, "{\"message\":\"field type conflict\"}"));
        for (int i = 0; i < 12; i++) {
            assertThat(WriteResult.of(output, batch).keptAll()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} throttles the URL without sleeping")
    @ValueSource(ints = {429, 502, 503, 504})
    void throttlingStatusesHoldTheUrlUntilTheRetryTime(int code) {
        InfluxDbV2Output output = output();
        server.answer(request -> new MockResponse.Builder().code(code).setHeader("Retry-After", "30").build());
        long started = System.nanoTime();
        assertThat(WriteResult.of(output, batch).keptAll()).isTrue();
        assertThat(WriteResult.of(output, batch).keptAll()).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("no sleep in write").isLessThan(5);
        assertThat(server.requests()).as("second write refused before sending").hasSize(1);
        assertThat(context.logger().lines()).anySatisfy(line -> assertThat(line).contains("retry time has not elapsed"));
        clock.advance(Duration.ofSeconds(29));
        WriteResult.of(output, batch);
        assertThat(server.requests()).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        server.answer(request -> status(204));
        assertThat(WriteResult.of(output, batch).returnedNormally()).isTrue();
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void throttleWithoutRetryAfterUsesTheBackoffCounter() {
        InfluxDbV2Output output = output();
        server.answer(request -> status(429));
        for (int attempt = 1; attempt <= 3; attempt++) {
            WriteResult.of(output, batch);
            assertThat(server.requests()).hasSize(attempt);
            // count²/40 s: 25 ms, 100 ms, 225 ms.
            clock.advance(Duration.ofMillis(attempt * attempt * 25L - 1));
            WriteResult.of(output, batch);
            assertThat(server.requests()).hasSize(attempt);
            clock.advance(Duration.ofMillis(1));
        }
        server.answer(request -> status(204));
        assertThat(WriteResult.of(output, batch).returnedNormally()).isTrue();
        server.answer(request -> status(429));
        WriteResult.of(output, batch);
        clock.advance(Duration.ofMillis(25));
        WriteResult.of(output, batch);
        assertThat(server.requests()).as("success reset the counter to 1 -> 25 ms").hasSize(6);
    }

    @Test
    void throttleStopsTheOtherBucketsOfTheSameCall() {
        InfluxDbV2Output output = output("bucket_tag = \"bucket\"");
        server.answer(request -> status(429));
        List<Metric> twoBuckets = List.of(
                Metric.builder("m").tag("bucket", "x").field("v", 1L).time(1).build(),
                Metric.builder("m").tag("bucket", "y").field("v", 1L).time(2).build());
        assertThat(WriteResult.of(output, twoBuckets).keptAll()).isTrue();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aFailedBucketAfterAnAcceptedOneIsAPartialWrite() {
        InfluxDbV2Output output = output("bucket_tag = \"bucket\"");
        server.answer(request -> request.query().contains("bucket=y") ? status(500) : status(204));
        List<Metric> twoBuckets = List.of(
                Metric.builder("m").tag("bucket", "x").field("v", 1L).time(1).build(),
                Metric.builder("m").tag("bucket", "y").field("v", 1L).time(2).build(),
                Metric.builder("m").tag("bucket", "x").field("v", 1L).time(3).build());
        WriteResult result = WriteResult.of(output, twoBuckets);
        assertThat(result.accepted()).containsExactly(0, 2);
        assertThat(result.rejected()).isEmpty();
        assertThat(result.returnedNormally()).isFalse();
    }

    @Test
    void unserializableMetricsAreRejectedAndTheRestSent() {
        server.answer(request -> status(204));
        List<Metric> mixed = List.of(TestMetrics.metric(0),
                Metric.builder(FakeEncoder.UNSERIALIZABLE).field("v", 1L).time(1).build(), TestMetrics.metric(2));
        WriteResult result = WriteResult.of(output(), mixed);
        assertThat(result.accepted()).containsExactly(0, 2);
        assertThat(result.rejected()).containsExactly(1);
    }

    @Test
    void transportErrorTriesTheNextUrl() {
        ScriptedServer dead = new ScriptedServer().start();
        String deadUrl = dead.url("/");
        dead.close();
        server.answer(request -> status(204));
        InfluxDbV2Output output = new InfluxDbV2Output(InfluxDbV2Config.read(TestPluginConfigs.fromToml("outputs.influxdb_v2",
                TomlText.urls(deadUrl, server.url("/"))), context), context, new FakeEncoder(), new Random(5));
        outputs.add(output);
        output.connect();
        for (int i = 0; i < 10; i++) {
            assertThat(WriteResult.of(output, batch).returnedNormally()).isTrue();
        }
        assertThat(server.requests()).hasSize(10);
        assertThat(context.logger().lines()).anySatisfy(line -> assertThat(line).contains("When writing to [" + deadUrl));
    }

    @Test
    void allUrlsFailingKeepsTheBatch() {
        WriteResult result = writeAnswered(status(500));
        assertThat(result.keptAll()).isTrue();
        assertThat(result.message()).isEqualTo("failed to send metrics to any configured server(s)");
    }
}
