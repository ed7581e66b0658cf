package io.jtelegraf.inputs.ipvs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.inputs.ipvs.netlink.GoldenIpvsClients;
import io.jtelegraf.inputs.ipvs.netlink.IpvsadmText;
import io.jtelegraf.spi.Input;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.testkit.InMemoryAccumulator;
import io.jtelegraf.testkit.MutableClock;
import io.jtelegraf.testkit.TestPluginContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole plugin (metrics, netlink client, parser) on the bytes a real kernel sent for the
 * golden table: one virtual server metric per ipvsadm service, one real server metric per
 * ipvsadm real server, with ipvsadm's counters, and Telegraf's netmask values.
 */
class GoldenTableLinesTest {
    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000));
    private final TestPluginContext context = new TestPluginContext("inputs.ipvs", clock);
    private final InMemoryAccumulator accumulator = new InMemoryAccumulator(clock);

    private List<Metric> gather(String layout, NetmaskTag netmaskTag) throws Exception {
        Input input = IpvsInputFactory.create(new IpvsOptions(netmaskTag, false, null, Duration.ofSeconds(3)), context, true,
                () -> GoldenIpvsClients.goldenTable(layout));
        input.gather(accumulator);
        input.close();
        return accumulator.metrics();
    }

    /** The ipvsadm key of a virtual server metric, rebuilt from its tags. */
    private static String ipvsadmKey(Metric metric) {
        if (metric.tag("fwmark") != null) {
            return "FWM " + metric.tag("fwmark") + (metric.tag("address_family").equals("inet6") ? " IPv6" : "");
        }
        String address = metric.tag("address_family").equals("inet6") ? "[" + metric.tag("address") + "]" : metric.tag("address");
        return metric.tag("protocol").toUpperCase() + " " + address + ":" + metric.tag("port");
    }

    @ParameterizedTest
    @ValueSource(strings = {"raw", "derived_nopad"})
    void linesCarryIpvsadmsServicesAndCounters(String layout) throws Exception {
        IpvsadmText stats = IpvsadmText.load("text/ipvsadm_L_n_stats_exact.txt");

        List<Metric> metrics = gather(layout, NetmaskTag.POPCOUNT);

        List<Metric> virtual = metrics.stream().filter(metric -> metric.name().equals(IpvsMetrics.VIRTUAL_SERVER)).toList();
        assertThat(virtual).extracting(GoldenTableLinesTest::ipvsadmKey).containsExactlyInAnyOrderElementsOf(stats.services().keySet());
        long realServers = stats.services().values().stream().mapToLong(service -> service.realServers().size()).sum();
        assertThat(metrics).hasSize(virtual.size() + (int) realServers);
        for (Metric metric : virtual) {
            IpvsadmText.Service expected = stats.service(ipvsadmKey(metric));
            assertThat(LineProtocolText.of(metric)).contains(String.format(
                    " connections=%du,pkts_in=%du,pkts_out=%du,bytes_in=%du,bytes_out=%du,",
                    expected.number(0), expected.number(1), expected.number(2), expected.number(3), expected.number(4)));
        }
        assertThat(context.logger().lines()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"raw", "derived_nopad"})
    void netmaskTagsAreTelegrafsPopcountByDefaultAndPrefixLengthsOnRequest(String layout) throws Exception {
        IpvsadmText listing = IpvsadmText.load("text/ipvsadm_Ln.txt");

        List<Metric> popcount = List.copyOf(gather(layout, NetmaskTag.POPCOUNT));
        accumulator.clear();
        List<Metric> prefix = List.copyOf(gather(layout, NetmaskTag.PREFIX_LENGTH));

        for (int i = 0; i < popcount.size(); i++) {
            Metric metric = popcount.get(i);
            if (!metric.name().equals(IpvsMetrics.VIRTUAL_SERVER)) {
                continue;
            }
            String mask = listing.service(ipvsadmKey(metric)).after("mask");
            boolean ipv6 = metric.tag("address_family").equals("inet6");
            // ipvsadm prints IPv6 masks as prefix lengths (default 128) and IPv4 masks dotted (default /32).
            int prefixLength = mask == null ? (ipv6 ? 128 : 32)
                    : ipv6 ? Integer.parseInt(mask) : dottedPrefixLength(mask);
            String telegraf = Integer.toString(ipv6 ? Integer.bitCount(prefixLength) : prefixLength);
            assertThat(metric.tag("netmask")).as(ipvsadmKey(metric)).isEqualTo(telegraf);
            assertThat(prefix.get(i).tag("netmask")).as(ipvsadmKey(metric)).isEqualTo(Integer.toString(prefixLength));
        }
    }

    private static int dottedPrefixLength(String dotted) {
        int bits = 0;
        for (String part : dotted.split("\\.")) {
            bits += Integer.bitCount(Integer.parseInt(part));
        }
        return bits;
    }
}
