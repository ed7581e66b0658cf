package io.jtelegraf.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Installs the .deb on this machine, runs the installed agent the ways an operator would, and
 * purges it again (user included), also when a test fails. systemd is not PID 1 here, so the unit
 * is checked with systemd-analyze and its ExecStart line is run under setpriv with the unit's
 * user and capabilities. This host's kernel has no IPVS, so --test must end with the "ip_vs not
 * loaded" error and exit 1.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebPackageIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Path UNIT = Path.of("/lib/systemd/system/jtelegraf.service");
    private static final String NOT_LOADED = "ip_vs kernel module is not loaded";

    @BeforeAll
    static void install() throws Exception {
        Prerequisites.require(Prerequisites.isRoot(), "root, to install the .deb with dpkg");
        Prerequisites.require(Prerequisites.hasCommand("dpkg") && Prerequisites.hasCommand("setpriv")
                && Prerequisites.hasCommand("systemd-analyze"), "dpkg, setpriv (util-linux) and systemd-analyze (systemd)");
        Path deb = Path.of(System.getProperty("jtelegraf.deb"));
        assertThat(deb).as("the .deb is built by `mvn package`").exists();
        purge();
        JtelegrafProcess.Result installed = command("dpkg", "-i", deb.toString());
        assertThat(installed.exitCode()).as(installed.toString()).isZero();
    }

    @AfterAll
    static void purgeAfterwards() throws Exception {
        if (Prerequisites.isRoot() && Prerequisites.hasCommand("dpkg")) {
            purge();
            assertThat(command("getent", "passwd", "jtelegraf").exitCode()).as("purge removes the jtelegraf user").isNotZero();
        }
    }

    @Test
    @Order(1)
    void installsFilesUserAndConffile() throws Exception {
        assertThat(Path.of("/usr/share/jtelegraf/bin/jtelegraf")).isExecutable();
        assertThat(Path.of("/etc/jtelegraf/jtelegraf.d")).isDirectory();
        assertThat(Files.readString(Path.of("/etc/jtelegraf/jtelegraf.conf"))).contains("[[inputs.ipvs]]").contains("files = [\"stdout\"]");
        assertThat(command("dpkg-query", "-W", "-f=${Conffiles}", "jtelegraf").stdout()).contains("/etc/jtelegraf/jtelegraf.conf");
        assertThat(command("getent", "passwd", "jtelegraf").exitCode()).isZero();
    }

    @Test
    @Order(2)
    void installedVersionRuns() throws Exception {
        JtelegrafProcess.Result result = command("/usr/bin/jtelegraf", "--version");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).startsWith("jtelegraf " + System.getProperty("jtelegraf.version"));
    }

    @Test
    @Order(3)
    void installedTestModeSaysIpvsIsNotLoadedAndExitsOne() throws Exception {
        JtelegrafProcess.Result result = command("/usr/bin/jtelegraf", "--test");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains(NOT_LOADED);
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    @Order(4)
    void unitPassesSystemdAnalyzeVerify() throws Exception {
        JtelegrafProcess.Result result = command("systemd-analyze", "verify", UNIT.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String unit = Files.readString(UNIT);
        assertThat(unit.lines()).contains("User=jtelegraf", "AmbientCapabilities=CAP_NET_ADMIN", "CapabilityBoundingSet=CAP_NET_ADMIN",
                "NoNewPrivileges=yes");
        // It would break the JIT compiler, which needs writable and executable code memory.
        assertThat(unit.lines()).noneMatch(line -> line.startsWith("MemoryDenyWriteExecute="));
    }

    @Test
    @Order(5)
    void unitsExecStartRunsAsItsUserWithOnlyNetAdminAndWritesNothingToTmp() throws Exception {
        List<String> commandLine = new ArrayList<>(List.of("setpriv", "--reuid=jtelegraf", "--regid=jtelegraf", "--clear-groups",
                "--inh-caps=-all,+net_admin", "--ambient-caps=-all,+net_admin", "--bounding-set=-all,+net_admin", "--no-new-privs"));
        commandLine.addAll(execStart());
        commandLine.add("--test");

        // An unusable temporary folder: jnr-ffi must load its native stub from the installation.
        JtelegrafProcess.Result result = JtelegrafProcess.run(commandLine, TIMEOUT,
                Map.of("JTELEGRAF_JAVA_OPTS", "-Djava.io.tmpdir=/nonexistent/tmp"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains(NOT_LOADED).doesNotContain("FFI provider").doesNotContain("UnsatisfiedLinkError");
    }

    /** The unit's ExecStart words, with the unset $JTELEGRAF_OPTS dropped as systemd does. */
    private static List<String> execStart() throws Exception {
        String line = Files.readAllLines(UNIT).stream().filter(text -> text.startsWith("ExecStart=")).findFirst().orElseThrow();
        List<String> words = new ArrayList<>();
        for (String word : line.substring("ExecStart=".length()).trim().split("\\s+")) {
            if (!word.equals("$JTELEGRAF_OPTS")) {
                words.add(word);
            }
        }
        return words;
    }

    private static void purge() throws Exception {
        command("dpkg", "--purge", "jtelegraf");
    }

    private static JtelegrafProcess.Result command(String... command) throws Exception {
        return JtelegrafProcess.run(List.of(command), TIMEOUT, Map.of());
    }
}
