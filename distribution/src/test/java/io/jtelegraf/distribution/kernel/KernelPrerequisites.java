package io.jtelegraf.distribution.kernel;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks the host programs the User-Mode Linux harness needs, and names the Debian package for
 * each one that is missing.
 */
final class KernelPrerequisites {
    static final String INSTALL_HINT =
            "apt-get install -y user-mode-linux ipvsadm kmod iproute2 (util-linux and perl-base are always present)";

    private KernelPrerequisites() {
    }

    /** What is missing, as readable items; empty when the harness can boot. */
    static List<String> missing() {
        List<String> missing = new ArrayList<>();
        String kernel = System.getenv("UML_KERNEL");
        if (kernel != null ? !Files.isExecutable(Path.of(kernel)) : findOnPath("linux.uml").isEmpty()) {
            missing.add("linux.uml (package user-mode-linux)");
        }
        if (!hasModules(Path.of(Optional.ofNullable(System.getenv("UML_MODULES_DIR")).orElse("/usr/lib/uml/modules")))) {
            missing.add("UML kernel modules under /usr/lib/uml/modules (package user-mode-linux)");
        }
        requireProgram(missing, "ipvsadm", "ipvsadm");
        requireProgram(missing, "modprobe", "kmod");
        requireProgram(missing, "ip", "iproute2");
        requireProgram(missing, "genl", "iproute2");
        requireProgram(missing, "setpriv", "util-linux");
        requireProgram(missing, "perl", "perl-base");
        return missing;
    }

    private static void requireProgram(List<String> missing, String program, String debianPackage) {
        if (findOnPath(program).isEmpty()) {
            missing.add(program + " (package " + debianPackage + ")");
        }
    }

    private static boolean hasModules(Path modulesDir) {
        if (!Files.isDirectory(modulesDir)) {
            return false;
        }
        try (Stream<Path> versions = Files.list(modulesDir)) {
            return versions.anyMatch(version -> Files.isRegularFile(version.resolve("modules.dep")));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The program on PATH or in the sbin folders (which a non-root PATH often lacks). */
    static Optional<Path> findOnPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + ":/usr/sbin:/sbin:/usr/bin:/bin";
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
