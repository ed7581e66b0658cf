package io.jtelegraf.outputs.influxdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.outputs.influxdb.common.ContentEncoding;
import io.jtelegraf.outputs.influxdb.common.HttpOptions;
import io.jtelegraf.outputs.influxdb.testsupport.MapPluginConfig;
import io.jtelegraf.outputs.influxdb.v2.InfluxDbV2OutputFactory;
import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.OutputFactory;
import io.jtelegraf.testkit.TestPluginContext;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Option names, defaults and load-time errors of both outputs, and their registration. */
class ConfigOptionsTest {
    private final TestPluginContext context = new TestPluginContext("outputs.influxdb");

    @Test
    void v1DefaultsAreTelegrafs() {
        InfluxDbConfig config = InfluxDbConfig.read(MapPluginConfig.of("outputs.influxdb"), context);
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
        InfluxDbConfig config = InfluxDbConfig.read(MapPluginConfig.of("outputs.influxdb", "timeout", "0s", "database", ""), context);
        assertThat(config.http().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.database()).isEqualTo("telegraf");
    }

    @Test
    void everyDocumentedV1KeyIsRead() {
        MapPluginConfig config = MapPluginConfig.of("outputs.influxdb", "urls", List.of("http://127.0.0.1:8086"),
                "local_address", "127.0.0.1", "database", "d", "database_tag", "t", "exclude_database_tag", true,
                "skip_database_creation", true, "retention_policy", "r", "retention_policy_tag", "rt",
                "exclude_retention_policy_tag", true, "write_consistency", "any", "timeout", "2s", "username", "u",
                "password", "p", "user_agent", "ua", "udp_payload", "512B", "http_proxy", "http://127.0.0.1:3128",
                "http_headers", java.util.Map.of("a", "b"), "content_encoding", "identity", "influx_uint_support", true,
                "influx_omit_timestamp", true, "insecure_skip_verify", false, "tls_server_name", "x",
                "tls_min_version", "TLS13", "max_retries_per_batch", 3L);
        InfluxDbConfig.read(config, context);
        assertThat(config.unusedKeys()).isEmpty();
    }

    @Test
    void unsupportedSchemesAreRejectedClearly() {
        assertThatThrownBy(() -> InfluxDbConfig.read(MapPluginConfig.of("outputs.influxdb", "urls", List.of("udp://127.0.0.1:8089")), context))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"urls\"").hasMessageContaining("UDP is not supported");
        assertThatThrownBy(() -> InfluxDbConfig.read(MapPluginConfig.of("outputs.influxdb", "urls", List.of("unix:///var/run/influxdb.sock")), context))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unix sockets are not supported");
        assertThatThrownBy(() -> InfluxDbConfig.read(MapPluginConfig.of("outputs.influxdb", "urls", List.of("ftp://h")), context))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unsupported scheme \"ftp\"");
    }

    @Test
    void invalidValuesAreRejectedNamingTheKey() {
        assertThatThrownBy(() -> InfluxDbConfig.read(MapPluginConfig.of("outputs.influxdb", "content_encoding", "br"), context))
                .hasMessageContaining("\"content_encoding\"");
        assertThatThrownBy(() -> InfluxDbConfig.read(MapPluginConfig.of("outputs.influxdb", "write_consistency", "most"), context))
                .hasMessageContaining("\"write_consistency\"");
        assertThatThrownBy(() -> InfluxDbConfig.read(MapPluginConfig.of("outputs.influxdb", "local_address", "eth0"), context))
                .hasMessageContaining("\"local_address\"");
        assertThatThrownBy(() -> InfluxDbConfig.read(MapPluginConfig.of("outputs.influxdb", "max_retries_per_batch", -1L), context))
                .hasMessageContaining("\"max_retries_per_batch\"");
    }

    @Test
    void v2RejectsUnsupportedRateLimitAndConcurrentWrites() {
        TestPluginContext v2 = new TestPluginContext("outputs.influxdb_v2");
        assertThatThrownBy(() -> new InfluxDbV2OutputFactory().create(MapPluginConfig.of("outputs.influxdb_v2", "rate_limit", "1MiB",
                "rate_limit_period", "1s"), v2)).isInstanceOf(ConfigException.class).hasMessageContaining("\"rate_limit\"");
        assertThatThrownBy(() -> new InfluxDbV2OutputFactory().create(MapPluginConfig.of("outputs.influxdb_v2", "concurrent_writes", 4L), v2))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"concurrent_writes\"");
        MapPluginConfig defaults = MapPluginConfig.of("outputs.influxdb_v2", "rate_limit", 0L, "concurrent_writes", 1L,
                "ping_timeout", "0s", "read_idle_timeout", "0s");
        new InfluxDbV2OutputFactory().create(defaults, v2);
        assertThat(defaults.unusedKeys()).isEmpty();
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
}
