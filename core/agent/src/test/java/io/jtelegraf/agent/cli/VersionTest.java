package io.jtelegraf.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-version", "version"})
    void everyFormPrintsTheSameVersionLine(String form) {
        JtelegrafCli.Result result = JtelegrafCli.runExactly(form);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo(VersionCommand.text() + "\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void versionLineNamesTheBuildVersionAndTheJava() {
        assertThat(VersionCommand.text()).matches("jtelegraf \\d+\\.\\d+\\.\\d+\\S* \\(java .+\\)");
    }

    @Test
    void theJavaPartIsTheRuntimesOwnVersionText() {
        assertThat(VersionCommand.text()).endsWith(" (java " + Runtime.version() + ")");
    }

    @Test
    void versionWithOtherFlagsStillGoesThroughTheFullParser() {
        JtelegrafCli.Result result = JtelegrafCli.runExactly("--version", "--no-such-flag");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("flag provided but not defined: --no-such-flag");
    }
}
