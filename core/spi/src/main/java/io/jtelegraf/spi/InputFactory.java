package io.jtelegraf.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Creates instances of one input plugin. Found through {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/io.jtelegraf.spi.InputFactory}. It needs a public
 * no-argument constructor.
 *
 * <p>Threading: the runtime calls it from one thread at start-up and at reload.
 */
public interface InputFactory {

    /** The TOML name: {@code ipvs} for {@code [[inputs.ipvs]]}. */
    String name();

    /**
     * The plugin's sample configuration in Telegraf's sample.conf style ({@code ##} lines are
     * documentation, {@code #} lines commented-out defaults). The default reads the resource
     * {@code sample.conf} next to the factory class.
     */
    default String sampleConfig() {
        return SampleConfigs.read(getClass(), "sample.conf");
    }

    /**
     * Creates one instance from its table.
     *
     * @throws ConfigException for an invalid option, made with {@link PluginConfig#invalid}
     */
    Input create(PluginConfig config, PluginContext context);

    /** Reads sample configuration resources. */
    final class SampleConfigs {
        private SampleConfigs() {
        }

        /** Reads {@code resource} relative to {@code anchor} as UTF-8. */
        public static String read(Class<?> anchor, String resource) {
            try (InputStream in = anchor.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(anchor.getName() + " has no resource " + resource);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
