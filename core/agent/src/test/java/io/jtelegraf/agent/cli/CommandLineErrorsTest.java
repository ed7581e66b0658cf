package io.jtelegraf.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Command lines and configurations that cannot run: each ends with exit code 1 and exactly one
 * readable {@code E!} line on stderr, never a stack trace, and nothing on stdout.
 */
class CommandLineErrorsTest {
    @TempDir
    Path temp;

    private JtelegrafCli cli;

    @BeforeEach
    void plugins() throws IOException {
        cli = new JtelegrafCli(PluginFolderFixture.create(temp));
    }

    @Test
    void anUnknownPositionalArgumentIsAnUnknownCommand() {
        JtelegrafCli.Result result = cli.run("frobnicate");

        assertFailsWithOneLine(result, "unknown command \"frobnicate\" (see `jtelegraf --help`)");
    }

    @Test
    void anUnknownFlagIsNamed() {
        JtelegrafCli.Result result = cli.run("--no-such-flag");

        assertFailsWithOneLine(result, "flag provided but not defined: --no-such-flag (see `jtelegraf --help`)");
    }

    @Test
    void anUnknownSingleDashFlagIsNamed() {
        JtelegrafCli.Result result = cli.run("-tset");

        assertFailsWithOneLine(result, "flag provided but not defined: -tset (see `jtelegraf --help`)");
    }

    @Test
    void anUnknownFlagOfASubcommandPointsToThatSubcommandsHelp() {
        JtelegrafCli.Result result = cli.run("config", "check", "--bogus");

        assertFailsWithOneLine(result, "flag provided but not defined: --bogus (see `jtelegraf config check --help`)");
    }

    @Test
    void aFlagWithoutItsValueIsNamed() {
        JtelegrafCli.Result result = JtelegrafCli.runExactly("--config");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().lines()).singleElement().asString()
                .matches(JtelegrafCli.LOG_LINE.pattern()).contains("--config");
    }

    @Test
    void aNonNumericTestWaitIsNamed() {
        JtelegrafCli.Result result = cli.run("--test-wait", "soon");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().lines()).singleElement().asString()
                .matches(JtelegrafCli.LOG_LINE.pattern()).contains("--test-wait").contains("soon");
    }

    @Test
    void bothEnvHandlingFlagsTogetherAreRefused() throws IOException {
        Path config = config("[[inputs.static]]\n");

        JtelegrafCli.Result result = cli.run("--test", "--strict-env-handling", "--non-strict-env-handling",
                "--config", config.toString());

        assertFailsWithOneLine(result,
                "Error running agent: --strict-env-handling and --non-strict-env-handling cannot be used together");
    }

    @Test
    void bothEnvHandlingFlagsAreRefusedByConfigCheckToo() throws IOException {
        Path config = config("[[inputs.static]]\n");

        JtelegrafCli.Result result = cli.run("config", "check", "--strict-env-handling", "--non-strict-env-handling",
                "--config", config.toString());

        assertFailsWithOneLine(result, "--strict-env-handling and --non-strict-env-handling cannot be used together");
    }

    @Test
    void aConfigWithoutOutputsCannotRun() throws IOException {
        Path config = config("[[inputs.static]]\n");

        JtelegrafCli.Result result = cli.run("--once", "--config", config.toString());

        assertFailsWithOneLine(result, "Error running agent: no outputs found, probably invalid config file provided ("
                + config + ")");
    }

    @Test
    void aConfigWithoutInputsCannotRunEvenInTestMode() throws IOException {
        Path config = config("[[outputs.capture]]\n  path = \"" + temp.resolve("x.out") + "\"\n");

        JtelegrafCli.Result result = cli.run("--test", "--config", config.toString());

        assertFailsWithOneLine(result, "Error running agent: no inputs found, probably invalid config file provided ("
                + config + ")");
    }

    @Test
    void theOutputFilterCanLeaveNoOutputs() throws IOException {
        Path config = config("[[inputs.static]]\n[[outputs.capture]]\n  path = \"" + temp.resolve("x.out") + "\"\n");

        JtelegrafCli.Result result = cli.run("--once", "--output-filter", "mirror", "--config", config.toString());

        assertFailsWithOneLine(result, "Error running agent: no outputs found, probably invalid config file provided ("
                + config + ")");
    }

    @Test
    void aMissingConfigFileIsNamed() {
        Path missing = temp.resolve("missing.conf");

        JtelegrafCli.Result result = cli.run("--test", "--config", missing.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().lines()).singleElement().asString()
                .matches(JtelegrafCli.LOG_LINE.pattern()).contains(missing.toString());
    }

    @Test
    void aPluginErrorNamesFileLinePluginAndKey() throws IOException {
        Path config = config("""
                [[inputs.static]]
                  value = "many"
                """);

        JtelegrafCli.Result result = cli.run("--test", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().lines()).last().asString()
                .matches(JtelegrafCli.LOG_LINE.pattern())
                .contains(config + ":5").contains("inputs.static").contains("value");
    }

    private void assertFailsWithOneLine(JtelegrafCli.Result result, String message) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).as(result.toString()).isEmpty();
        assertThat(result.stderr().lines()).as(result.toString()).singleElement().asString()
                .matches(JtelegrafCli.LOG_LINE.pattern())
                .endsWith(" E! [jtelegraf] " + message);
    }

    private Path config(String plugins) throws IOException {
        return Files.writeString(temp.resolve("jtelegraf.conf"), "[agent]\n  hostname = \"h1\"\n\n" + plugins);
    }
}
