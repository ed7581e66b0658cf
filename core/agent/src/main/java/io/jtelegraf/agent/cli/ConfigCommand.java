package io.jtelegraf.agent.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code jtelegraf config}: prints the full sample configuration; {@code config create} is the
 * same; {@code config check} loads the configuration and creates every plugin without starting
 * anything, exiting 0 or 1.
 */
@Command(name = "config", description = "Print a full sample configuration.",
        subcommands = {ConfigCommand.Create.class, ConfigCheckCommand.class})
final class ConfigCommand implements Callable<Integer> {
    @Mixin
    RunOptions options = new RunOptions();

    @Override
    public Integer call() {
        return print(options);
    }

    int print(RunOptions runOptions) {
        System.out.print(SampleConfig.render(InstalledPlugins.discover(runOptions.pluginDirectory),
                RunOptions.names(runOptions.inputFilter), RunOptions.names(runOptions.outputFilter)));
        System.out.flush();
        return 0;
    }

    /** {@code config create}: Telegraf's alias of {@code config}. */
    @Command(name = "create", description = "Print a full sample configuration.")
    static final class Create implements Callable<Integer> {
        @Mixin
        RunOptions options = new RunOptions();

        @Override
        public Integer call() {
            return new ConfigCommand().print(options);
        }
    }
}
