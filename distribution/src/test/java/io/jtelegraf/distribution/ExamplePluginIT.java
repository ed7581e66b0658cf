package io.jtelegraf.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example third-party plugin (src/it/example-input, built against the SPI alone) dropped into
 * a plugins folder next to the bundled ones: discovered, listed, sampled, gathered and printed
 * with Telegraf's exact bytes.
 */
class ExamplePluginIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    private final Path jtelegraf = JtelegrafProcess.distribution().resolve("bin/jtelegraf");
    private Path plugins;

    @BeforeEach
    void pluginsFolderWithTheExample() throws IOException {
        plugins = PluginsWithHello.create(temp);
    }

    @Test
    void isListedWithItsFolderAndVersion() throws Exception {
        JtelegrafProcess.Result result = run("plugins", "--verbose");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("inputs.hello\t1.0.0\t" + plugins.resolve("hello").toAbsolutePath());
    }

    @Test
    void itsSampleConfigIsPartOfTheFullSampleConfig() throws Exception {
        JtelegrafProcess.Result result = run("config");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("# [[inputs.hello]]\n#   ## Who to greet");
    }

    @Test
    void testModePrintsTelegrafsTestLines() throws Exception {
        Path config = config("");

        JtelegrafProcess.Result result = run("--test", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("> hello,host=lb1,name=world big=18446744073709551615u,count=1i,"
                + "greeting=\"hello, world\",ratio=0.5,up=true 1700000000000000000\n");
    }

    @Test
    void onceModeWithAStdoutFileOutputPrintsTelegrafsOutputLines() throws Exception {
        Path config = config("""
                [[outputs.file]]
                  files = ["stdout"]
                  data_format = "influx"
                """);

        JtelegrafProcess.Result result = run("--once", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("hello,host=lb1,name=world greeting=\"hello, world\",count=1i,"
                + "ratio=0.5,up=true,big=9223372036854775807i 1700000000000000000\n");
    }

    private Path config(String outputs) throws IOException {
        return Files.writeString(temp.resolve("jtelegraf.conf"), """
                [agent]
                  hostname = "lb1"

                [[inputs.hello]]
                  timestamp = 1700000000
                """ + outputs);
    }

    private JtelegrafProcess.Result run(String... arguments) throws Exception {
        String[] withPlugins = new String[arguments.length + 2];
        System.arraycopy(arguments, 0, withPlugins, 0, arguments.length);
        withPlugins[arguments.length] = "--plugin-directory";
        withPlugins[arguments.length + 1] = plugins.toString();
        return JtelegrafProcess.run(jtelegraf, TIMEOUT, Map.of(), withPlugins);
    }
}
