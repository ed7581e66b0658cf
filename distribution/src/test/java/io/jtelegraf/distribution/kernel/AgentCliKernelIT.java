package io.jtelegraf.distribution.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mode (b): the real agent, {@code bin/jtelegraf} of the built distribution, inside the guest with
 * an {@code [[inputs.ipvs]]} configuration: {@code --test} (stdout), {@code --once} with
 * {@code [[outputs.file]]}, as nobody with and without CAP_NET_ADMIN, and a long run across a module
 * reload.
 */
class AgentCliKernelIT {
    private static final Set<String> HOST_TAG = Set.of("host");
    private static final List<String> STATS_FIELDS =
            List.of("connections", "pkts_in", "pkts_out", "bytes_in", "bytes_out", "pps_in", "pps_out", "cps");
    private RealKernelSuite suite;

    @BeforeEach
    void requireAgent() {
        // The first test of the JVM boots the guest; a missing prerequisite skips each test.
        suite = RealKernelSuite.get();
        suite.requireDistribution();
        suite.requirePlugin();
    }

    /** The first few metrics of {@code run} that break {@code rule}, for a short failure message. */
    private static List<String> offenders(GuestRun run, Predicate<ParsedMetric> rule) {
        List<ParsedMetric> metrics = run.metrics();
        assertThat(metrics).as(run.describe()).isNotEmpty();
        return metrics.stream().filter(rule.negate()).limit(3).map(ParsedMetric::toString).toList();
    }

    @Test
    void testModeAgreesWithIpvsadmAndShowsUnsignedCounters() {
        GuestRun run = suite.run("agent-test");
        PluginInGuestKernelIT.assertGatherAgreesWithIpvsadm(run, HOST_TAG);
        // --test shows unsigned values with their `u`; the Go int connection counts stay `i`.
        assertThat(offenders(run, metric -> "uml-guest".equals(metric.tags().get("host"))))
                .as("metrics without the tag host=uml-guest").isEmpty();
        assertThat(offenders(run, metric -> metric.unsignedFields().containsAll(STATS_FIELDS)
                && !metric.unsignedFields().contains("active_connections")
                && !metric.unsignedFields().contains("inactive_connections")))
                .as("metrics whose stats fields are not all `u` or whose connection counts are not `i`").isEmpty();
    }

    @Test
    void onceWithFileOutputAgreesWithIpvsadm() {
        GuestRun run = suite.run("agent-once");
        PluginInGuestKernelIT.assertGatherAgreesWithIpvsadm(run, HOST_TAG);
        // The file output's influx serializer writes unsigned values as `i` by default.
        assertThat(offenders(run, metric -> metric.unsignedFields().isEmpty()))
                .as("metrics with `u` values, which the file output should write as `i`").isEmpty();
    }

    @Test
    void unprivilegedAgentWithNetAdminAgreesWithIpvsadm() {
        PluginInGuestKernelIT.assertGatherAgreesWithIpvsadm(suite.run("agent-net-admin"), HOST_TAG);
    }

    @Test
    void unprivilegedAgentWithoutNetAdminFailsNamingTheCapability() {
        GuestRun run = suite.run("agent-no-caps");
        assertThat(run.exitStatus()).as(run.describe()).isEqualTo(1);
        assertThat(run.stderr()).as(run.describe()).contains("CAP_NET_ADMIN");
        assertThat(run.metrics()).isEmpty();
    }

    @Test
    void runningAgentRecoversFromModuleReload() throws IOException {
        GuestRun run = suite.run("agent-reload");
        ModuleReload reload = ModuleReload.read(run.dir());
        assertThat(run.exitStatus()).as(run.describe()).isZero();
        assertThat(reload.errorSeen()).as("the agent logged \"not loaded\": %s", run.describe()).isTrue();
        assertThat(reload.recoverySeen()).as("the agent wrote metrics of the rebuilt table: %s", run.describe()).isTrue();
        assertThat(reload.familyAfter()).isNotEqualTo(reload.familyBefore());
        assertThat(Files.readString(run.dir().resolve("metrics.lp")))
                .contains("virtual_address=10.77.0.9").contains("address=192.0.2.91");
    }
}
