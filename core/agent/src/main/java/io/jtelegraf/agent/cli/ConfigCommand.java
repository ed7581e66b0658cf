package io.jtelegraf.agent.cli;

/**
 * {@code jtelegraf config}: prints the full sample configuration; {@code config create} is the
 * same; {@code config check} ({@link ConfigCheckCommand}) loads the configuration and creates
 * every plugin without starting anything, exiting 0 or 1. All three take the run flags, the
 * filters among them; a flag given before {@code config} counts too, as in Telegraf.
 */
final class ConfigCommand {
    private static final String SUMMARY = "Print a full sample configuration.";

    private ConfigCommand() {
    }

    static Command<RunOptions> create() {
        return new Command<>("config", SUMMARY, RunOptions.FLAGS, ConfigCommand::print)
                // Telegraf's alias of `config`.
                .with(new Command<>("create", SUMMARY, RunOptions.FLAGS, ConfigCommand::print))
                .with(new Command<>("check", "Check the configuration for errors and exit.", RunOptions.FLAGS,
                        ConfigCheckCommand::run));
    }

    static int print(RunOptions options) {
        System.out.print(SampleConfig.render(InstalledPlugins.discover(options.pluginDirectory),
                RunOptions.names(options.inputFilter), RunOptions.names(options.outputFilter)));
        System.out.flush();
        return 0;
    }
}
