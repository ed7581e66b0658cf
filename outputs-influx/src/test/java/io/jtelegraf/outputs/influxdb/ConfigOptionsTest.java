package io.jtelegraf.outputs.influxdb;

import static io.jtelegraf.outputs.influxdb.testsupport.TomlText.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.outputs.influxdb.common.ContentEncoding;
import io.jtelegraf.outputs.influxdb.common.HttpOptions;
import io.jtelegraf.outputs.influxdb.v2.InfluxDbV2OutputFactory;
import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.Output;
import io.jtelegraf.spi.OutputFactory;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.testkit.SampleConfigText;
import io.jtelegraf.testkit.TestPluginConfigs;
import io.jtelegraf.testkit.TestPluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Option names, defaults and load-time errors of both outputs, and their registration. */
class ConfigOptionsTest {
    private final TestPluginContext context = new TestPluginContext("outputs.influxdb");

    @TempDir
    Path dir;

    private static PluginConfig v1(String toml) {
        return TestPluginConfigs.fromToml("outputs.influxdb", toml);
    }

    private static PluginConfig v2(String toml) {
        return TestPluginConfigs.fromToml("outputs.influxdb_v2", toml);
    }

    @Test
    void v1DefaultsAreTelegrafs() {
        InfluxDbConfig config = InfluxDbConfig.read(v1(""), context);
        assertThat(config.urls()).extracting(Object::toString).containsExactly("http://localhost:8086/");
        assertThat(config.database()).isEqualTo("telegraf");
        assertThat(config.retentionPolicy()).isEmpty();
        assertThat(config.skipDatabaseCreation()).isFalse();
        assertThat(config.writeConsistency()).isEmpty();
        HttpOptions http = config.http();
        assertThat(http.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(http.encoding()).isEqualTo(ContentEncoding.GZIP);
        assertThat(http.userAgent()).isEqualTo("jtelegraf/0.0.0-test");
        assertThat(http.uintSupport()).isFalse();
        assertThat(http.omitTimestamp()).isFalse();
        assertThat(http.maxRetriesPerBatch()).isEqualTo(10);
    }

    @Test
    void zeroTimeoutMeansFiveSecondsAndEmptyDatabaseMeansTelegraf() {
        InfluxDbConfig config = InfluxDbConfig.read(v1("timeout = \"0s\"\ndatabase = \"\""), context);
        assertThat(config.http().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.database()).isEqualTo("telegraf");
    }

    @Test
    void everyDocumentedV1KeyIsRead() throws IOException {
        Map<String, String> nonDefault = new LinkedHashMap<>();
        nonDefault.put("urls", "[\"http://127.0.0.1:8086\"]");
        nonDefault.put("local_address", "\"127.0.0.1\"");
        nonDefault.put("database", "\"d\"");
        nonDefault.put("database_tag", "\"t\"");
        nonDefault.put("exclude_database_tag", "true");
        nonDefault.put("skip_database_creation", "true");
        nonDefault.put("retention_policy", "\"r\"");
        nonDefault.put("retention_policy_tag", "\"rt\"");
        nonDefault.put("exclude_retention_policy_tag", "true");
        nonDefault.put("write_consistency", "\"any\"");
        nonDefault.put("timeout", "\"2s\"");
        nonDefault.put("username", "\"u\"");
        nonDefault.put("password", "\"p\"");
        nonDefault.put("user_agent", "\"ua\"");
        nonDefault.put("udp_payload", "\"1KiB\"");
        putTlsFiles(nonDefault);
        nonDefault.put("insecure_skip_verify", "true");
        nonDefault.put("tls_server_name", "\"x\"");
        nonDefault.put("tls_min_version", "\"TLS13\"");
        nonDefault.put("http_proxy", "\"http://127.0.0.1:3128\"");
        nonDefault.put("http_headers", "{a = \"b\"}");
        nonDefault.put("content_encoding", "\"identity\"");
        nonDefault.put("influx_uint_support", "true");
        nonDefault.put("influx_omit_timestamp", "true");
        nonDefault.put("max_retries_per_batch", "3");
        assertThat(nonDefault.keySet()).as("the options of sample.conf")
                .containsExactlyInAnyOrderElementsOf(SampleConfigText.optionNames(new InfluxDbOutputFactory().sampleConfig()));
        PluginConfig config = v1(tableWithStrayKey(nonDefault));

        InfluxDbConfig read = InfluxDbConfig.read(config, context);

        assertThat(TestPluginConfigs.unusedKeys(config)).containsExactly("no_such_option");
        assertThat(read.database()).isEqualTo("d");
        assertThat(read.skipDatabaseCreation()).isTrue();
        assertThat(read.writeConsistency()).isEqualTo("any");
        assertThat(read.http().timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(read.http().encoding()).isEqualTo(ContentEncoding.IDENTITY);
        assertThat(read.http().maxRetriesPerBatch()).isEqualTo(3);
    }

    @Test
    void everyDocumentedV2KeyIsRead() throws Exception {
        Map<String, String> nonDefault = new LinkedHashMap<>();
        nonDefault.put("urls", "[\"http://127.0.0.1:8086\"]");
        nonDefault.put("local_address", "\"127.0.0.1\"");
        nonDefault.put("token", "\"t0k\"");
        nonDefault.put("organization", "\"o\"");
        nonDefault.put("bucket", "\"b\"");
        nonDefault.put("bucket_tag", "\"bt\"");
        nonDefault.put("exclude_bucket_tag", "true");
        nonDefault.put("timeout", "\"2s\"");
        nonDefault.put("http_headers", "{a = \"b\"}");
        nonDefault.put("http_proxy", "\"http://127.0.0.1:3128\"");
        nonDefault.put("user_agent", "\"ua\"");
        nonDefault.put("content_encoding", "\"identity\"");
        nonDefault.put("influx_uint_support", "true");
        nonDefault.put("influx_omit_timestamp", "true");
        nonDefault.put("ping_timeout", "\"5s\"");
        nonDefault.put("read_idle_timeout", "\"30s\"");
        putTlsFiles(nonDefault);
        nonDefault.put("insecure_skip_verify", "true");
        nonDefault.put("tls_server_name", "\"x\"");
        nonDefault.put("tls_min_version", "\"TLS13\"");
        // rate_limit and concurrent_writes accept only their defaults (see the test below).
        nonDefault.put("rate_limit", "0");
        nonDefault.put("rate_limit_period", "\"10s\"");
        nonDefault.put("concurrent_writes", "1");
        nonDefault.put("max_retries_per_batch", "3");
        InfluxDbV2OutputFactory factory = new InfluxDbV2OutputFactory();
        assertThat(nonDefault.keySet()).as("the options of sample.conf")
                .containsExactlyInAnyOrderElementsOf(SampleConfigText.optionNames(factory.sampleConfig()));
        PluginConfig config = v2(tableWithStrayKey(nonDefault));

        factory.create(config, new TestPluginContext("outputs.influxdb_v2")).close();

        assertThat(TestPluginConfigs.unusedKeys(config)).containsExactly("no_such_option");
    }

    @Test
    void sampleConfWithItsOptionsUncommentedCreatesTheV1OutputAndLeavesNoKeyUnread() throws Exception {
        assertSampleConfCreatesTheOutput(new InfluxDbOutputFactory());
    }

    @Test
    void sampleConfWithItsOptionsUncommentedCreatesTheV2OutputAndLeavesNoKeyUnread() throws Exception {
        assertSampleConfCreatesTheOutput(new InfluxDbV2OutputFactory());
    }

    private static void assertSampleConfCreatesTheOutput(OutputFactory factory) throws Exception {
        String pluginId = "outputs." + factory.name();
        PluginConfig config = TestPluginConfigs.fromToml(pluginId, SampleConfigText.uncommentedBody(factory.sampleConfig()));
        assertThat(config.keys()).as("every option of sample.conf is set")
                .containsExactlyInAnyOrderElementsOf(SampleConfigText.optionNames(factory.sampleConfig()));

        try (Output output = factory.create(config, new TestPluginContext(pluginId))) {
            assertThat(output).isNotNull();
        }
        assertThat(TestPluginConfigs.unusedKeys(config)).isEmpty();
    }

    @Test
    void unsupportedSchemesAreRejectedClearly() {
        assertThatThrownBy(() -> InfluxDbConfig.read(v1("urls = [\"udp://127.0.0.1:8089\"]"), context))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"urls\"").hasMessageContaining("UDP is not supported");
        assertThatThrownBy(() -> InfluxDbConfig.read(v1("urls = [\"unix:///var/run/influxdb.sock\"]"), context))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unix sockets are not supported");
        assertThatThrownBy(() -> InfluxDbConfig.read(v1("urls = [\"ftp://h\"]"), context))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unsupported scheme \"ftp\"");
    }

