package io.jtelegraf.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlagSettersTest {

    /** Every flag of every command sets something: a flag whose name has no case in its setter would throw. */
    @Test
    void everyFlagOfTheCommandTreeHasASetter() {
        List<String> applied = new ArrayList<>();
        applyAll(JtelegrafCommand.create(), new RunOptions(), "jtelegraf", applied);
        assertThat(applied).contains("jtelegraf --config", "jtelegraf --test-wait", "jtelegraf --version",
                "jtelegraf plugins --verbose", "jtelegraf plugins inputs --plugin-directory", "jtelegraf config check --once");
    }

    private static <T> void applyAll(Command<T> command, T options, String path, List<String> applied) {
        for (Flag<T> flag : command.flags()) {
            String typed = "--" + flag.names().get(0);
            flag.apply(options, typed, flag.takesValue() ? sampleValue(flag) : null);
            applied.add(path + " " + typed);
        }
        for (Command.Subcommand<T, ?> subcommand : command.subcommands()) {
            applySub(subcommand, options, path, applied);
        }
    }

    private static <P, C> void applySub(Command.Subcommand<P, C> subcommand, P parentOptions, String path,
                                        List<String> applied) {
        Command<C> command = subcommand.command();
        applyAll(command, subcommand.options().apply(parentOptions), path + " " + command.name(), applied);
    }

    private static String sampleValue(Flag<?> flag) {
        return flag.valueLabel().equals("SECONDS") ? "3" : "x";
    }

    @Test
    void theRunFlagsSetTheirFields() {
        RunOptions options = new RunOptions();
        for (Flag<RunOptions> flag : RunOptions.FLAGS) {
            flag.apply(options, "--" + flag.names().get(0), flag.takesValue() ? sampleValue(flag) : null);
        }
        assertThat(options.configs).containsExactly("x");
        assertThat(options.configDirectories).containsExactly("x");
        assertThat(options.testWait).isEqualTo(3);
        assertThat(options.test && options.once && options.debug && options.quiet && options.strictEnv
                && options.nonStrictEnv).isTrue();
        assertThat(List.of(options.inputFilter, options.outputFilter, options.pidfile, options.pluginDirectory))
                .containsOnly("x");
    }

    @Test
    void aNameWithoutACaseIsReportedAsAProgrammingError() {
        Flag<RunOptions> typo = Flag.toggle(List.of("tset"), "misspelt", RunOptions.SETTER);
        assertThatThrownBy(() -> typo.apply(new RunOptions(), "--tset", null))
                .isInstanceOf(IllegalStateException.class).hasMessage("no setter for flag --tset");
    }
}
