package io.jtelegraf.outputs.influxdb.common;

import static io.jtelegraf.outputs.influxdb.testsupport.ScriptedServer.status;
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
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.testkit.TestPluginConfigs;
import io.jtelegraf.testkit.TestPluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS of both outputs against an HTTPS server with a self-signed certificate. */
class TlsTest {
    private static final HeldCertificate LOCAL = new HeldCertificate.Builder()
            .commonName("localhost").addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1")
            .rsa2048().build();
    private static final HeldCertificate OTHER_NAME = new HeldCertificate.Builder()
            .commonName("influx.internal").addSubjectAlternativeName("influx.internal").rsa2048().build();

    @TempDir
    Path dir;
    private final TestPluginContext context = new TestPluginContext("outputs.influxdb");
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private ScriptedServer httpsServer(HeldCertificate certificate) {
        HandshakeCertificates handshake = new HandshakeCertificates.Builder().heldCertificate(certificate).build();
        ScriptedServer server = new ScriptedServer().https(handshake.sslSocketFactory()).start();
        server.answer(request -> status(204));
        open.add(server);
        return server;
    }

    /** A v1 output writing to {@code server} without creating databases, plus the given TOML lines. */
    private Output v1(ScriptedServer server, String... tomlLines) {
        Output output = new InfluxDbOutputFactory().create(v1Config(TomlText.urls(server.url("/"))
                + "skip_database_creation = true\n" + String.join("\n", tomlLines)), context);
        open.add(output);
        return output;
    }

    private static PluginConfig v1Config(String toml) {
        return TestPluginConfigs.fromToml("outputs.influxdb", toml);
    }

    /** A {@code key = "path"} line for a PEM file. */
    private static String file(String key, Path pem) {
        return key + " = " + TomlText.quoted(pem.toString());
    }

    private Path pem(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void selfSignedCertificateIsRejectedByDefault() throws Exception {
        ScriptedServer server = httpsServer(LOCAL);
        Output output = v1(server);
        output.connect();
        WriteResult result = WriteResult.of(output, TestMetrics.batch(1));
        assertThat(result.keptAll()).isTrue();
        assertThat(server.requests()).isEmpty();
        assertThat(context.logger().lines()).anySatisfy(line -> assertThat(line).containsIgnoringCase("certification path"));
    }

    @Test
    void insecureSkipVerifyAcceptsIt() throws Exception {
        ScriptedServer server = httpsServer(LOCAL);
        Output output = v1(server, "insecure_skip_verify = true");
        output.connect();
        assertThat(WriteResult.of(output, TestMetrics.batch(1)).returnedNormally()).isTrue();
        assertThat(server.requests("/write")).hasSize(1);
    }

    @Test
    void tlsCaAcceptsIt() throws Exception {
        ScriptedServer server = httpsServer(LOCAL);
        Output output = v1(server, file("tls_ca", pem("ca.pem", LOCAL.certificatePem())));
        output.connect();
        assertThat(WriteResult.of(output, TestMetrics.batch(1)).returnedNormally()).isTrue();
    }

    @Test
    void v2AcceptsItWithTlsCaAndRejectsItWithout() throws Exception {
        ScriptedServer server = httpsServer(LOCAL);
        TestPluginContext v2Context = new TestPluginContext("outputs.influxdb_v2");
        Output trusting = new InfluxDbV2OutputFactory().create(TestPluginConfigs.fromToml("outputs.influxdb_v2",
                TomlText.urls(server.url("/")) + file("tls_ca", pem("ca.pem", LOCAL.certificatePem()))), v2Context);
        Output plain = new InfluxDbV2OutputFactory().create(TestPluginConfigs.fromToml("outputs.influxdb_v2",
                TomlText.urls(server.url("/"))), v2Context);
        open.add(trusting);
        open.add(plain);
        trusting.connect();
        plain.connect();
        assertThat(WriteResult.of(trusting, TestMetrics.batch(1)).returnedNormally()).isTrue();
        assertThat(WriteResult.of(plain, TestMetrics.batch(1)).keptAll()).isTrue();
    }

    @Test
    void certificateForAnotherNameNeedsTlsServerName() throws Exception {
        ScriptedServer server = httpsServer(OTHER_NAME);
        String ca = file("tls_ca", pem("other.pem", OTHER_NAME.certificatePem()));
        Output withoutName = v1(server, ca);
        withoutName.connect();
        assertThat(WriteResult.of(withoutName, TestMetrics.batch(1)).keptAll()).isTrue();
        Output withName = v1(server, ca, "tls_server_name = \"influx.internal\"");
        withName.connect();
        assertThat(WriteResult.of(withName, TestMetrics.batch(1)).returnedNormally()).isTrue();
        Output wrongName = v1(server, ca, "tls_server_name = \"elsewhere.internal\"");
        wrongName.connect();
        assertThat(WriteResult.of(wrongName, TestMetrics.batch(1)).keptAll()).isTrue();
    }

    @Test
    void clientCertificateFromPkcs8AndPkcs1Keys() throws Exception {
        HeldCertificate client = new HeldCertificate.Builder().commonName("writer").rsa2048().build();
        HandshakeCertificates handshake = new HandshakeCertificates.Builder()
                .heldCertificate(LOCAL).addTrustedCertificate(client.certificate()).build();
        ScriptedServer server = new ScriptedServer().https(handshake.sslSocketFactory());
        server.requireClientAuth();
        server.start().answer(request -> status(204));
        open.add(server);
        String ca = file("tls_ca", pem("ca.pem", LOCAL.certificatePem()));
        String cert = file("tls_cert", pem("client.pem", client.certificatePem()));
        Output noCert = v1(server, ca);
        noCert.connect();
        assertThat(WriteResult.of(noCert, TestMetrics.batch(1)).keptAll()).isTrue();
        for (String key : List.of(client.privateKeyPkcs8Pem(), client.privateKeyPkcs1Pem())) {
            Output output = v1(server, ca, cert, file("tls_key", pem("key.pem", key)));
            output.connect();
            assertThat(WriteResult.of(output, TestMetrics.batch(1)).returnedNormally()).isTrue();
        }
    }

    @Test
    void badTlsFilesFailAtLoadNamingTheKey() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> new InfluxDbOutputFactory().create(v1Config(file("tls_ca", missing)), context))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"tls_ca\"").hasMessageContaining("missing.pem");
        assertThatThrownBy(() -> new InfluxDbOutputFactory().create(
                v1Config(file("tls_ca", missing) + "\ninsecure_skip_verify = true"), context))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"tls_ca\"").hasMessageContaining("missing.pem");
        Path notPem = pem("junk.pem", "hello");
        assertThatThrownBy(() -> new InfluxDbOutputFactory().create(v1Config(file("tls_cert", notPem) + "\n"
                + file("tls_key", notPem)), context))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"tls_cert\"");
        assertThatThrownBy(() -> new InfluxDbOutputFactory().create(v1Config("tls_min_version = \"TLS9\""), context))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tls_min_version");
        assertThatThrownBy(() -> new InfluxDbOutputFactory().create(v1Config("tls_key_pwd = \"pw\""), context))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tls_key_pwd").hasMessageNotContaining("pw\"");
    }
}