    @Test
    void invalidValuesAreRejectedNamingTheKey() {
        assertThatThrownBy(() -> InfluxDbConfig.read(v1("content_encoding = \"br\""), context))
                .hasMessageContaining("\"content_encoding\"");
        assertThatThrownBy(() -> InfluxDbConfig.read(v1("write_consistency = \"most\""), context))
                .hasMessageContaining("\"write_consistency\"");
        assertThatThrownBy(() -> InfluxDbConfig.read(v1("local_address = \"eth0\""), context))
                .hasMessageContaining("\"local_address\"");
        assertThatThrownBy(() -> InfluxDbConfig.read(v1("max_retries_per_batch = -1"), context))
                .hasMessageContaining("\"max_retries_per_batch\"");
    }

    @Test
    void v2RejectsUnsupportedRateLimitAndConcurrentWrites() {
        TestPluginContext v2 = new TestPluginContext("outputs.influxdb_v2");
        assertThatThrownBy(() -> new InfluxDbV2OutputFactory().create(v2("rate_limit = \"1MiB\"\nrate_limit_period = \"1s\""), v2))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"rate_limit\"");
        assertThatThrownBy(() -> new InfluxDbV2OutputFactory().create(v2("concurrent_writes = 4"), v2))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"concurrent_writes\"");
        PluginConfig defaults = v2("""
                rate_limit = 0
                concurrent_writes = 1
                ping_timeout = "0s"
                read_idle_timeout = "0s"
                """);
        new InfluxDbV2OutputFactory().create(defaults, v2);
        assertThat(TestPluginConfigs.unusedKeys(defaults)).isEmpty();
    }

    @Test
    void bothFactoriesAreRegisteredWithSampleConfigs() {
        List<OutputFactory> factories = ServiceLoader.load(OutputFactory.class).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toList());
        assertThat(factories).extracting(OutputFactory::name).contains("influxdb", "influxdb_v2");
        for (OutputFactory factory : factories) {
            assertThat(factory.sampleConfig()).contains("[[outputs." + factory.name() + "]]")
                    .contains("# max_retries_per_batch = 10");
        }
    }

    /** tls_ca, tls_cert and tls_key pointing at real PEM files, so the output can load them. */
    private void putTlsFiles(Map<String, String> options) throws IOException {
        HeldCertificate certificate = new HeldCertificate.Builder().commonName("writer").build();
        options.put("tls_ca", quoted(write("ca.pem", certificate.certificatePem())));
        options.put("tls_cert", quoted(write("cert.pem", certificate.certificatePem())));
        options.put("tls_key", quoted(write("key.pem", certificate.privateKeyPkcs8Pem())));
    }

    private String write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    private static String tableWithStrayKey(Map<String, String> options) {
        StringBuilder toml = new StringBuilder();
        options.forEach((key, value) -> toml.append(key).append(" = ").append(value).append('\n'));
        return toml.append("no_such_option = true\n").toString();
    }
}
