package io.jtelegraf.agent.cli;

import io.jtelegraf.agent.plugins.PluginRegistry;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code jtelegraf plugins [inputs|outputs] [--verbose]}: Telegraf's sorted list of
 * {@code inputs.x} and {@code outputs.y} lines; {@code --verbose} adds where each plugin was
 * loaded from and its version. As in Telegraf, {@code inputs} and {@code outputs} are
 * subcommands of {@code plugins}, so their flags may follow them. An instance holds the
 * command's options.
 */
final class PluginsCommand {
    private static final String ALL = "";

    private String kind = ALL;
    private boolean verbose;
    private boolean deprecated;
    private String pluginDirectory;

    /** @param pluginDirectory {@code --plugin-directory} as given before {@code plugins}, or empty */
    PluginsCommand(String pluginDirectory) {
        this.pluginDirectory = pluginDirectory;
    }

    static Command<PluginsCommand> create() {
        Flag.Setter<PluginsCommand> setter = new Fields();
        List<Flag<PluginsCommand>> flags = List.of(
                Flag.toggle(List.of("verbose", "v"), "Also print each plugin's folder and version.", setter),
                Flag.toggle(List.of("deprecated"), "Accepted for Telegraf compatibility; none are deprecated.", setter),
                Flag.text(List.of("plugin-directory"), "DIR", "Folder of plugin folders.", setter).hidden());
        return new Command<>("plugins", "List the available plugins.", flags, PluginsCommand::run)
                .with(new Command<>("inputs", "List the available inputs.", flags, PluginsCommand::run),
                        command -> command.only("inputs"))
                .with(new Command<>("outputs", "List the available outputs.", flags, PluginsCommand::run),
                        command -> command.only("outputs"));
    }

    /** The fields each flag sets, by the flag's first name ({@link Flag.Setter} says why a switch). */
    private static final class Fields implements Flag.Setter<PluginsCommand> {
        @Override
        public void text(PluginsCommand command, String name, String value) {
            if (!name.equals("plugin-directory")) {
                throw Flag.unhandled(name);
            }
            command.pluginDirectory = value;
        }

        @Override
        public void toggle(PluginsCommand command, String name, boolean on) {
            switch (name) {
                case "verbose" -> command.verbose = on;
                case "deprecated" -> command.deprecated = on;
                default -> throw Flag.unhandled(name);
            }
        }
    }

    private PluginsCommand only(String pluginKind) {
        kind = pluginKind;
        return this;
    }

    private int run() {
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
