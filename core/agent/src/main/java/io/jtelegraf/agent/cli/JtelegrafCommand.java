package io.jtelegraf.agent.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The root command: runs the agent, or one of the subcommands (added by {@link Subcommands} when
 * the arguments may use them).
 */
@Command(name = "jtelegraf", description = "A Telegraf-compatible metrics agent for IPVS load balancers.")
final class JtelegrafCommand implements Callable<Integer> {
    @Mixin
    RunOptions options = new RunOptions();

    @Option(names = {"--version", "-version"}, description = "Print the version and exit.")
    boolean version;

    @Option(names = {"--help", "-help", "-h"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"--sample-config", "-sample-config"}, description = "Print a full sample configuration (as `config`).")
    boolean sampleConfig;

    @Override
    public Integer call() throws Exception {
        if (version) {
            System.out.println(VersionCommand.text());
            return 0;
        }
        if (sampleConfig) {
            return new ConfigCommand().print(options);
        }
        return new AgentRunner(options).run();
    }
}
