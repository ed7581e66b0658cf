package io.jtelegraf.agent.plugins;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin folder. Its parent is the platform loader, so a plugin sees the
 * JDK, its own jars and nothing of the agent's libraries, except the packages it must share with
 * the agent: the SPI (the contract itself) and jnr-ffi/jffi (a native library binds to one class
 * loader per JVM, so the one copy in {@code lib/} serves every plugin).
 */
final class PluginClassLoader extends URLClassLoader {
    /** Class name prefixes loaded from the agent's own class loader. */
    static final List<String> SHARED_PREFIXES = List.of("io.jtelegraf.spi.", "jnr.", "com.kenai.jffi.");

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final ClassLoader agentLoader;
    private final Path folder;

    PluginClassLoader(Path folder, URL[] jars, ClassLoader agentLoader) {
        super("plugin:" + folder.getFileName(), jars, ClassLoader.getPlatformClassLoader());
        this.agentLoader = agentLoader;
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return agentLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        // Child first for resources: a plugin's sample.conf and service files are its own.
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        // Only the plugin's own jars: the platform loader holds no service files of ours, and the
        // agent's service files must not be read again through every plugin loader.
        return findResources(name);
    }

    static boolean isShared(String className) {
        for (String prefix : SHARED_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
