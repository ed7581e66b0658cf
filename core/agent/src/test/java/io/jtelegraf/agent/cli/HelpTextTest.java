package io.jtelegraf.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help, made from the same flag tables the parser reads, for the root and every subcommand. */
class HelpTextTest {

    @Test
    void rootHelpListsTheSubcommandsInOrderAndEveryVisibleFlagOnce() {
        JtelegrafCli.Result result = JtelegrafCli.runExactly("--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).isEmpty();
        String help = result.stdout();
        assertThat(help).startsWith("Usage: jtelegraf [flags] [command]\n")
                .contains("Commands:\n  version  Print the version and exit.\n  plugins  List the available plugins.\n"
                        + "  config   Print a full sample configuration.\n");
        for (Flag<RunOptions> flag : JtelegrafCommand.create().flags()) {
            String name = "--" + flag.names().get(0);
            String nameInHelp = "  " + name + (flag.takesValue() ? " " + flag.valueLabel() : "");
            if (flag.isHidden()) {
                assertThat(help).doesNotContain(name);
            } else {
                assertThat(help.lines().filter(line -> line.startsWith(nameInHelp + " "))).as(name).hasSize(1);
            }
        }
        assertThat(help).contains("  --test-wait SECONDS  ").contains("  -h, --help  ");
    }

    @Test
    void helpLinesFitEightyColumns() {
        List<String> helps = List.of(JtelegrafCli.runExactly("--help").stdout(),
                JtelegrafCli.runExactly("config", "check", "--help").stdout(),
                JtelegrafCli.runExactly("plugins", "--help").stdout());

        assertThat(helps).allSatisfy(help -> assertThat(help.lines()).isNotEmpty()
                .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80)));
    }

    @Test
    void aLongHelpTextWrapsUnderItsColumn() {
        String help = JtelegrafCli.runExactly("--help").stdout();

        assertThat(help).containsPattern(
                "\n  --config FILE( +)Configuration file to load \\(repeatable;\n\\1 {15}comma-separated");
    }

    @ParameterizedTest
    @ValueSource(strings = {"version", "plugins", "config"})
    void everySubcommandHasItsHelp(String subcommand) {
        JtelegrafCli.Result result = JtelegrafCli.runExactly(subcommand, "--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).startsWith("Usage: jtelegraf " + subcommand + " [flags]").contains("-h, --help");
    }

    @Test
    void nestedSubcommandsHaveTheirHelpWithTheirFlags() {
        JtelegrafCli.Result check = JtelegrafCli.runExactly("config", "check", "-h");
        JtelegrafCli.Result inputs = JtelegrafCli.runExactly("plugins", "inputs", "-help");

        assertThat(check.stdout()).startsWith("Usage: jtelegraf config check [flags]\n\n"
                + "Check the configuration for errors and exit.\n").contains("--config FILE").doesNotContain("Commands:");
        assertThat(inputs.stdout()).startsWith("Usage: jtelegraf plugins inputs [flags]\n")
                .contains("-v, --verbose").doesNotContain("--plugin-directory");
    }

    @Test
    void configListsItsSubcommands() {
        String help = JtelegrafCli.runExactly("config", "--help").stdout();

        assertThat(help).startsWith("Usage: jtelegraf config [flags] [command]\n")
                .containsSubsequence("Commands:", "create", "check", "Flags:", "--config FILE");
    }
}
