package io.jtelegraf.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials and permissions through the installed bin/jtelegraf: passwords and tokens never
 * reach stdout or stderr, whatever the run prints (debug log, --test, --once against a server that
 * fails and echoes the credentials back, config check, config); a config file with credentials
 * that others can write is warned about; a plugin folder others can write is refused with the
 * reason. TLS verification is tested in outputs-influx (TlsTest).
 */
class SecurityIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String PASSWORD = "PW-secret-4711";
    private static final String TOKEN = "TOKEN-secret-0815";
    private static final String URL_PASSWORD = "URLPW-secret-2207";
    private static final List<String> SECRETS = List.of(PASSWORD, TOKEN, URL_PASSWORD);

    private final Path jtelegraf = JtelegrafProcess.distribution().resolve("bin/jtelegraf");
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @TempDir
    Path dir;

    /** A server that fails every request and, as a careless proxy would, echoes the credentials. */
    @BeforeEach
    void startFailingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            authorizations.add(authorization);
            exchange.getRequestBody().readAllBytes();
            boolean v2 = exchange.getRequestURI().getPath().startsWith("/api/v2");
            byte[] body = ("{\"error\":\"refused request with Authorization " + authorization + " for "
                    + exchange.getRequestURI() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Influxdb-Error", "refused " + authorization);
            exchange.sendResponseHeaders(v2 ? 401 : 500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private Path configWithSecrets(String permissions) throws IOException {
        int port = server.getAddress().getPort();
        Path file = dir.resolve("secrets.conf");
        Files.writeString(file, """
                [agent]
                  interval = "1s"
                  flush_interval = "1s"
                  debug = true
                [[inputs.internal]]
                [[outputs.influxdb]]
                  urls = ["http://127.0.0.1:%1$d", "http://telegraf:%4$s@127.0.0.1:%1$d"]
                  username = "telegraf"
                  password = "%2$s"
                  timeout = "2s"
                [[outputs.influxdb_v2]]
                  urls = ["http://127.0.0.1:%1$d"]
                  token = "%3$s"
                  organization = "o"
                  bucket = "b"
                  timeout = "2s"
                """.formatted(port, PASSWORD, TOKEN, URL_PASSWORD));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void secretsNeverAppearInAnyOutput() throws Exception {
        Path config = configWithSecrets("rw-------");
        StringBuilder everything = new StringBuilder();
        for (List<String> arguments : List.of(
                List.of("--once", "--debug", "--config", config.toString()),
                List.of("--test", "--debug", "--config", config.toString()),
                List.of("config", "check", "--debug", "--config", config.toString()),
                List.of("config", "--config", config.toString()))) {
            JtelegrafProcess.Result result = JtelegrafProcess.run(jtelegraf, TIMEOUT, Map.of(),
                    arguments.toArray(String[]::new));
            everything.append(arguments).append('\n').append(result).append('\n');
        }

        // The credentials did reach the server (so they were in play), and the failures were logged.
        assertThat(authorizations).as("Authorization headers the server saw")
                .anyMatch(header -> header.equals("Token " + TOKEN))
                .anyMatch(header -> header.startsWith("Basic "));
        assertThat(everything.toString()).contains(" E! ").contains(" D! ");
        for (String secret : SECRETS) {
            assertThat(everything.toString()).as("output of every run").doesNotContain(secret);
        }
    }

    @Test
    void aConfigWithCredentialsThatOthersCanWriteIsWarnedAbout() throws Exception {
        Path config = configWithSecrets("rw-rw-r--");

        JtelegrafProcess.Result result = JtelegrafProcess.run(jtelegraf, TIMEOUT, Map.of(), "config", "check",
                "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr().lines().filter(line -> line.contains(" W! ")))
                .as(result.toString())
                .anyMatch(line -> line.contains(config.toString()) && line.contains("writable by group or others")
                        && line.contains("\"password\"") && line.contains("\"token\""));
        for (String secret : SECRETS) {
            assertThat(result.toString()).doesNotContain(secret);
        }
    }

    @Test
    void aConfigWithCredentialsOnlyTheOwnerCanWriteIsNotWarnedAbout() throws Exception {
        Path config = configWithSecrets("rw-r-----");

        JtelegrafProcess.Result result = JtelegrafProcess.run(jtelegraf, TIMEOUT, Map.of(), "config", "check",
                "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).doesNotContain("writable by group or others");
    }

    @Test
    void aPluginFolderOthersCanWriteIsRefusedWithTheReason() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path folder = Files.createDirectories(plugins.resolve("file"));
        try (var jars = Files.list(JtelegrafProcess.distribution().resolve("plugins/file"))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, folder.resolve(jar.getFileName()));
            }
        }
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));

        JtelegrafProcess.Result result = JtelegrafProcess.run(jtelegraf, TIMEOUT, Map.of(), "plugins",
                "--plugin-directory", plugins.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr().lines().filter(line -> line.contains(" E! ")))
                .as(result.toString())
                .singleElement().asString()
                .contains(folder.toString()).contains("writable by users other than its owner")
                .contains("chmod go-w");
        assertThat(result.stderr()).doesNotContain("\tat ");
    }
}
