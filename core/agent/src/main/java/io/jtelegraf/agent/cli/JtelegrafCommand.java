package io.jtelegraf.agent.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The root command: runs the agent with Telegraf's run flags ({@link RunOptions}), or answers
 * {@code --version} and {@code --sample-config}; its subcommands are {@code version},
 * {@code plugins} and {@code config}.
 */
final class JtelegrafCommand {
    static final String NAME = "jtelegraf";

    private JtelegrafCommand() {
    }

    /** The whole command tree, in the order help lists it. Building it loads no more than these few classes. */
    static Command<RunOptions> create() {
        List<Flag<RunOptions>> flags = new ArrayList<>(RunOptions.FLAGS);
        flags.add(Flag.toggle(List.of("sample-config"), "Print a full sample configuration (as `config`).",
                RunOptions.SETTER));
        flags.add(Flag.toggle(List.of("version"), "Print the version and exit.", RunOptions.SETTER));
        return new Command<>(NAME, "A Telegraf-compatible metrics agent for IPVS load balancers.", flags,
                JtelegrafCommand::run)
                .with(VersionCommand.create())
                .with(PluginsCommand.create(), options -> new PluginsCommand(options.pluginDirectory))
                .with(ConfigCommand.create());
    }

    /**
     * Whether {@code invocation} of the tree made by {@link #create()} runs the agent: the root
     * command without help, {@code --version} or {@code --sample-config}.
     */
    static boolean runsAgent(Invocation<?> invocation, Command<RunOptions> root) {
        return invocation.command() == root && !invocation.helpRequested()
                && invocation.options() instanceof RunOptions options && !options.version && !options.sampleConfig;
    }

    private static int run(RunOptions options) throws InterruptedException {
        if (options.version) {
            System.out.println(VersionCommand.text());
            return 0;
        }
        if (options.sampleConfig) {
            return ConfigCommand.print(options);
        }
        return new AgentRunner(options).run();
    }
}
