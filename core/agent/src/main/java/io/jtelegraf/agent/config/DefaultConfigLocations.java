package io.jtelegraf.agent.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where jtelegraf looks for its configuration when neither {@code --config} nor
 * {@code --config-directory} yields a file (spec 1.1, with jtelegraf's own names, never
 * Telegraf's files): first {@code $JTELEGRAF_CONFIG_PATH}, then {@link #homeConfig}, then
 * {@link #etcConfig} together with every {@code *.conf} under {@link #etcDirectory}.
 *
 * @param homeConfig normally {@code ~/.jtelegraf/jtelegraf.conf}
 * @param etcConfig normally {@code /etc/jtelegraf/jtelegraf.conf}
 * @param etcDirectory normally {@code /etc/jtelegraf/jtelegraf.d}
 */
public record DefaultConfigLocations(Path homeConfig, Path etcConfig, Path etcDirectory) {

    /** The environment variable naming a config file. */
    public static final String CONFIG_PATH_VARIABLE = "JTELEGRAF_CONFIG_PATH";

    public DefaultConfigLocations {
        Objects.requireNonNull(homeConfig, "homeConfig");
        Objects.requireNonNull(etcConfig, "etcConfig");
        Objects.requireNonNull(etcDirectory, "etcDirectory");
    }

    /** The real locations: {@code $HOME} (else the JVM's user.home) and {@code /etc}. */
    public static DefaultConfigLocations system(Map<String, String> environment) {
        String home = environment.getOrDefault("HOME", System.getProperty("user.home", ""));
        return under(Path.of(home), Path.of("/etc"));
    }

    /** The layout below another home and etc directory, for tests and relocated installs. */
    public static DefaultConfigLocations under(Path home, Path etc) {
        return new DefaultConfigLocations(home.resolve(".jtelegraf").resolve("jtelegraf.conf"),
                etc.resolve("jtelegraf").resolve("jtelegraf.conf"), etc.resolve("jtelegraf").resolve("jtelegraf.d"));
    }
}
