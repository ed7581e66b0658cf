package io.jtelegraf.distribution.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.distribution.kernel.IpvsadmSnapshot.RealServer;
import io.jtelegraf.distribution.kernel.IpvsadmSnapshot.Service;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the real-kernel harness itself with ipvsadm alone: the guest built every kind of
 * service the comparison tests rely on, real traffic reached the traffic services, and the
 * long-lived connections keep active connections above zero. If these fail, a passing
 * comparison would prove little.
 */
class HarnessKernelIT {
    private RealKernelSuite suite;
    private IpvsadmSnapshot table;

    @BeforeEach
    void readHarnessSnapshot() {
        // The first test of the JVM boots the guest; a missing prerequisite skips each test.
        suite = RealKernelSuite.get();
        table = suite.harnessSnapshot();
    }

    @Test
    void tableHoldsEveryKindOfService() {
        assertThat(table.all()).extracting(Service::key).contains(
                "tcp/10.77.0.1/80", "udp/10.77.0.1/53", "tcp/2001:db8:77::1/80", "udp/2001:db8:77::1/53",
                "fwmark/7/inet", "fwmark/8/inet6", "sctp/10.77.0.2/3868", "tcp/10.77.0.3/443",
                "tcp/2001:db8:77::3/443", "tcp/10.77.0.4/8080");
        assertThat(table.all()).extracting(Service::scheduler)
                .contains("rr", "wrr", "lc", "wlc", "sh", "dh", "mh", "sed", "nq");
        assertThat(table.all()).flatExtracting(Service::reals).extracting(RealServer::forward)
                .contains("Masq", "Route", "Tunnel");
        assertThat(table.services().get("tcp/10.77.0.3/443").netmaskText()).isEqualTo("255.255.255.0");
        assertThat(table.services().get("udp/2001:db8:77::1/53").netmaskText()).isEqualTo("96");
        assertThat(table.services().get("tcp/10.77.0.4/8080").reals()).isEmpty();
        // An IPv4 real server behind an IPv6 service: the real server's own family counts.
        assertThat(table.services().get("tcp/2001:db8:77::3/443").reals()).extracting(RealServer::family)
                .containsExactlyInAnyOrder("inet", "inet6");
    }

    @Test
    void tableIsLargeEnoughForMultipartDumps() throws IOException {
        // The kernel fills a dump message of about 4 KiB to 16 KiB; 300 services need several.
        assertThat(table.all()).hasSizeGreaterThanOrEqualTo(RealKernelSuite.BULK_SERVICES + 10);
        assertThat(Files.readString(suite.out().resolve("harness/service-count")).trim())
                .isEqualTo(Integer.toString(table.all().size()));
    }

    @Test
    void trafficReachedAllFourTrafficServices() throws IOException {
        List<String> report = Files.readAllLines(suite.out().resolve("traffic.txt"));
        assertThat(report).hasSize(4).allSatisfy(line -> assertThat(line).contains("failed=0").doesNotContain("ok=0 "));
        for (String key : List.of("tcp/10.77.0.1/80", "udp/10.77.0.1/53", "tcp/2001:db8:77::1/80", "udp/2001:db8:77::1/53")) {
            Service service = table.services().get(key);
            assertThat(service.counters().connections()).as(key).isPositive();
            assertThat(service.counters().bytesOut()).as(key).isPositive();
            BigInteger realConnections = service.reals().stream().map(real -> real.counters().connections())
                    .reduce(BigInteger.ZERO, BigInteger::add);
            assertThat(realConnections).as("connections of the real servers of %s", key)
                    .isEqualTo(service.counters().connections());
        }
        // Rates are still decaying from the traffic when the snapshot is taken; TCP sends the
        // most packets per exchange, so its rate stays above zero the longest.
        assertThat(table.services().get("tcp/10.77.0.1/80").rates().packetsInPerSecond()).isPositive();
        assertThat(table.services().get("tcp/2001:db8:77::1/80").rates().packetsInPerSecond()).isPositive();
    }

    @Test
    void longLivedConnectionsAreActive() {
        Set<String> withActive = table.all().stream()
                .filter(service -> service.reals().stream().anyMatch(real -> real.activeConnections().signum() > 0))
                .map(Service::key).collect(Collectors.toSet());
        assertThat(withActive).contains("tcp/10.77.0.1/80", "tcp/2001:db8:77::1/80");
    }
}
