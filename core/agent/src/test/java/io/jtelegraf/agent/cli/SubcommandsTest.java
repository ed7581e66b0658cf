package io.jtelegraf.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code config}, {@code config check} and {@code plugins}, with the test plugins installed. */
class SubcommandsTest {
    @TempDir
    Path temp;

    private JtelegrafCli cli;

    @BeforeEach
    void plugins() throws IOException {
        cli = new JtelegrafCli(PluginFolderFixture.create(temp));
    }

    @Test
    void pluginsListsEveryInputAndOutputSorted() {
        JtelegrafCli.Result result = cli.run("plugins");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("""
                inputs.internal
                inputs.static
                outputs.capture
                outputs.mirror
                """);
    }

    @Test
    void pluginsOfOneKind() {
        assertThat(cli.run("plugins", "outputs").stdout()).isEqualTo("outputs.capture\noutputs.mirror\n");
        assertThat(cli.run("plugins", "inputs").stdout()).isEqualTo("inputs.internal\ninputs.static\n");
    }

    @Test
    void pluginsVerboseBeforeOrAfterTheKind() {
        JtelegrafCli.Result before = cli.run("plugins", "--verbose", "outputs");
        JtelegrafCli.Result after = cli.run("plugins", "outputs", "-v");

        assertThat(before.exitCode()).as(before.toString()).isZero();
        assertThat(before.stdout().lines()).hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("outputs.").contains("\t"));
        assertThat(after.stdout()).isEqualTo(before.stdout());
    }

    @Test
    void anUnknownPluginKindIsAnUnknownCommandOfPlugins() {
        JtelegrafCli.Result result = cli.run("plugins", "processors");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("unknown command \"processors\" (see `jtelegraf plugins --help`)");
    }

    @Test
    void configPrintsTheFullSampleWithEveryPluginCommentedOut() {
        JtelegrafCli.Result result = cli.run("config");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout())
                .startsWith("# jtelegraf configuration, in Telegraf's format.\n")
                .contains("\n[global_tags]\n", "\n[agent]\n  ## How often every input is gathered")
                .contains("# [[outputs.capture]]\n#   ## The file to append to\n#   path = \"metrics.out\"\n")
                .contains("# [[outputs.mirror]]\n")
                .contains("# [[inputs.static]]\n#   ## Seconds since the epoch of every metric\n")
                .contains("# [[inputs.internal]]\n");
        assertThat(result.stdout().indexOf("OUTPUT PLUGINS")).isLessThan(result.stdout().indexOf("INPUT PLUGINS"));
    }

    @Test
    void configCreateAndSampleConfigFlagPrintTheSame() {
        String config = cli.run("config").stdout();

        assertThat(cli.run("config", "create").stdout()).isEqualTo(config);
        assertThat(cli.run("--sample-config").stdout()).isEqualTo(config);
    }

    /** A flag given before {@code config} counts for it too, as in Telegraf. */
    @ParameterizedTest
    @ValueSource(strings = {"config --input-filter static --output-filter mirror",
            "--input-filter static config --output-filter mirror"})
    void configTakesThePluginFilters(String arguments) {
        JtelegrafCli.Result result = cli.run(arguments.split(" "));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("# [[inputs.static]]", "# [[outputs.mirror]]")
                .doesNotContain("[[inputs.internal]]", "[[outputs.capture]]");
    }

    @Test
    void theSampleConfigIsAValidConfig() throws IOException {
        Path sample = Files.writeString(temp.resolve("sample.conf"), cli.run("config").stdout());

        JtelegrafCli.Result result = cli.run("config", "check", "--config", sample.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    @Test
    void configCheckAcceptsAGoodConfigAndPrintsNothingOnStdout() throws IOException {
        Path config = config("""
                [[inputs.static]]
                  measurement = "${NOT_SET_ANYWHERE:-fallback}"
                [[outputs.capture]]
                  path = "%s"
                """.formatted(temp.resolve("never-written.out")));

        JtelegrafCli.Result result = cli.run("config", "check", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(temp.resolve("never-written.out")).as("nothing is gathered or written").doesNotExist();
    }

    @Test
    void configCheckNamesFileLinePluginAndKeyOfABadOption() throws IOException {
        Path config = config("""
                [[inputs.static]]
                [[outputs.capture]]
                  path = "x.out"
                  pathh = "typo.out"
                """);

        JtelegrafCli.Result result = cli.run("config", "check", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().lines()).last().asString()
                .matches(JtelegrafCli.LOG_LINE.pattern())
                .contains(" E! [jtelegraf] " + config + ":7: plugin outputs.capture: unknown key \"pathh\"")
                .contains("outputs.capture").contains("pathh");
    }

    @Test
    void configCheckNamesAnUnknownPlugin() throws IOException {
        Path config = config("[[inputs.statik]]\n");

        JtelegrafCli.Result result = cli.run("config", "check", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains(config + ":4").contains("statik");
    }

    @Test
    void configCheckSubstitutesEnvironmentVariablesStrictlyWithoutAnyFlag() throws IOException {
        Path config = config("""
                [[inputs.static]]
                  value = ${NOT_SET_ANYWHERE:-5}
                """);

        JtelegrafCli.Result strict = cli.run("config", "check", "--config", config.toString());
        JtelegrafCli.Result nonStrict = cli.run("config", "check", "--non-strict-env-handling", "--config",
                config.toString());

        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(1);
        assertThat(strict.stderr()).contains(config + ":5").contains("invalid TOML syntax");
        assertThat(nonStrict.exitCode()).as(nonStrict.toString()).isZero();
    }

    @Test
    void configCheckFailsOnARequiredVariableThatIsMissing() throws IOException {
        Path config = config("""
                [[inputs.static]]
                  measurement = "${NOT_SET_ANYWHERE:?set it to the measurement name}"
                """);

        JtelegrafCli.Result result = cli.run("config", "check", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains(config.toString())
                .contains("required variable NOT_SET_ANYWHERE is missing a value: set it to the measurement name");
    }

    private Path config(String plugins) throws IOException {
        return Files.writeString(temp.resolve("jtelegraf.conf"), "[agent]\n  hostname = \"h1\"\n\n" + plugins);
    }
}
