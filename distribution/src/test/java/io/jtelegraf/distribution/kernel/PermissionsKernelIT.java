package io.jtelegraf.distribution.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mode (c): the ipvs input inside the guest as the unprivileged user 65534, once with
 * CAP_NET_ADMIN as its only capability (it must work) and once without (a clear error).
 */
class PermissionsKernelIT {
    private RealKernelSuite suite;

    @BeforeEach
    void requirePlugin() {
        // The first test of the JVM boots the guest; a missing prerequisite skips each test.
        suite = RealKernelSuite.get();
        suite.requirePlugin();
    }

    @Test
    void unprivilegedUserWithNetAdminGathersLikeRoot() {
        PluginInGuestKernelIT.assertGatherAgreesWithIpvsadm(suite.run("probe-net-admin"), Set.of());
    }

    @Test
    void withoutNetAdminTheErrorNamesTheCapability() {
        GuestRun run = suite.run("probe-no-caps");
        assertThat(run.exitStatus()).as(run.describe()).isEqualTo(GuestProbeMain.EXIT_GATHER_FAILED);
        assertThat(run.stderr()).as(run.describe()).contains("Error in plugin").contains("CAP_NET_ADMIN");
        assertThat(run.stderr()).as("a clear message, not a stack trace").doesNotContain("\tat ");
        assertThat(run.metrics()).isEmpty();
    }
}
