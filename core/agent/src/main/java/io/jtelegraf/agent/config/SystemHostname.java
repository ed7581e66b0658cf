package io.jtelegraf.agent.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's host name as Go's {@code os.Hostname()} gives it on Linux: the kernel's node
 * name, without a DNS lookup (which {@link InetAddress#getLocalHost()} may do and which could
 * turn it into a fully qualified name).
 */
final class SystemHostname {
    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private SystemHostname() {
    }

    static String get() {
        try {
            String name = Files.readString(KERNEL_HOSTNAME, StandardCharsets.UTF_8).trim();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | SecurityException e) {
            // Not Linux or no procfs: fall back to the JVM's view below.
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "";
        }
    }
}
