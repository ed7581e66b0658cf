package io.jtelegraf.agent.cli;

import io.jtelegraf.agent.plugins.PluginRegistry;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jtelegraf plugins [inputs|outputs] [--verbose]}: Telegraf's sorted list of
 * {@code inputs.x} and {@code outputs.y} lines; {@code --verbose} adds where each plugin was
 * loaded from and its version.
 */
@Command(name = "plugins", description = "List the available plugins.")
final class PluginsCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "inputs|outputs", description = "Only this kind of plugin.")
    String kind = "";

    @Option(names = {"--verbose", "-verbose", "-v"}, description = "Also print each plugin's folder and version.")
    boolean verbose;

    @Option(names = {"--deprecated", "-deprecated"}, description = "Accepted for Telegraf compatibility; none are deprecated.")
    boolean deprecated;

    @Option(names = {"--plugin-directory", "-plugin-directory"}, hidden = true)
    String pluginDirectory = "";

    @Override
    public Integer call() {
        if (!kind.isEmpty() && !kind.equals("inputs") && !kind.equals("outputs")) {
            throw new AgentFailure("unknown plugin kind \"" + kind + "\"; jtelegraf has inputs and outputs");
        }
        if (deprecated) {
            return 0;
        }
        PluginRegistry registry = InstalledPlugins.discover(pluginDirectory);
        PrintStream out = System.out;
        if (!kind.equals("outputs")) {
            print(out, "inputs", registry.inputs());
        }
        if (!kind.equals("inputs")) {
            print(out, "outputs", registry.outputs());
        }
        out.flush();
        return 0;
    }

    private void print(PrintStream out, String section, Map<String, ? extends PluginRegistry.Registered<?>> plugins) {
        plugins.forEach((name, registered) -> {
            if (verbose) {
                String version = registered.version().isEmpty() ? "-" : registered.version();
                out.println(section + "." + name + "\t" + version + "\t" + registered.origin());
            } else {
                out.println(section + "." + name);
            }
        });
    }
}
