package io.jtelegraf.distribution.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.distribution.kernel.IpvsadmSnapshot.Service;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mode (a): the ipvs input gathers once inside the real-kernel guest, as root, right after real
 * traffic stopped, between two ipvsadm snapshots; every metric must agree with ipvsadm.
 */
class PluginInGuestKernelIT {
    private RealKernelSuite suite;
    private GuestRun run;

    @BeforeEach
    void requirePlugin() {
        // The first test of the JVM boots the guest; a missing prerequisite skips each test.
        suite = RealKernelSuite.get();
        suite.requirePlugin();
        run = suite.run("probe-root");
    }

    @Test
    void everyMetricAgreesWithIpvsadm() {
        assertGatherAgreesWithIpvsadm(run, Set.of());
    }

    @Test
    void comparedTableCarriesTrafficAndActiveConnections() {
        // Guards the comparison above against a table of zeros, which would agree trivially.
        Service tcp4 = run.before().services().get("tcp/10.77.0.1/80");
        Service udp6 = run.before().services().get("udp/2001:db8:77::1/53");
        assertThat(tcp4.counters().bytesIn()).isPositive();
        assertThat(udp6.counters().packetsOut()).isPositive();
        assertThat(tcp4.reals()).anySatisfy(real -> assertThat(real.activeConnections()).isPositive());
    }

    @Test
    void connectionCountsOfRealServersAreSignedIntegers() {
        // Telegraf's Go int: `i` even where the stats counters may be unsigned.
        List<ParsedMetric> reals = run.metrics().stream()
                .filter(metric -> metric.name().equals(IpvsadmComparison.REAL)).toList();
        assertThat(reals).isNotEmpty().allSatisfy(metric -> assertThat(metric.unsignedFields())
                .doesNotContain("active_connections", "inactive_connections"));
    }

    /** Shared by every mode: exit 0, a quiet table, and no difference from ipvsadm. */
    static void assertGatherAgreesWithIpvsadm(GuestRun run, Set<String> extraTags) {
        assertThat(run.exists()).as("the guest did not run %s", run.dir()).isTrue();
        assertThat(run.exitStatus()).as(run.describe()).isZero();
        assertThat(run.stable()).as("the counters kept moving in every attempt: %s", run.describe()).isTrue();
        IpvsadmSnapshot before = run.before();
        List<ParsedMetric> metrics = run.metrics();
        long reals = before.all().stream().mapToLong(service -> service.reals().size()).sum();
        assertThat(metrics).as(run.describe()).hasSize((int) (before.all().size() + reals));
        assertThat(IpvsadmComparison.compare(metrics, before, run.after(), extraTags)).as(run.describe()).isEmpty();
    }
}
