package io.jtelegraf.agent.plugins;

import io.jtelegraf.spi.ConfigException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds plugin folders ({@code plugins/<name>/*.jar}) and makes one class loader per folder.
 * Loaders are created once per process and reused across SIGHUP reloads: a reload that made new
 * loaders would load jffi's native stub a second time, which the JVM refuses.
 */
public final class PluginFolders {
    private static final Map<Path, PluginClassLoader> LOADERS = new ConcurrentHashMap<>();

    private PluginFolders() {
    }

    /** A folder with the class loader of its jars. */
    public record Folder(Path path, ClassLoader loader) {
    }

    /**
     * The plugin folders under {@code root}, in name order, each with its class loader.
     *
     * @throws ConfigException when {@code root} or a folder in it is writable by users other
     *     than its owner, or a folder holds no jar
     */
    public static List<Folder> load(Path root, ClassLoader agentLoader) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        refuseWritableByOthers(root);
        List<Folder> folders = new ArrayList<>();
        for (Path folder : subfolders(root)) {
            refuseWritableByOthers(folder);
            Path key = folder.toAbsolutePath().normalize();
            PluginClassLoader loader = LOADERS.computeIfAbsent(key, path -> new PluginClassLoader(path, jars(path), agentLoader));
            folders.add(new Folder(key, loader));
        }
        return folders;
    }

    private static List<Path> subfolders(Path root) {
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    folders.add(entry);
                }
            }
        } catch (IOException e) {
            throw new ConfigException("plugin folder " + root + ": cannot list it: " + e.getMessage(), e);
        }
        Collections.sort(folders);
        return folders;
    }

    private static URL[] jars(Path folder) {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().endsWith(".jar")) {
                    jars.add(entry);
                }
            }
        } catch (IOException e) {
            throw new ConfigException("plugin folder " + folder + ": cannot list it: " + e.getMessage(), e);
        }
        Collections.sort(jars);
        if (jars.isEmpty()) {
            throw new ConfigException("plugin folder " + folder + ": holds no .jar file");
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new ConfigException("plugin folder " + folder + ": bad jar path " + jars.get(i), e);
            }
        }
        return urls;
    }

    /**
     * Code in a folder that others can write would run with the agent's capabilities, so such a
     * folder is refused rather than warned about.
     */
    static void refuseWritableByOthers(Path path) {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, PosixFileAttributes.class);
        } catch (UnsupportedOperationException e) {
            return;
        } catch (IOException e) {
            throw new ConfigException("plugin folder " + path + ": cannot read its permissions: " + e.getMessage(), e);
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.contains(PosixFilePermission.OTHERS_WRITE) || permissions.contains(PosixFilePermission.GROUP_WRITE)) {
            throw new ConfigException("plugin folder " + path + " is writable by users other than its owner "
                    + attributes.owner().getName() + "; refusing to load plugins from it (run: chmod go-w " + path + ")");
        }
    }
}
