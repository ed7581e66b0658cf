package io.jtelegraf.agent.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes config files into a temporary directory and loads them with a fixed environment. */
final class ConfigFiles {
    static final String HOST = "testhost";

    private final Path dir;

    ConfigFiles(Path dir) {
        this.dir = dir;
    }

    Path write(String relative, String content) {
        Path file = dir.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    Path dir() {
        return dir;
    }

    /** Options with no environment, default locations inside the temp dir, host "testhost". */
    LoadOptions.Builder options() {
        return LoadOptions.builder()
                .environment(Map.of())
                .defaultLocations(DefaultConfigLocations.under(dir.resolve("home"), dir.resolve("etc")))
                .hostname(() -> HOST);
    }

    LoadedConfig load(Path file) {
        return ConfigLoader.load(options().configs(List.of(file.toString())).build());
    }

    LoadedConfig load(Path file, Map<String, String> environment) {
        return ConfigLoader.load(options().configs(List.of(file.toString())).environment(environment).build());
    }

    /** Writes {@code content} to {@code jtelegraf.conf} and loads it. */
    LoadedConfig loadText(String content) {
        return load(write("jtelegraf.conf", content));
    }
}
