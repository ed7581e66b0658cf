package io.jtelegraf.agent.config;

import io.jtelegraf.spi.ConfigException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Decides which config files are loaded and in which order (spec 1.1): every {@code --config}
 * value in order, then every {@code --config-directory} walked recursively in lexical order, and
 * only when that yields nothing, the default locations.
 */
final class ConfigFileLocator {
    private static final Pattern URL = Pattern.compile("^\\w+://");

    /** The files to load, plus warnings about entries that could not be read. */
    record Located(List<Path> files, List<String> warnings) {
    }

    private ConfigFileLocator() {
    }

    static Located locate(List<String> configs, List<String> directories, Map<String, String> environment,
            DefaultConfigLocations defaults) {
        List<Path> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String value : configs) {
            for (String config : value.split(",")) {
                if (config.isEmpty()) {
                    continue;
                }
                rejectUrl("--config " + config, config);
                files.add(Path.of(config));
            }
        }
        for (String directory : directories) {
            Path root = Path.of(directory);
            if (!Files.isDirectory(root)) {
                throw new ConfigException("--config-directory " + directory + ": not a readable directory");
            }
            walk(root, files, warnings, true);
        }
        if (files.isEmpty()) {
            files.addAll(defaultFiles(environment, defaults, warnings));
        }
        return new Located(List.copyOf(files), List.copyOf(warnings));
    }

    private static void rejectUrl(String what, String value) {
        if (URL.matcher(value).find()) {
            throw new ConfigException(what + ": jtelegraf does not support remote configs;"
                    + " download the file and pass its path instead");
        }
    }

    private static List<Path> defaultFiles(Map<String, String> environment, DefaultConfigLocations defaults,
            List<String> warnings) {
        String fromEnvironment = environment.getOrDefault(DefaultConfigLocations.CONFIG_PATH_VARIABLE, "");
        if (!fromEnvironment.isEmpty()) {
            rejectUrl("$" + DefaultConfigLocations.CONFIG_PATH_VARIABLE + "=" + fromEnvironment, fromEnvironment);
            if (Files.exists(Path.of(fromEnvironment))) {
                return List.of(Path.of(fromEnvironment));
            }
        }
        if (Files.exists(defaults.homeConfig())) {
            return List.of(defaults.homeConfig());
        }
        List<Path> files = new ArrayList<>();
        if (Files.exists(defaults.etcConfig())) {
            files.add(defaults.etcConfig());
        }
        if (Files.exists(defaults.etcDirectory())) {
            try {
                walk(defaults.etcDirectory(), files, warnings, true);
            } catch (ConfigException e) {
                warnings.add(e.getMessage());
            }
        }
        if (files.isEmpty()) {
            throw new ConfigException("no config file specified, and could not find one in $"
                    + DefaultConfigLocations.CONFIG_PATH_VARIABLE + ", " + displayHome(defaults.homeConfig())
                    + ", or " + defaults.etcConfig());
        }
        return files;
    }

    private static String displayHome(Path homeConfig) {
        Path relative = homeConfig.getParent() == null ? homeConfig
                : homeConfig.getParent().getFileName().resolve(homeConfig.getFileName());
        return "~/" + relative;
    }

    /**
     * Go's filepath.Walk order: entries sorted by name, a sub-directory visited where it sorts.
     * Symbolic links to directories are not followed (so Kubernetes' {@code ..data} link is not
     * walked twice); sub-directories whose name starts with {@code ..} are skipped.
     */
    private static void walk(Path directory, List<Path> files, List<String> warnings, boolean root) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(directory)) {
            entries = list.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException | SecurityException e) {
            if (root) {
                throw new ConfigException("--config-directory " + directory + ": cannot read the directory: "
                        + describe(e));
            }
            warnings.add(directory + ": skipped, jtelegraf is not permitted to read it: " + describe(e));
            return;
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                if (!name.startsWith("..")) {
                    walk(entry, files, warnings, false);
                }
            } else if (name.length() >= 6 && name.endsWith(".conf")) {
                files.add(entry);
            }
        }
    }

    /** A short reason for an I/O failure; NIO's messages are only the path, which we print already. */
    static String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null ? kind : kind + ": " + message;
    }
}
