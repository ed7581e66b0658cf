package io.jtelegraf.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser against the real command tree: Telegraf's (urfave/cli on Go's flag package) rules. */
class CommandLineParserTest {

    private static Invocation<?> parse(String... args) {
        return CommandLineParser.parse(JtelegrafCommand.create(), new RunOptions(), args);
    }

    private static RunOptions runOptions(String... args) {
        Invocation<?> invocation = parse(args);
        assertThat(invocation.options()).isInstanceOf(RunOptions.class);
        return (RunOptions) invocation.options();
    }

    private static String usageError(String... args) {
        try {
            Invocation<?> invocation = parse(args);
            throw new AssertionError("accepted, as " + invocation.path() + ": " + String.join(" ", args));
        } catch (UsageException e) {
            return e.getMessage();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-test", "--test", "-test=true", "--test=true", "--test=1", "--test=T"})
    void aSwitchIsOnInEveryForm(String argument) {
        assertThat(runOptions(argument).test).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--test=false", "-test=0", "--test=F"})
    void aSwitchCanBeTurnedOffWithAValue(String argument) {
        assertThat(runOptions("--test", argument).test).isFalse();
    }

    @Test
    void aSwitchWithAValueGoParsesNotIsRefusedNamingIt() {
        assertThat(usageError("--test=yes"))
                .isEqualTo("invalid boolean value \"yes\" for flag --test (see `jtelegraf --help`)");
    }

    @Test
    void aSwitchNeverTakesTheNextArgumentAsItsValue() {
        assertThat(usageError("--test", "true")).isEqualTo("unknown command \"true\" (see `jtelegraf --help`)");
    }

    @Test
    void aValueFollowsItsFlagInFourForms() {
        assertThat(runOptions("--pidfile", "a").pidfile).isEqualTo("a");
        assertThat(runOptions("-pidfile", "b").pidfile).isEqualTo("b");
        assertThat(runOptions("--pidfile=c").pidfile).isEqualTo("c");
        assertThat(runOptions("-pidfile=d=e").pidfile).as("only the first = separates").isEqualTo("d=e");
    }

    @Test
    void theNextArgumentIsTheValueEvenWhenItLooksLikeAFlag() {
        RunOptions options = runOptions("--pidfile", "--test");

        assertThat(options.pidfile).isEqualTo("--test");
        assertThat(options.test).isFalse();
    }

    @Test
    void aRepeatedFlagKeepsItsLastValue() {
        assertThat(runOptions("--input-filter", "a", "-input-filter=b").inputFilter).isEqualTo("b");
        assertThat(runOptions("--test-wait", "3", "--test-wait=4").testWait).isEqualTo(4);
    }

    @Test
    void configIsRepeatableAndCommaSplitInOrder() {
        RunOptions options = runOptions("--config", "a.conf,b.conf", "-config=c.conf", "--config", "d.conf,");

        assertThat(options.configs).containsExactly("a.conf", "b.conf", "c.conf", "d.conf");
    }

    @Test
    void anEmptyConfigNamesNoFile() {
        assertThat(runOptions("--config=").configs).isEmpty();
    }

    @Test
    void configDirectoryIsRepeatableAndNotSplit() {
        assertThat(runOptions("--config-directory", "/etc/a,b", "-config-directory=/etc/c").configDirectories)
                .containsExactly("/etc/a,b", "/etc/c");
    }

    @Test
    void testWaitIsAWholeNumber() {
        assertThat(runOptions("--test-wait", "7").testWait).isEqualTo(7);
        assertThat(runOptions("-test-wait=12").testWait).isEqualTo(12);
    }

    @Test
    void testWaitIsReadAsGoReadsIntegerFlags() {
        assertThat(runOptions("--test-wait", "010").testWait).as("a leading zero is octal").isEqualTo(8);
        assertThat(runOptions("--test-wait=0x10").testWait).isEqualTo(16);
        assertThat(runOptions("--test-wait", "1_0").testWait).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "1.5", "", "08", "0x"})
    void aTestWaitThatIsNoWholeNumberIsNamed(String value) {
        assertThat(usageError("--test", "--test-wait=" + value)).isEqualTo(
                "invalid value \"" + value + "\" for flag --test-wait: not a whole number (see `jtelegraf --help`)");
    }

    @Test
    void aTestWaitBeyondAnIntIsOutOfRange() {
        assertThat(usageError("--test-wait", "99999999999")).isEqualTo(
                "invalid value \"99999999999\" for flag --test-wait: out of range (see `jtelegraf --help`)");
    }

    @Test
    void aMissingValueNamesTheFlagAsTyped() {
        assertThat(usageError("--test", "-config")).isEqualTo("flag needs an argument: -config (see `jtelegraf --help`)");
        assertThat(usageError("--test-wait")).isEqualTo("flag needs an argument: --test-wait (see `jtelegraf --help`)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "-bogus", "---test", "-hv"})
    void anUnknownFlagIsNamedAsTyped(String flag) {
        assertThat(usageError("--test", flag)).isEqualTo("flag provided but not defined: " + flag
                + " (see `jtelegraf --help`)");
    }

    @Test
    void anUnknownFlagWithAValueIsNamedWithoutIt() {
        assertThat(usageError("--bogus=1")).isEqualTo("flag provided but not defined: --bogus (see `jtelegraf --help`)");
    }

    @Test
    void aLoneDashIsAWord() {
        assertThat(usageError("-")).isEqualTo("unknown command \"-\" (see `jtelegraf --help`)");
    }

    @Test
    void argumentFilesAreNotExpanded() {
        assertThat(usageError("@args.txt")).isEqualTo("unknown command \"@args.txt\" (see `jtelegraf --help`)");
    }

    @Test
    void doubleDashEndsTheFlags() {
        assertThat(usageError("--test", "--", "--config", "x.conf"))
                .isEqualTo("unknown command \"--config\" (see `jtelegraf --help`)");
    }

    @Test
    void aSubcommandNameAfterDoubleDashIsStillASubcommandWithFlagsOfItsOwn() {
        Invocation<?> invocation = parse("--", "config", "check", "--config", "x.conf");

        assertThat(invocation.path()).isEqualTo("jtelegraf config check");
        assertThat(((RunOptions) invocation.options()).configs).containsExactly("x.conf");
    }

    @Test
    void withoutWordsTheRootCommandRuns() {
        Invocation<?> invocation = parse("--test", "--config", "a.conf");

        assertThat(invocation.path()).isEqualTo("jtelegraf");
        assertThat(invocation.helpRequested()).isFalse();
    }

    @Test
    void aSubcommandReadsItsOwnFlagsAfterItsName() {
        Invocation<?> invocation = parse("config", "check", "--config", "x.conf", "--input-filter=a:b");

        assertThat(invocation.path()).isEqualTo("jtelegraf config check");
        RunOptions options = (RunOptions) invocation.options();
        assertThat(options.configs).containsExactly("x.conf");
        assertThat(options.inputFilter).isEqualTo("a:b");
    }

    @Test
    void flagsBeforeASubcommandCountForItAsInTelegraf() {
        Invocation<?> invocation = parse("--config", "x.conf", "config", "check", "--config", "y.conf");

        assertThat(((RunOptions) invocation.options()).configs).containsExactly("x.conf", "y.conf");
    }

    @Test
    void aRootOnlyFlagIsUnknownToASubcommand() {
        assertThat(usageError("config", "--version"))
                .isEqualTo("flag provided but not defined: --version (see `jtelegraf config --help`)");
    }

    @Test
    void aLeftoverWordPointsToTheHelpOfTheCommandBeingRead() {
        assertThat(usageError("version", "extra")).isEqualTo("unknown command \"extra\" (see `jtelegraf version --help`)");
        assertThat(usageError("plugins", "inputs", "outputs"))
                .isEqualTo("unknown command \"outputs\" (see `jtelegraf plugins inputs --help`)");
    }

    @Test
    void anErrorInASubcommandsValuePointsToItsHelp() {
        assertThat(usageError("config", "check", "--test-wait", "x"))
                .isEqualTo("invalid value \"x\" for flag --test-wait: not a whole number (see `jtelegraf config check --help`)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-h", "-help", "--help", "--h"})
    void everyHelpFormAsksForTheRootsHelp(String help) {
        Invocation<?> invocation = parse("--test", help);

        assertThat(invocation.helpRequested()).isTrue();
        assertThat(invocation.path()).isEqualTo("jtelegraf");
    }

    @Test
    void helpAsksForTheHelpOfTheCommandBeingRead() {
        assertThat(parse("config", "check", "--help").path()).isEqualTo("jtelegraf config check");
        assertThat(parse("plugins", "-h").path()).isEqualTo("jtelegraf plugins");
        assertThat(parse("--help", "config").path()).as("help before the word: the root's").isEqualTo("jtelegraf");
    }

    @Test
    void theHelpCommandShowsTheHelpOfItsCommandOrOfTheSubcommandNamed() {
        assertThat(parse("help").path()).isEqualTo("jtelegraf");
        assertThat(parse("help").helpRequested()).isTrue();
        assertThat(parse("help", "config").path()).isEqualTo("jtelegraf config");
        assertThat(parse("help", "config").helpRequested()).isTrue();
        assertThat(parse("config", "help").path()).isEqualTo("jtelegraf config");
        assertThat(parse("config", "help", "check").path()).isEqualTo("jtelegraf config check");
        assertThat(parse("--debug", "plugins", "help", "inputs").path()).isEqualTo("jtelegraf plugins inputs");
    }

    @Test
    void theHelpCommandNamesWhatItHasNoTopicFor() {
        assertThat(usageError("help", "bogus")).isEqualTo("no help topic for \"bogus\" (see `jtelegraf --help`)");
        assertThat(usageError("help", "config", "check"))
                .isEqualTo("no help topic for \"config check\" (see `jtelegraf --help`)");
        // A command without subcommands takes no words, "help" included, as before.
        assertThat(usageError("version", "help")).isEqualTo("unknown command \"help\" (see `jtelegraf version --help`)");
    }

    @Test
    void helpEndsTheParseSoLaterMistakesDoNotHideIt() {
        assertThat(parse("--help", "--bogus").helpRequested()).isTrue();
    }

    @Test
    void mistakesBeforeHelpAreReported() {
        assertThat(usageError("--bogus", "--help")).startsWith("flag provided but not defined: --bogus");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--test", "--once", "--config x.conf", "--test --test-wait 2", ""})
    void theAgentRunsWithoutASubcommandHelpVersionOrSampleConfig(String arguments) {
        Command<RunOptions> root = JtelegrafCommand.create();
        String[] args = arguments.isEmpty() ? new String[0] : arguments.split(" ");
        assertThat(JtelegrafCommand.runsAgent(CommandLineParser.parse(root, new RunOptions(), args), root)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "--test --help", "--version --test", "--sample-config", "config check",
        "plugins", "version"})
    void otherCommandsDoNotRunTheAgent(String arguments) {
        Command<RunOptions> root = JtelegrafCommand.create();
        assertThat(JtelegrafCommand.runsAgent(CommandLineParser.parse(root, new RunOptions(), arguments.split(" ")), root))
                .isFalse();
    }
}
