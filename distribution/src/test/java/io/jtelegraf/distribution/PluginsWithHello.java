package io.jtelegraf.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * A plugins folder holding the bundled plugins (linked) and the example {@code hello} input, as
 * a user who drops a third-party jar next to the bundled ones would have it.
 */
final class PluginsWithHello {
    private PluginsWithHello() {
    }

    static Path create(Path parent) throws IOException {
        Path plugins = Files.createDirectories(parent.resolve("plugins"));
        try (Stream<Path> bundled = Files.list(JtelegrafProcess.distribution().resolve("plugins"))) {
            for (Path folder : bundled.toList()) {
                Files.createSymbolicLink(plugins.resolve(folder.getFileName()), folder.toAbsolutePath());
            }
        }
        Path hello = Files.createDirectories(plugins.resolve("hello"));
        Path jar = Path.of(System.getProperty("jtelegraf.example.jar"));
        assertThat(jar).as("the example plugin is built by the invoker plugin").exists();
        Files.copy(jar, hello.resolve(jar.getFileName()));
        // Fixed modes, so the agent's check of plugin folder permissions passes whatever the umask.
        for (Path folder : new Path[] {plugins, hello}) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return plugins;
    }
}
