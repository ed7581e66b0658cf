package io.jtelegraf.spi;

/**
 * Creates instances of one output plugin. Found through {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/io.jtelegraf.spi.OutputFactory}. It needs a public
 * no-argument constructor. One plugin artifact may register several factories.
 *
 * <p>Threading: the runtime calls it from one thread at start-up and at reload.
 */
public interface OutputFactory {

    /** The TOML name: {@code influxdb} for {@code [[outputs.influxdb]]}. */
    String name();

    /** The sample configuration; the default reads {@code sample.conf} next to the class. */
    default String sampleConfig() {
        return InputFactory.SampleConfigs.read(getClass(), "sample.conf");
    }

    /**
     * Creates one instance from its table.
     *
     * @throws ConfigException for an invalid option, made with {@link PluginConfig#invalid}
     */
    Output create(PluginConfig config, PluginContext context);
}
