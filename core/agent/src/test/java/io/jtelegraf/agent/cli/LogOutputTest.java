package io.jtelegraf.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent logs: every line in Telegraf's layout (spec 4.7), the start-up banner, the
 * strict-env notice, and never a credential from the configuration, even at debug level.
 */
class LogOutputTest {
    private static final String PASSWORD = "Pa55-w0rd-7f3a";
    private static final String TOKEN = "tok-91c2e8d4";

    @TempDir
    Path temp;

    private JtelegrafCli cli;

    @BeforeEach
    void plugins() throws IOException {
        cli = new JtelegrafCli(PluginFolderFixture.create(temp));
    }

    @Test
    void everyLogLineHasTelegrafsLayoutAndTheBannerComesFirst() throws IOException {
        Path config = config("""
                [global_tags]
                  dc = "eu-west"
                [agent]
                  hostname = "h1"
                [[inputs.static]]
                [[inputs.static]]
                  fail = "socket closed"
                [[inputs.internal]]
                [[outputs.capture]]
                  path = "%s"
                """.formatted(temp.resolve("capture.out")));

        JtelegrafCli.Result result = cli.run("--once", "--debug", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.logLines()).isNotEmpty().allSatisfy(line -> assertThat(line).matches(JtelegrafCli.LOG_LINE));
        assertThat(result.logLines().stream().map(line -> line.substring(line.indexOf(' ') + 1)).toList())
                .containsSubsequence(
                        "I! [agent] Loading config: " + config,
                        "I! [agent] Starting jtelegraf " + Version.get(),
                        "I! [agent] Available plugins: 2 inputs, 0 aggregators, 0 processors, 0 parsers, 2 outputs,"
                                + " 0 secret-stores",
                        "I! [agent] Loaded inputs: internal static (2x)",
                        "I! [agent] Loaded aggregators: ",
                        "I! [agent] Loaded processors: ",
                        "I! [agent] Loaded secretstores: ",
                        "I! [agent] Loaded outputs: capture",
                        "I! [agent] Tags enabled: dc=eu-west host=h1",
                        "E! [inputs.static] Error in plugin: socket closed",
                        "I! [agent] Hang on, flushing any cached metrics before shutdown",
                        "E! [jtelegraf] Error running agent: input plugins recorded 1 errors");
        assertThat(result.stderr()).contains("D! [inputs.static] gathering, credentials not set");
    }

    @Test
    void withoutAnEnvFlagAWarningSaysStrictHandlingIsTheDefault() throws IOException {
        Path config = config("[agent]\n  hostname = \"h1\"\n[[inputs.static]]\n");

        JtelegrafCli.Result defaulted = cli.run("--test", "--config", config.toString());
        JtelegrafCli.Result strict = cli.run("--test", "--strict-env-handling", "--config", config.toString());
        JtelegrafCli.Result nonStrict = cli.run("--test", "--non-strict-env-handling", "--config", config.toString());

        assertThat(defaulted.stderr()).contains("W! [agent] " + EnvHandlingWarning.TEXT + "\n");
        assertThat(defaulted.stdout()).as("stdout keeps only the metric lines").isEqualTo(strict.stdout())
                .startsWith("> static,");
        assertThat(strict.stderr()).doesNotContain("Strict environment variable handling");
        assertThat(nonStrict.stderr()).doesNotContain("Strict environment variable handling");
    }

    @Test
    void quietLeavesOnlyErrors() throws IOException {
        Path config = config("""
                [agent]
                  hostname = "h1"
                [[inputs.static]]
                  fail = "socket closed"
                """);

        JtelegrafCli.Result result = cli.run("--test", "--quiet", "--config", config.toString());

        assertThat(result.logLines()).allSatisfy(line -> assertThat(line).contains(" E! "))
                .anySatisfy(line -> assertThat(line).endsWith("E! [inputs.static] Error in plugin: socket closed"));
    }

    @Test
    void credentialsNeverAppearInTestOnceOrConfigCheck() throws IOException {
        Path config = config("""
                [agent]
                  hostname = "h1"
                  debug = true
                [[inputs.static]]
                  password = "%1$s"
                  token = "%2$s"
                [[outputs.capture]]
                  path = "%3$s"
                  password = "%1$s"
                  token = "%2$s"
                """.formatted(PASSWORD, TOKEN, temp.resolve("capture.out")));

        for (String[] command : new String[][] {
                {"--test", "--config", config.toString()},
                {"--once", "--config", config.toString()},
                {"config", "check", "--config", config.toString()}}) {
            JtelegrafCli.Result result = cli.run(command);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout() + result.stderr()).as(String.join(" ", command))
                    .doesNotContain(PASSWORD).doesNotContain(TOKEN).doesNotContain("Pa55");
        }
    }

    @Test
    void aRejectedCredentialIsNotRepeatedInTheError() throws IOException {
        Path config = config("""
                [agent]
                  hostname = "h1"
                [[inputs.static]]
                [[outputs.capture]]
                  path = "x.out"
                  password = "bad-%s"
                  token = "%s"
                """.formatted(PASSWORD, TOKEN));

        for (String[] command : new String[][] {
                {"--test", "--debug", "--config", config.toString()},
                {"config", "check", "--config", config.toString()}}) {
            JtelegrafCli.Result result = cli.run(command);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stderr()).contains("outputs.capture").contains("password")
                    .doesNotContain(PASSWORD).doesNotContain(TOKEN);
        }
    }

    @Test
    void aTypeErrorOnACredentialDoesNotShowTheValue() throws IOException {
        Path config = config("""
                [agent]
                  hostname = "h1"
                [[inputs.static]]
                  password = ["%s"]
                """.formatted(PASSWORD));

        JtelegrafCli.Result result = cli.run("config", "check", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains("password").doesNotContain(PASSWORD);
    }

    @Test
    void aLogfileThatCannotBeOpenedIsOneReadableError() throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("plain-file"), "");
        Path logfile = notAFolder.resolve("jtelegraf.log");
        Path config = config("""
                [agent]
                  hostname = "h1"
                  logfile = "%s"
                [[inputs.static]]
                """.formatted(logfile));

        for (String[] command : new String[][] {
                {"--test", "--config", config.toString()},
                {"config", "check", "--config", config.toString()}}) {
            JtelegrafCli.Result result = cli.run(command);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stdout()).isEmpty();
            assertThat(result.stderr().lines()).as(result.toString()).singleElement().asString()
                    .matches(JtelegrafCli.LOG_LINE.pattern()).contains("logfile " + logfile + ": cannot open");
        }
    }

    private Path config(String text) throws IOException {
        return Files.writeString(temp.resolve("jtelegraf.conf"), text);
    }
}
