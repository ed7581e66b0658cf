package io.jtelegraf.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The subcommands are added to the parser only when the arguments may use them; help and
 * errors read the same as with them always present.
 */
class LazySubcommandsTest {

    @ParameterizedTest
    @ValueSource(strings = {"version", "plugins", "config", "--help", "-help", "-h", "-hv", "@more-arguments.txt"})
    void anArgumentThatMayUseASubcommandAddsThem(String argument) {
        assertThat(Subcommands.neededFor("--debug", argument)).isTrue();
    }

    @Test
    void aRunWithoutSubcommandWordsDoesNotNeedThem() {
        assertThat(Subcommands.neededFor("--test", "--config", "/etc/jtelegraf/jtelegraf.conf", "--test-wait", "2")).isFalse();
        assertThat(Subcommands.neededFor()).isFalse();
    }

    @Test
    void aSubcommandNameAsAnOptionValueStillAddsThemSoTheParseIsUnchanged() {
        assertThat(Subcommands.neededFor("--config", "config")).isTrue();
    }

    @Test
    void addedSubcommandsAreListedInHelpInTheirOrder() {
        CommandLine commandLine = new CommandLine(new JtelegrafCommand());

        Subcommands.addTo(commandLine);

        assertThat(commandLine.getSubcommands().keySet()).containsExactly("version", "plugins", "config");
        assertThat(commandLine.getSubcommands().get("config").getSubcommands().keySet()).containsExactly("create", "check");
    }

    @Test
    void helpListsTheSubcommands() {
        JtelegrafCli.Result result = JtelegrafCli.runExactly("--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("Commands:").containsSubsequence("version", "plugins", "config");
    }

    @Test
    void anUnknownWordWithoutSubcommandsIsStillAnUnknownCommand() {
        JtelegrafCli.Result result = JtelegrafCli.runExactly("--debug", "frobnicate");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("unknown command \"frobnicate\" (see `jtelegraf --help`)");
    }
}
