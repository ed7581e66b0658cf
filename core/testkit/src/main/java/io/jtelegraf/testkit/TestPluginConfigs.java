package io.jtelegraf.testkit;

import io.jtelegraf.agent.config.TomlPluginConfig;
import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.PluginConfig;
import java.util.List;

/**
 * Plugin configurations for tests, read by the runtime's own TOML loader, so a test sees exactly
 * the type errors and unknown-key errors a user would see.
 *
 * <pre>{@code
 * PluginConfig config = TestPluginConfigs.fromToml("outputs.influxdb",
 *         "urls = [\"http://127.0.0.1:8086\"]\ntimeout = \"1s\"");
 * Output output = new InfluxDbOutputFactory().create(config, context);
 * assertThat(TestPluginConfigs.unusedKeys(config)).isEmpty();
 * }</pre>
 *
 * <p>Environment templates such as {@code ${VAR}} resolve against an empty environment, so they
 * stay as written unless they carry a default. Error messages name the source as
 * {@code <pluginId>} and the line within {@code tomlBody}.
 */
public final class TestPluginConfigs {
    private TestPluginConfigs() {
    }

    /**
     * Reads the body of one plugin table (the lines after {@code [[inputs.ipvs]]}).
     *
     * @param pluginId {@code inputs.NAME} or {@code outputs.NAME}
     * @throws ConfigException for invalid TOML or an invalid common option (interval, filters...)
     */
    public static PluginConfig fromToml(String pluginId, String tomlBody) {
        return TomlPluginConfig.fromSnippet(pluginId, tomlBody);
    }

    /**
     * The keys of the table that were not read so far and are not common options, in file order;
     * empty when the plugin consumed its whole table.
     *
     * @throws IllegalArgumentException when {@code config} did not come from {@link #fromToml}
     */
    public static List<String> unusedKeys(PluginConfig config) {
        if (!(config instanceof TomlPluginConfig toml)) {
            throw new IllegalArgumentException("not a config from TestPluginConfigs.fromToml: "
                    + config.getClass().getName());
        }
        return toml.unusedKeys();
    }
}
