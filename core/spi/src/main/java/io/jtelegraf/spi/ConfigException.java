package io.jtelegraf.spi;

/**
 * A configuration problem, reported at start-up as one readable line naming the file, the line,
 * the plugin and the key, for example
 * {@code /etc/jtelegraf/jtelegraf.conf:12: plugin inputs.ipvs: key "netns": file does not exist}.
 * Plugins create it with {@link PluginConfig#invalid}, which fills in the location.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
