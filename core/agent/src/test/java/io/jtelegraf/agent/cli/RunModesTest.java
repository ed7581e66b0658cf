package io.jtelegraf.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --test}, {@code --once} and {@code --test-wait} through {@link Main#run}: what reaches
 * stdout and the outputs, the exit codes, and the plugin filters, with the test plugins of
 * {@link PluginFolderFixture}.
 */
class RunModesTest {
    private static final String STATIC_TEST_LINE =
            "> static,host=h1,source=fixture big=18446744073709551615u,ratio=0.25,text=\"a b\",up=true,value=42i"
                    + " 1700000000000000000\n";
    private static final String STATIC_OUTPUT_LINE =
            "static,host=h1,source=fixture value=42i,ratio=0.25,up=true,text=\"a b\",big=9223372036854775807i"
                    + " 1700000000000000000\n";

    @TempDir
    Path temp;

    private JtelegrafCli cli;

    @BeforeEach
    void plugins() throws IOException {
        cli = new JtelegrafCli(PluginFolderFixture.create(temp));
    }

    @Test
    void testModePrintsOnlyTelegrafsTestLinesOnStdoutAndExitsZero() throws IOException {
        Path config = config("""
                [[inputs.static]]
                [[outputs.capture]]
                  path = "%s"
                """.formatted(temp.resolve("capture.out")));

        JtelegrafCli.Result result = cli.run("--test", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo(STATIC_TEST_LINE);
        assertThat(temp.resolve("capture.out")).as("outputs are not used in test mode").doesNotExist();
        assertThat(result.stderr()).contains("W! [agent] Outputs are not used in testing mode!");
    }

    @Test
    void testModeNeedsNoOutputs() throws IOException {
        JtelegrafCli.Result result = cli.run("--test", "--config", config("[[inputs.static]]\n").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo(STATIC_TEST_LINE);
    }

    @Test
    void testModeExitsOneWhenAnInputRecordedAnError() throws IOException {
        Path config = config("""
                [[inputs.static]]
                [[inputs.static]]
                  measurement = "broken"
                  fail = "no route to host"
                """);

        JtelegrafCli.Result result = cli.run("--test", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).as("the good input is still printed").isEqualTo(STATIC_TEST_LINE);
        assertThat(result.stderr())
                .contains("E! [inputs.static] Error in plugin: no route to host")
                .contains("E! [jtelegraf] Error running agent: input plugins recorded 1 errors");
    }

    @Test
    void onceModeWritesTheOutputsAndPrintsNothingOnStdout() throws IOException {
        Path out = temp.resolve("capture.out");
        Path config = config("""
                [[inputs.static]]
                [[outputs.capture]]
                  path = "%s"
                """.formatted(out));

        JtelegrafCli.Result result = cli.run("--once", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(out).content().isEqualTo(STATIC_OUTPUT_LINE);
    }

    @Test
    void onceTakesPrecedenceOverTest() throws IOException {
        Path out = temp.resolve("capture.out");
        Path config = config("""
                [[inputs.static]]
                [[outputs.capture]]
                  path = "%s"
                """.formatted(out));

        JtelegrafCli.Result result = cli.run("--test", "--once", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(out).content().isEqualTo(STATIC_OUTPUT_LINE);
    }

    @Test
    void onceModeExitsOneWhenAnInputRecordedAnError() throws IOException {
        Path out = temp.resolve("capture.out");
        Path config = config("""
                [[inputs.static]]
                  fail = "permission denied"
                [[outputs.capture]]
                  path = "%s"
                """.formatted(out));

        JtelegrafCli.Result result = cli.run("--once", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains("E! [jtelegraf] Error running agent: input plugins recorded 1 errors");
    }

    @Test
    void testWaitAloneImpliesTestMode() throws IOException {
        Path out = temp.resolve("capture.out");
        Path config = config("""
                [[inputs.static]]
                [[outputs.capture]]
                  path = "%s"
                """.formatted(out));

        JtelegrafCli.Result result = cli.run("--test-wait", "1", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo(STATIC_TEST_LINE);
        assertThat(out).doesNotExist();
    }

    @Test
    void inputFilterLoadsOnlyTheNamedInputs() throws IOException {
        Path config = config("""
                [[inputs.internal]]
                [[inputs.static]]
                """);

        JtelegrafCli.Result result = cli.run("--test", "--input-filter", "static", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo(STATIC_TEST_LINE);
        assertThat(result.stderr()).contains("I! [agent] Loaded inputs: static\n");
    }

    @Test
    void withoutTheFilterBothInputsRun() throws IOException {
        Path config = config("""
                [[inputs.internal]]
                [[inputs.static]]
                """);

        JtelegrafCli.Result result = cli.run("--test", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains(STATIC_TEST_LINE).contains("> internal_agent,");
        assertThat(result.stderr()).contains("I! [agent] Loaded inputs: internal static\n");
    }

    @Test
    void outputFilterLoadsOnlyTheNamedOutputs() throws IOException {
        Path captured = temp.resolve("capture.out");
        Path mirrored = temp.resolve("mirror.out");
        Path config = config("""
                [[inputs.static]]
                [[outputs.capture]]
                  path = "%s"
                [[outputs.mirror]]
                  path = "%s"
                """.formatted(captured, mirrored));

        JtelegrafCli.Result result = cli.run("--once", "--output-filter", "mirror", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(mirrored).content().isEqualTo(STATIC_OUTPUT_LINE);
        assertThat(captured).doesNotExist();
    }

    @Test
    void filtersTakeSeveralColonSeparatedNames() throws IOException {
        Path captured = temp.resolve("capture.out");
        Path mirrored = temp.resolve("mirror.out");
        Path config = config("""
                [[inputs.static]]
                [[outputs.capture]]
                  path = "%s"
                [[outputs.mirror]]
                  path = "%s"
                """.formatted(captured, mirrored));

        JtelegrafCli.Result result = cli.run("--once", "--output-filter", "capture:mirror",
                "--input-filter", "internal:static", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(mirrored).content().isEqualTo(STATIC_OUTPUT_LINE);
        assertThat(captured).content().isEqualTo(STATIC_OUTPUT_LINE);
    }

    @Test
    void singleDashFlagsWorkLikeDoubleDashFlags() throws IOException {
        Path config = config("""
                [[inputs.internal]]
                [[inputs.static]]
                """);

        JtelegrafCli.Result single = cli.run("-test", "-input-filter", "static", "-config", config.toString());
        JtelegrafCli.Result equalsForm = cli.run("-test", "-input-filter=static", "--config=" + config);

        assertThat(single.exitCode()).as(single.toString()).isZero();
        assertThat(single.stdout()).isEqualTo(STATIC_TEST_LINE);
        assertThat(equalsForm.exitCode()).as(equalsForm.toString()).isZero();
        assertThat(equalsForm.stdout()).isEqualTo(STATIC_TEST_LINE);
    }

    @Test
    void configFilesAndDirectoriesCombineAndCommaSeparatedConfigsAreSplit() throws IOException {
        Path agent = Files.writeString(temp.resolve("agent.conf"), "[agent]\n  hostname = \"h1\"\n");
        Path input = Files.writeString(temp.resolve("input.conf"), "[[inputs.static]]\n  value = 7\n");
        Path directory = Files.createDirectories(temp.resolve("conf.d"));
        Files.writeString(directory.resolve("10-second.conf"), "[[inputs.static]]\n  measurement = \"second\"\n");
        Files.writeString(directory.resolve("ignored.txt"), "[[inputs.static]]\n  measurement = \"ignored\"\n");

        JtelegrafCli.Result result = cli.run("--test", "--config", agent + "," + input,
                "--config-directory", directory.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout().lines().sorted()).containsExactly(
                "> second,host=h1,source=fixture big=18446744073709551615u,ratio=0.25,text=\"a b\",up=true,value=42i"
                        + " 1700000000000000000",
                "> static,host=h1,source=fixture big=18446744073709551615u,ratio=0.25,text=\"a b\",up=true,value=7i"
                        + " 1700000000000000000");
    }

    @Test
    void pidFileIsNotWrittenInTestOrOnceMode() throws IOException {
        Path pid = temp.resolve("jtelegraf.pid");
        Path config = config("""
                [[inputs.static]]
                [[outputs.capture]]
                  path = "%s"
                """.formatted(temp.resolve("capture.out")));

        JtelegrafCli.Result test = cli.run("--test", "--pidfile", pid.toString(), "--config", config.toString());
        JtelegrafCli.Result once = cli.run("--once", "--pidfile", pid.toString(), "--config", config.toString());

        assertThat(test.exitCode()).as(test.toString()).isZero();
        assertThat(once.exitCode()).as(once.toString()).isZero();
        assertThat(pid).doesNotExist();
    }

    private Path config(String plugins) throws IOException {
        return Files.writeString(temp.resolve("jtelegraf.conf"), "[agent]\n  hostname = \"h1\"\n\n" + plugins);
    }
}
