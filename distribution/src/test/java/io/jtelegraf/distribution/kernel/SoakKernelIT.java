package io.jtelegraf.distribution.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two-minute version of the soak (issue 8, Load): {@code distribution/bench/soak.sh -d 120}
 * boots its own User-Mode Linux guest, loads a 2000 x 10 IPVS table, measures the C gather floor
 * ({@code nlfloor}) of that table in the same boot, runs the real agent gathering it into a real
 * InfluxDB inside the guest at an interval of at least 5 x that floor, and samples the agent's RSS
 * and open descriptors. The 30-minute soak runs the same script from its own documented command.
 *
 * <p>The heap is fixed (-Xms = -Xmx = 128m) and touched at start (-XX:+AlwaysPreTouch), so RSS
 * after warm-up moves only with what lives outside the heap: threads, metaspace, code cache,
 * native buffers, sockets.
 *
 * <p>What two minutes can show: a gather missed or cut short, a metric dropped, descriptors that
 * grow with every gather or every write (about ten of each happen after warm-up), native growth of
 * two megabytes a minute or more, and a clean exit on SIGTERM. What they cannot show: a slow leak
 * (the slope over 80 seconds of samples bounds growth only near 1 MB/min, while the JIT and malloc
 * arenas are still settling), a growing live heap (one full collection happens in two minutes, so
 * the script's heap-after-full-GC figures need the long run), nor anything that needs hours to
 * appear. Those are what the 30-minute run is for.
 *
 * <p>Needs the packages of the real-kernel suite ({@link KernelPrerequisites}) plus influxdb, gcc
 * with linux-libc-dev and curl, the built distribution, and {@code nlfloor.c} from the shared
 * bench folder ({@code SHARED_BENCH}, default {@code ../shared/bench} beside the repository).
 * Skips loudly where one is missing and fails under {@code CI=true}.
 */
class SoakKernelIT {
    private static final int SECONDS = 120;
    /** The script's own deadline is the soak plus its set-up; this one only guards the test JVM. */
    private static final long PROCESS_DEADLINE_SECONDS = 1500;
    private static SoakResults results;
    private static SoakSamples samples;
    private static Path work;

    @BeforeAll
    static void runTheSoak() throws IOException, InterruptedException {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path script = module.resolve("bench/soak.sh");
        Path sharedBench = sharedBench(module);
        requirePrerequisites(sharedBench);
        Path home = RealKernelSuite.distributionHome();
        if (!Files.isExecutable(home.resolve("bin/jtelegraf"))) {
            MissingPrerequisite.skipOrFail("the agent distribution is not built: " + home
                    + "/bin/jtelegraf is missing; build it from the repository root with: mvn -B package -DskipTests");
        }
        work = module.resolve("target/soak-ci");
        RealKernelSuite.deleteTree(work);
        Files.createDirectories(work);
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), "-d", SECONDS + "s",
                "-w", work.toString(), "-b", sharedBench.toString(), "-H", home.toString()));
        System.out.println("[soak] " + String.join(" ", command));
        Path log = work.resolve("soak.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(PROCESS_DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("soak.sh did not finish within " + PROCESS_DEADLINE_SECONDS + " s; see " + log);
        }
        String output = Files.readString(log);
        System.out.println(output);
        // Exit 1 means a check failed: the figures are there and the tests below name it.
        assertThat(process.exitValue()).as("soak.sh exit status (2 = set-up failed):\n%s\n%s", output,
                tail(work.resolve("guest.log"))).isIn(0, 1);
        results = SoakResults.read(work.resolve("results.txt"));
        samples = SoakSamples.read(work.resolve("samples.tsv"));
        System.out.println("[soak] " + samples.summary());
    }

    @Test
    void theIntervalIsAtLeastFiveTimesTheFloorOfThisBoot() {
        double floorMs = results.decimal("nlfloor_median_ms_before");
        assertThat(results.number("services")).isEqualTo(2000);
        assertThat(results.number("real_servers")).isEqualTo(20000);
        assertThat(floorMs).isPositive();
        assertThat(results.number("interval_s") * 1000.0).isGreaterThanOrEqualTo(5 * floorMs);
    }

    @Test
    void noGatherIsMissedOrIncomplete() {
        long interval = results.number("interval_s");
        long expected = results.number("gathers_expected");
        assertThat(results.number("gathers_seen")).as(results.describe()).isEqualTo(expected);
        assertThat(results.number("gathers_missed")).as(results.describe()).isZero();
        assertThat(results.number("gathers_partial")).as(results.describe()).isZero();
        assertThat(results.number("buckets_over_full")).as(results.describe()).isZero();
        assertThat(results.number("real_server_buckets_not_full")).as(results.describe()).isZero();
        assertThat(results.number("write_metrics_dropped")).as(results.describe()).isZero();
        // The gathers span the run: from the agent's start (the JVM starts slowly in the guest)
        // to its stop, so the buckets above cover most of the two minutes.
        long startedMs = results.number("agent_started_ms");
        long stoppedMs = results.number("agent_stopped_ms");
        assertThat(results.number("first_gather_ms") - startedMs).as("first gather after the start, ms")
                .isLessThan(60_000);
        assertThat(stoppedMs - results.number("last_gather_ms")).as("last gather before the stop, ms")
                .isLessThanOrEqualTo(2 * interval * 1000 + 1000);
        assertThat(expected).as("gathers in %d s at %d s", SECONDS, interval)
                .isGreaterThanOrEqualTo((SECONDS - 60) / interval);
    }

    @Test
    void openDescriptorsStayWithinTwoAfterWarmup() {
        assertThat(samples.all()).as("samples every 5 s").hasSizeGreaterThanOrEqualTo(SECONDS / 5 - 3);
        assertThat(samples.descriptorDeviationAfterWarmup()).as(samples.summary()).isLessThanOrEqualTo(2);
    }

    /**
     * The 30-minute run holds the bound, 1 MB a minute over the last two thirds (0.088
     * measured). Over the 80 seconds of samples here the JIT and malloc arenas are still
     * settling (0.47 and 0.74 MB a minute in two runs of a healthy agent), so this run allows
     * twice that: it still fails on a leak of a few megabytes a minute without flaking on warm-up.
     */
    @Test
    void rssGrowsLessThanTwoMegabytesAMinuteAfterWarmup() {
        assertThat(results.text("java_opts")).contains("-Xms128m -Xmx128m").contains("-XX:+AlwaysPreTouch");
        assertThat(samples.rssSlopeMbPerMinute()).as(samples.summary()).isLessThan(2.0);
    }

    @Test
    void theAgentExitsWithZeroOnSigterm() {
        assertThat(results.text("agent_exit")).as(results.describe()).isEqualTo("0");
        assertThat(results.number("agent_error_lines")).as("E! lines in %s", work.resolve("agent.err")).isZero();
    }

    private static Path sharedBench(Path module) {
        String configured = System.getenv("SHARED_BENCH");
        return configured != null && !configured.isBlank()
                ? Path.of(configured).toAbsolutePath()
                : module.getParent().resolveSibling("shared").resolve("bench");
    }

    private static void requirePrerequisites(Path sharedBench) {
        List<String> missing = new ArrayList<>(KernelPrerequisites.missing());
        if (!Files.isExecutable(Path.of("/usr/bin/influxd"))) {
            missing.add("influxd (package influxdb)");
        }
        for (String program : List.of("gcc", "curl")) {
            if (KernelPrerequisites.findOnPath(program).isEmpty()) {
                missing.add(program + " (package " + program + ")");
            }
        }
        if (!Files.isRegularFile(Path.of("/usr/include/linux/ip_vs.h"))) {
            missing.add("/usr/include/linux/ip_vs.h (package linux-libc-dev)");
        }
        if (!Files.isRegularFile(sharedBench.resolve("nlfloor.c"))) {
            missing.add(sharedBench.resolve("nlfloor.c") + " (the shared bench folder; set SHARED_BENCH)");
        }
        if (!missing.isEmpty()) {
            MissingPrerequisite.skipOrFail("soak: missing " + String.join(", ", missing) + "; install with: "
                    + KernelPrerequisites.INSTALL_HINT + ", and apt-get install -y influxdb gcc linux-libc-dev curl");
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no " + file + ")";
        }
    }
}
