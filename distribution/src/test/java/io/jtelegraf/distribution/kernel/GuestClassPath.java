package io.jtelegraf.distribution.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Gives the guest's JVMs a class path of their own: a copy of every entry of the test class path
 * in one folder of the build directory.
 *
 * <p>Why a copy: the guest's unprivileged user (uid 65534) sees the host's files with the host's
 * permissions, and Maven's local repository usually sits below a home folder only its owner may
 * enter; and a build of the same module running meanwhile (a second {@code mvn test} in the same checkout,
 * an IDE) rewrites {@code target/classes} and {@code target/test-classes} under a running guest.
 */
final class GuestClassPath {

    private GuestClassPath() {
    }

    /** Copies each entry of {@code classPath} into {@code dir} (made anew) and returns the new path. */
    static String copy(String classPath, Path dir) throws IOException {
        RealKernelSuite.deleteTree(dir);
        Files.createDirectories(dir);
        List<String> entries = new ArrayList<>();
        int index = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path source = Path.of(entry).toAbsolutePath();
            if (entry.isEmpty() || !Files.exists(source)) {
                continue;
            }
            Path target = dir.resolve((index++) + "-" + source.getFileName());
            if (Files.isDirectory(source)) {
                copyTree(source, target);
            } else {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
            entries.add(target.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
