package io.jtelegraf.outputs.influxdb.common;

import static io.jtelegraf.outputs.influxdb.testsupport.ScriptedServer.json;
import static io.jtelegraf.outputs.influxdb.testsupport.TomlText.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.outputs.influxdb.InfluxDbOutputFactory;
import io.jtelegraf.outputs.influxdb.testsupport.ScriptedServer;
import io.jtelegraf.outputs.influxdb.testsupport.TestMetrics;
import io.jtelegraf.outputs.influxdb.testsupport.TomlText;
import io.jtelegraf.outputs.influxdb.testsupport.WriteResult;
import io.jtelegraf.outputs.influxdb.v2.InfluxDbV2OutputFactory;
import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.Output;
import io.jtelegraf.testkit.TestPluginConfigs;
import io.jtelegraf.testkit.TestPluginContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Passwords, tokens and secret headers never appear in log lines or exception messages, even when
 * the server echoes them back or a URL carries user info.
 */
class SecretMaskingTest {
    private static final String PASSWORD = "pa55-word-secret";
    private static final String URL_PASSWORD = "url-pass-secret";
    private static final String TOKEN = "tok-very-secret";
    private static final String API_KEY = "key-very-secret";

    private final ScriptedServer server = new ScriptedServer().start();
    private final List<Output> outputs = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Output output : outputs) {
            output.close();
        }
        server.close();
    }

    /** The server answers with everything it was sent, including the credentials. */
    private void echoCredentials(int status) {
        server.answer(request -> json(status, "{\"error\":\"denied for " + request.header("Authorization")
                + " key " + request.header("X-Api-Key") + " " + decodeBasic(request.header("Authorization")) + "\","
                + "\"code\":\"bad\",\"message\":\"token " + request.header("Authorization") + "\"}"));
    }

    private static String decodeBasic(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return "";
        }
        return new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
    }

    private void writeAndCollect(Output output) {
        for (int i = 0; i < 2; i++) {
            WriteResult result = WriteResult.of(output, TestMetrics.batch(2));
            messages.add(String.valueOf(result.message()));
            messages.add(String.valueOf(result.error()));
        }
    }

    private void assertNoSecretIn(List<String> lines) {
        String basic = Base64.getEncoder().encodeToString(("writer:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            assertThat(line).doesNotContain(PASSWORD, URL_PASSWORD, TOKEN, API_KEY, basic);
        }
    }

    @Test
    void v1MasksPasswordsInLogsAndErrors() throws Exception {
        TestPluginContext context = new TestPluginContext("outputs.influxdb");
        String withUserInfo = server.url("/").replace("http://", "http://reader:" + URL_PASSWORD + "@");
        for (int status : new int[] {500, 401, 400}) {
            echoCredentials(status);
            Output output = new InfluxDbOutputFactory().create(TestPluginConfigs.fromToml("outputs.influxdb",
                    TomlText.urls(server.url("/"), withUserInfo) + "username = \"writer\"\npassword = " + quoted(PASSWORD)
                    + "\nhttp_headers = {\"X-Api-Key\" = " + quoted(API_KEY) + "}"), context);
            outputs.add(output);
            output.connect();
            writeAndCollect(output);
        }
        Output userInfoOnly = new InfluxDbOutputFactory().create(TestPluginConfigs.fromToml("outputs.influxdb",
                TomlText.urls(withUserInfo, "http://reader:" + URL_PASSWORD + "@127.0.0.1:1/")), context);
        outputs.add(userInfoOnly);
        userInfoOnly.connect();
        writeAndCollect(userInfoOnly);
        assertThat(server.requests("/write")).anySatisfy(r -> assertThat(decodeBasic(r.header("Authorization"))).isEqualTo("reader:" + URL_PASSWORD));
        assertThat(context.logger().lines()).anySatisfy(line -> assertThat(line).contains("****"));
        assertNoSecretIn(context.logger().lines());
        assertNoSecretIn(messages);
    }

    @Test
    void v2MasksTokenAndSecretHeaders() throws Exception {
        TestPluginContext context = new TestPluginContext("outputs.influxdb_v2");
        for (int status : new int[] {500, 401, 400, 429}) {
            echoCredentials(status);
            Output output = new InfluxDbV2OutputFactory().create(TestPluginConfigs.fromToml("outputs.influxdb_v2",
                    TomlText.urls(server.url("/"), "http://127.0.0.1:1/") + "token = " + quoted(TOKEN)
                    + "\nhttp_headers = {\"X-Api-Key\" = " + quoted(API_KEY) + "}"), context);
            outputs.add(output);
            output.connect();
            writeAndCollect(output);
        }
        assertThat(server.requests()).anySatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Token " + TOKEN));
        assertNoSecretIn(context.logger().lines());
        assertNoSecretIn(messages);
    }

    @Test
    void configErrorsDoNotEchoUrlPasswords() {
        TestPluginContext context = new TestPluginContext("outputs.influxdb");
        assertThatThrownBy(() -> new InfluxDbOutputFactory().create(TestPluginConfigs.fromToml("outputs.influxdb",
                TomlText.urls("udp://user:" + URL_PASSWORD + "@127.0.0.1:8089")), context))
                .isInstanceOf(ConfigException.class).hasMessageContaining("UDP is not supported")
                .hasMessageNotContaining(URL_PASSWORD);
        assertThatThrownBy(() -> new InfluxDbOutputFactory().create(TestPluginConfigs.fromToml("outputs.influxdb",
                "http_proxy = " + quoted("ftp://user:" + URL_PASSWORD + "@proxy:21")), context))
                .isInstanceOf(ConfigException.class).hasMessageNotContaining(URL_PASSWORD);
    }
}
