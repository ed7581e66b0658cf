package io.jtelegraf.distribution.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mode (d): IPVS is removed from the kernel under a collector gathering every second and loaded
 * again; the collector must report the missing module, then recover by itself although the
 * generic netlink family id changed.
 */
class ModuleReloadKernelIT {
    private RealKernelSuite suite;
    private GuestRun run;
    private ModuleReload reload;

    @BeforeEach
    void readReload() {
        // The first test of the JVM boots the guest; a missing prerequisite skips each test.
        suite = RealKernelSuite.get();
        suite.requirePlugin();
        run = suite.run("probe-reload");
        assertThat(run.dir().resolve("events.txt")).as("the guest never reached the module reload: %s", run.describe())
                .exists();
        reload = ModuleReload.read(run.dir());
    }

    @Test
    void theKernelGaveIpvsANewFamilyId() {
        assertThat(reload.familyWhileUnloaded()).isEqualTo("none");
        assertThat(reload.familyBefore()).isNotEqualTo("none");
        assertThat(reload.familyAfter()).isNotEqualTo("none").isNotEqualTo(reload.familyBefore());
    }

    @Test
    void theMissingModuleIsReportedAsNotLoaded() {
        assertThat(reload.errorSeen()).as("the collector reported an error while ip_vs was gone").isTrue();
        List<Gather> gathers = gathers();
        assertThat(gathers.get(0).ok()).as("the first gather, before the unload").isTrue();
        assertThat(gathers).filteredOn(gather -> !gather.ok())
                .isNotEmpty()
                .allSatisfy(gather -> {
                    // A gather in flight when the removal started may see it; none after the reload.
                    assertThat(gather.startedAtMillis()).isBetween(reload.unloadStartedAtMillis() - 1500,
                            reload.reloadedAtMillis());
                    assertThat(gather.header()).containsIgnoringCase("not loaded");
                });
    }

    @Test
    void theCollectorRecoversWithoutRestart() {
        assertThat(reload.recoverySeen()).as("the collector showed the rebuilt table").isTrue();
        List<Gather> gathers = gathers();
        int firstError = indexOfFirstError(gathers);
        assertThat(firstError).isPositive();
        // The table is rebuilt by two ipvsadm commands after the reload; the first gather that
        // starts once both are done must show it whole.
        Gather recovered = gathers.subList(firstError, gathers.size()).stream()
                .filter(gather -> gather.startedAtMillis() >= reload.reloadedAtMillis())
                .findFirst().orElseThrow(() -> new AssertionError("no gather after the reload:\n" + run.describe()));
        assertThat(recovered.ok()).as("the first gather after the reload: %s", recovered.header()).isTrue();
        assertThat(recovered.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("ipvs_real_server,").contains("address=192.0.2.91").contains("virtual_address=10.77.0.9"));
        assertThat(gathers.subList(gathers.indexOf(recovered), gathers.size())).allMatch(Gather::ok);
    }

    private static int indexOfFirstError(List<Gather> gathers) {
        for (int i = 0; i < gathers.size(); i++) {
            if (!gathers.get(i).ok()) {
                return i;
            }
        }
        return -1;
    }

    /** The gathers of the looping probe: a "# gather" header line and the metric lines after it. */
    private List<Gather> gathers() {
        List<Gather> gathers = new ArrayList<>();
        for (String line : run.stdoutLines()) {
            if (line.startsWith("# gather ")) {
                gathers.add(new Gather(line, new ArrayList<>()));
            } else if (!gathers.isEmpty()) {
                gathers.get(gathers.size() - 1).lines().add(line);
            }
        }
        assertThat(gathers).as(run.describe()).isNotEmpty();
        return gathers;
    }

    private record Gather(String header, List<String> lines) {
        boolean ok() {
            return header.contains(" status=ok ");
        }

        long startedAtMillis() {
            String t = header.replaceFirst(".* t=(\\d+) .*", "$1");
            return Long.parseLong(t);
        }
    }
}
