package io.jtelegraf.distribution.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One boot of the User-Mode Linux guest that runs every real-kernel scenario
 * ({@code kernel/suite.sh}) and leaves its results in {@code target/ipvs-kernel/out}. The boot
 * costs about a minute, so all test classes of this package share it: the first one to ask boots
 * the guest, the others read the same files.
 */
final class RealKernelSuite {
    /** Services beyond the showcase table: enough for the service dump to span several messages. */
    static final int BULK_SERVICES = 300;
    private static final long BOOT_TIMEOUT_SECONDS = 900;
    private static RealKernelSuite instance;
    private static String bootFailure;

    private final Path out;
    private final boolean distributionPresent;

    private RealKernelSuite(Path out, boolean distributionPresent) {
        this.out = out;
        this.distributionPresent = distributionPresent;
    }

    /** The suite's results; boots the guest on first use, skips or fails when it cannot. */
    static synchronized RealKernelSuite get() {
        List<String> missing = KernelPrerequisites.missing();
        if (!missing.isEmpty()) {
            MissingPrerequisite.skipOrFail("missing " + String.join(", ", missing) + "; install with: "
                    + KernelPrerequisites.INSTALL_HINT);
        }
        if (bootFailure != null) {
            throw new AssertionError(bootFailure);
        }
        if (instance == null) {
            try {
                instance = boot();
            } catch (AssertionError e) {
                bootFailure = e.getMessage();
                throw e;
            }
        }
        return instance;
    }

    GuestRun run(String name) {
        return new GuestRun(out.resolve(name));
    }

    Path out() {
        return out;
    }

    boolean distributionPresent() {
        return distributionPresent;
    }

    /** The snapshot taken right after the traffic stopped, with ipvsadm alone. */
    IpvsadmSnapshot harnessSnapshot() {
        return IpvsadmTextParser.read(out.resolve("harness/snapshot"));
    }

    /** Skips (fails under CI=true) when the guest could not find the plugin's factory. */
    void requirePlugin() {
        GuestRun probe = run("probe-root");
        if (probe.exists() && probe.exitStatus() == GuestProbeMain.EXIT_NO_FACTORY) {
            MissingPrerequisite.skipOrFail("the ipvs input is not built yet: no io.jtelegraf.spi.InputFactory named"
                    + " \"ipvs\" on the test class path (" + probe.stderr().trim() + ")");
        }
    }

    /** Skips (fails under CI=true) when distribution/target/jtelegraf/bin/jtelegraf was not built. */
    void requireDistribution() {
        if (!distributionPresent) {
            MissingPrerequisite.skipOrFail("the agent distribution is not built: " + distributionHome()
                    + "/bin/jtelegraf is missing; build it from the repository root with: mvn -B package -DskipTests");
        }
    }

    /** The distribution module, whose integration tests these are (they run after packaging). */
    private static Path moduleDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /** The real-kernel harness scripts live with the module they serve. */
    private static Path harnessDir() {
        return moduleDir().resolveSibling("inputs-ipvs").resolve("uml");
    }

    /** The built agent: JTELEGRAF_HOME when set (as try-it.sh reads it), else the build's output. */
    static Path distributionHome() {
        String home = System.getenv("JTELEGRAF_HOME");
        return home != null && !home.isBlank()
                ? Path.of(home).toAbsolutePath()
                : moduleDir().resolve("target/jtelegraf");
    }

    private static RealKernelSuite boot() {
        Path module = moduleDir();
        Path dist = distributionHome();
        boolean distributionPresent = Files.isExecutable(dist.resolve("bin/jtelegraf"));
        try {
            Path base = runDirectory(module.resolve("target/ipvs-kernel"));
            Path work = base.resolve("work");
            Path out = base.resolve("out");
            deleteTree(out);
            Files.createDirectories(out);
            Path probeArgs = base.resolve("probe-classpath.args");
            String classPath = GuestClassPath.copy(testClassPath(), base.resolve("classpath"));
            Files.writeString(probeArgs, "-cp \"" + classPath.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n");
            Path log = base.resolve("boot.log");
            List<String> command = new ArrayList<>(List.of("bash", harnessDir().resolve("boot.sh").toString(),
                    "-w", work.toString(), "-s", suiteScript().toString(), "-t", Long.toString(BOOT_TIMEOUT_SECONDS),
                    "SUITE_OUT=" + out, "PROBE_ARGS=" + probeArgs,
                    "JAVA_BIN=" + Path.of(System.getProperty("java.home"), "bin", "java"),
                    "DIST_HOME=" + (distributionPresent ? dist.toString() : "none"),
                    "BULK=" + BULK_SERVICES));
            System.out.println("[real-kernel] booting the User-Mode Linux guest: " + String.join(" ", command));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(BOOT_TIMEOUT_SECONDS + 60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the guest did not finish within " + BOOT_TIMEOUT_SECONDS + " s; see "
                        + work.resolve("guest.log"));
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("the guest suite failed (boot.sh exit " + process.exitValue() + "):\n"
                        + Files.readString(log) + "\nlast lines of " + work.resolve("guest.log") + ":\n"
                        + tail(work.resolve("guest.log"), 40));
            }
            System.out.println("[real-kernel] timing (seconds): " + Files.readString(work.resolve("boot-timing.txt")).trim()
                    + " " + Files.readString(out.resolve("timing.txt")).trim().replace('\n', ' '));
            return new RealKernelSuite(out, distributionPresent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the guest ran", e);
        }
    }

    /**
     * A folder of this test JVM's own below {@code parent}, so that two builds of the module at the
     * same time (parallel work in one checkout) boot separate guests without touching each other's
     * files. Folders of JVMs that have ended are removed; the newest results stay for reading.
     */
    private static Path runDirectory(Path parent) throws IOException {
        Files.createDirectories(parent);
        try (Stream<Path> runs = Files.list(parent)) {
            for (Path run : runs.filter(path -> path.getFileName().toString().startsWith("pid-")).toList()) {
                long pid = Long.parseLong(run.getFileName().toString().substring(4));
                if (ProcessHandle.of(pid).isEmpty()) {
                    deleteTree(run);
                }
            }
        }
        return parent.resolve("pid-" + ProcessHandle.current().pid());
    }

    /**
     * The test class path, which the guest's JVM uses as is: the guest's root file system is this
     * host's. Surefire hides it behind a manifest-only jar and publishes it in its own property.
     */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static Path suiteScript() {
        try {
            return Path.of(RealKernelSuite.class.getResource("/kernel/suite.sh").toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("kernel/suite.sh is not on the test class path", e);
        }
    }

    private static String tail(Path file, int lines) throws IOException {
        if (!Files.exists(file)) {
            return "(missing)";
        }
        List<String> all = Files.readAllLines(file);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
