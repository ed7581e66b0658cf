package io.jtelegraf.outputs.influxdb.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.outputs.influxdb.InfluxDbOutputFactory;
import io.jtelegraf.outputs.influxdb.testsupport.TomlText;
import io.jtelegraf.outputs.influxdb.testsupport.WriteResult;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.Output;
import io.jtelegraf.testkit.TestPluginConfigs;
import io.jtelegraf.testkit.TestPluginContext;
import io.jtelegraf.testkit.influx.InfluxDb1Server;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic auth against a real InfluxDB 1.x with {@code auth-enabled = true} and an admin user. */
class RealInfluxDbAuthTest {
    private static final String PASSWORD = "adm1n-Secret";

    @TempDir
    static Path dir;
    private static InfluxDb1Server server;

    @BeforeAll
    static void startServer() throws Exception {
        server = InfluxDb1Server.start(dir, true);
        // With auth on and no users yet, InfluxDB accepts exactly this: creating the first admin.
        server.query(null, "CREATE USER admin WITH PASSWORD '" + PASSWORD + "' WITH ALL PRIVILEGES");
        server.useCredentials("admin", PASSWORD);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void writesWithBasicAuthAndKeepsTheBatchOnWrongCredentials() throws Exception {
        TestPluginContext context = new TestPluginContext("outputs.influxdb");
        Metric metric = Metric.builder("secured").field("value", 7L).time(1_700_000_000_000_000_000L).build();
        Output good = new InfluxDbOutputFactory().create(TestPluginConfigs.fromToml("outputs.influxdb",
                TomlText.urls(server.url()) + "database = \"secure\"\nusername = \"admin\"\npassword = "
                        + TomlText.quoted(PASSWORD)), context);
        Output bad = new InfluxDbOutputFactory().create(TestPluginConfigs.fromToml("outputs.influxdb",
                TomlText.urls(server.url()) + "database = \"secure\"\nusername = \"admin\"\npassword = \"wrong-pass\""), context);
        try {
            bad.connect();
            assertThat(WriteResult.of(bad, List.of(metric)).keptAll()).as("401: kept (decided change)").isTrue();
            good.connect();
            assertThat(server.databases()).contains("secure");
            assertThat(WriteResult.of(good, List.of(metric)).returnedNormally()).isTrue();
        } finally {
            good.close();
            bad.close();
        }
        assertThat(server.rows("secure", "SELECT value FROM secured")).hasSize(1);
        assertThat(context.logger().lines()).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(PASSWORD, "wrong-pass"));
    }
}
