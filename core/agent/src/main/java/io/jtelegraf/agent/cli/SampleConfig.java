package io.jtelegraf.agent.cli;

import io.jtelegraf.agent.plugins.PluginRegistry;
import io.jtelegraf.spi.InputFactory;
import java.util.List;
import java.util.Set;

/**
 * The full sample configuration printed by {@code jtelegraf config}, built from every
 * discovered plugin's sample.conf. As in Telegraf, the default plugins are printed active and
 * every other plugin commented out line by line.
 */
final class SampleConfig {
    /** Active in a generated config: what a load balancer needs, and Telegraf's default output. */
    private static final Set<String> DEFAULT_PLUGINS = Set.of("inputs.ipvs", "outputs.influxdb");

    private SampleConfig() {
    }

    static String render(PluginRegistry registry, List<String> inputFilter, List<String> outputFilter) {
        StringBuilder out = new StringBuilder();
        out.append(InputFactory.SampleConfigs.read(SampleConfig.class, "header.conf"));
        out.append(InputFactory.SampleConfigs.read(SampleConfig.class, "agent.conf"));
        out.append("\n###############################################################################\n")
                .append("#                            OUTPUT PLUGINS                                   #\n")
                .append("###############################################################################\n\n");
        registry.outputs().forEach((name, registered) -> {
            if (outputFilter.isEmpty() || outputFilter.contains(name)) {
                appendPlugin(out, "outputs." + name, registered.factory().sampleConfig());
            }
        });
        out.append("\n###############################################################################\n")
                .append("#                            INPUT PLUGINS                                    #\n")
                .append("###############################################################################\n\n");
        registry.inputs().forEach((name, registered) -> {
            if (inputFilter.isEmpty() || inputFilter.contains(name)) {
                appendPlugin(out, "inputs." + name, registered.factory().sampleConfig());
            }
        });
        return out.toString();
    }

    private static void appendPlugin(StringBuilder out, String id, String sample) {
        boolean active = DEFAULT_PLUGINS.contains(id);
        for (String line : sample.strip().split("\n", -1)) {
            if (active) {
                out.append(line);
            } else {
                out.append(line.isEmpty() ? "#" : "# " + line);
            }
            out.append('\n');
        }
        out.append('\n');
    }
}
