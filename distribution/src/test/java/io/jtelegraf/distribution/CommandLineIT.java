package io.jtelegraf.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The installed command line: version, plugin list and errors, from bin/jtelegraf itself. */
class CommandLineIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final Path jtelegraf = JtelegrafProcess.distribution().resolve("bin/jtelegraf");

    @Test
    void versionFlagPrintsTheVersion() throws Exception {
        JtelegrafProcess.Result result = JtelegrafProcess.run(jtelegraf, TIMEOUT, Map.of(), "--version");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).startsWith("jtelegraf " + System.getProperty("jtelegraf.version") + " ");
    }

    @Test
    void singleDashFlagsWorkAsInTelegraf() throws Exception {
        JtelegrafProcess.Result result = JtelegrafProcess.run(jtelegraf, TIMEOUT, Map.of(), "-version");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).startsWith("jtelegraf ");
    }

    @Test
    void pluginsListsTheBundledPluginsInTelegrafsFormat() throws Exception {
        JtelegrafProcess.Result result = JtelegrafProcess.run(jtelegraf, TIMEOUT, Map.of(), "plugins");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout().lines()).containsSubsequence("inputs.internal", "inputs.ipvs", "outputs.file",
                "outputs.influxdb", "outputs.influxdb_v2");
    }

    @Test
    void anUnknownFlagIsOneReadableErrorLineAndExitCodeOne() throws Exception {
        JtelegrafProcess.Result result = JtelegrafProcess.run(jtelegraf, TIMEOUT, Map.of(), "--no-such-flag");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains(" E! ").contains("--no-such-flag").doesNotContain("\tat ");
    }
}
