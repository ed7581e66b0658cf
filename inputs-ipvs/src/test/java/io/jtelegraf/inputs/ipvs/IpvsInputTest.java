package io.jtelegraf.inputs.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.inputs.ipvs.netlink.IpvsException;
import io.jtelegraf.inputs.ipvs.netlink.RealServer;
import io.jtelegraf.inputs.ipvs.netlink.VirtualServer;
import io.jtelegraf.spi.FieldType;
import io.jtelegraf.spi.Input;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.MetricType;
import io.jtelegraf.spi.lineprotocol.LineProtocolSerializer;
import io.jtelegraf.testkit.InMemoryAccumulator;
import io.jtelegraf.testkit.MutableClock;
import io.jtelegraf.testkit.TestPluginContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plugin's gather against an in-memory IPVS table: tags, fields, types and error handling. */
class IpvsInputTest {
    private static final long T = 1_700_000_000_000_000_000L;

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000));
    private final TestPluginContext context = new TestPluginContext("inputs.ipvs", clock);
    private final InMemoryAccumulator accumulator = new InMemoryAccumulator(clock);
    private final List<FakeIpvsClient> opened = new ArrayList<>();
    private FakeIpvsClient table = new FakeIpvsClient();

    private Input input(IpvsOptions options) {
        return IpvsInputFactory.create(options, context, true, () -> {
            opened.add(table);
            return table;
        });
    }

    private Input input() {
        return input(IpvsOptions.defaults());
    }

    private List<String> lines() {
        return accumulator.metrics().stream().map(LineProtocolText::of).toList();
    }

    static byte[] ip(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** 255.255.255.255 as the kernel sends it (network-order bytes; all bits set either way). */
    private static final int HOST_MASK = 0xFFFFFFFF;

    static VirtualServer tcpService() {
        VirtualServer service = new VirtualServer().addressFamily(2).protocol(6).address(ip("10.0.0.1")).port(80)
                .scheduler("wlc").netmask(HOST_MASK);
        service.stats().connections(3).packetsIn(10).packetsOut(9).bytesIn(1024).bytesOut(2048).bpsIn(77).bpsOut(88);
        return service;
    }

    static RealServer realServer(String address, int port) {
        RealServer server = new RealServer().addressFamily(address.contains(":") ? 10 : 2).address(ip(address)).port(port)
                .weight(3).upperThreshold(1000).lowerThreshold(100).activeConnections(1).persistentConnections(4);
        server.stats().connections(2).packetsIn(5).packetsOut(4).bytesIn(512).bytesOut(256).cps(1).ppsIn(6).ppsOut(7).bpsIn(8).bpsOut(9);
        return server;
    }

    @Test
    void anAddressServiceAndItsRealServersGiveTelegrafsLines() throws Exception {
        table.addService(tcpService(), realServer("192.168.1.10", 8080));

        input().gather(accumulator);

        assertThat(lines()).containsExactly(
                "ipvs_virtual_server,address=10.0.0.1,address_family=inet,netmask=32,port=80,protocol=tcp,sched=wlc "
                        + "connections=3u,pkts_in=10u,pkts_out=9u,bytes_in=1024u,bytes_out=2048u,pps_in=0u,pps_out=0u,cps=0u " + T,
                "ipvs_real_server,address=192.168.1.10,address_family=inet,port=8080,virtual_address=10.0.0.1,virtual_port=80,"
                        + "virtual_protocol=tcp active_connections=1i,inactive_connections=0i,connections=2u,pkts_in=5u,pkts_out=4u,"
                        + "bytes_in=512u,bytes_out=256u,pps_in=6u,pps_out=7u,cps=1u " + T);
        assertThat(accumulator.metrics()).extracting(Metric::type).containsOnly(MetricType.GAUGE);
    }

    @Test
    void withTheDefaultInfluxSerializerTheLinesAreTelegrafsByteForByte() throws Exception {
        table.addService(tcpService(), realServer("192.168.1.10", 8080));
        table.addService(new VirtualServer().addressFamily(2).fwmark(47).scheduler("rr").netmask(HOST_MASK),
                realServer("192.168.1.11", 9000));
        LineProtocolSerializer serializer = new LineProtocolSerializer();

        input().gather(accumulator);

        StringBuilder lines = new StringBuilder();
        for (Metric metric : accumulator.metrics()) {
            lines.append(new String(serializer.serialize(metric), StandardCharsets.UTF_8));
        }
        assertThat(lines.toString()).isEqualTo(String.join("\n",
                "ipvs_virtual_server,address=10.0.0.1,address_family=inet,netmask=32,port=80,protocol=tcp,sched=wlc "
                        + "connections=3i,pkts_in=10i,pkts_out=9i,bytes_in=1024i,bytes_out=2048i,pps_in=0i,pps_out=0i,cps=0i " + T,
                "ipvs_real_server,address=192.168.1.10,address_family=inet,port=8080,virtual_address=10.0.0.1,virtual_port=80,"
                        + "virtual_protocol=tcp active_connections=1i,inactive_connections=0i,connections=2i,pkts_in=5i,pkts_out=4i,"
                        + "bytes_in=512i,bytes_out=256i,pps_in=6i,pps_out=7i,cps=1i " + T,
                "ipvs_virtual_server,address_family=inet,fwmark=47,netmask=32,sched=rr "
                        + "connections=0i,pkts_in=0i,pkts_out=0i,bytes_in=0i,bytes_out=0i,pps_in=0i,pps_out=0i,cps=0i " + T,
                "ipvs_real_server,address=192.168.1.11,address_family=inet,port=9000,virtual_fwmark=47 "
                        + "active_connections=1i,inactive_connections=0i,connections=2i,pkts_in=5i,pkts_out=4i,"
                        + "bytes_in=512i,bytes_out=256i,pps_in=6i,pps_out=7i,cps=1i " + T,
                ""));
    }

    @Test
    void aFwmarkServiceIsIdentifiedByItsMarkOnly() throws Exception {
        VirtualServer service = new VirtualServer().addressFamily(2).fwmark(47).address(ip("0.0.0.0")).scheduler("rr").netmask(HOST_MASK);
        table.addService(service, realServer("192.168.1.11", 9000));

        input().gather(accumulator);

        assertThat(lines()).containsExactly(
                "ipvs_virtual_server,address_family=inet,fwmark=47,netmask=32,sched=rr "
                        + "connections=0u,pkts_in=0u,pkts_out=0u,bytes_in=0u,bytes_out=0u,pps_in=0u,pps_out=0u,cps=0u " + T,
                "ipvs_real_server,address=192.168.1.11,address_family=inet,port=9000,virtual_fwmark=47 "
                        + "active_connections=1i,inactive_connections=0i,connections=2u,pkts_in=5u,pkts_out=4u,"
                        + "bytes_in=512u,bytes_out=256u,pps_in=6u,pps_out=7u,cps=1u " + T);
    }

    @Test
    void identityTagsFollowEachServiceWhenFwmarkAndAddressServicesAlternate() throws Exception {
        VirtualServer fwmark = new VirtualServer().addressFamily(10).fwmark(200).scheduler("rr").netmask(128);
        table.addService(tcpService(), realServer("192.168.1.10", 8080));
        table.addService(fwmark, realServer("2001:db8:100::71", 0));
        table.addService(tcpService().port(81));

        input().gather(accumulator);

        List<Metric> virtual = accumulator.metrics(IpvsMetrics.VIRTUAL_SERVER);
        assertThat(virtual).extracting(metric -> metric.tags().keySet().toString()).containsExactly(
                "[address, address_family, netmask, port, protocol, sched]",
                "[address_family, fwmark, netmask, sched]",
                "[address, address_family, netmask, port, protocol, sched]");
        assertThat(virtual.get(2).tag("port")).isEqualTo("81");
        assertThat(accumulator.metrics(IpvsMetrics.REAL_SERVER)).extracting(metric -> metric.tags().keySet().toString())
                .containsExactly("[address, address_family, port, virtual_address, virtual_port, virtual_protocol]",
                        "[address, address_family, port, virtual_fwmark]");
    }

    @Test
    void ipv6AddressesAreCompressedAndIpv4MappedOnesPrintedAsIpv4() throws Exception {
        VirtualServer service = new VirtualServer().addressFamily(10).protocol(17).address(ip("2001:db8:10:0:0:0:0:1")).port(53)
                .scheduler("lc").netmask(64);
        RealServer mapped = new RealServer().addressFamily(10).address(mappedIpv4(192, 168, 100, 52)).port(443);
        table.addService(service, realServer("2001:db8:100:0:0:0:0:11", 5353), mapped);

        input().gather(accumulator);

        assertThat(accumulator.metrics(IpvsMetrics.VIRTUAL_SERVER).get(0).tags())
                .containsEntry("address", "2001:db8:10::1").containsEntry("address_family", "inet6").containsEntry("protocol", "udp");
        assertThat(accumulator.metrics(IpvsMetrics.REAL_SERVER)).extracting(metric -> metric.tag("address"))
                .containsExactly("2001:db8:100::11", "192.168.100.52");
        assertThat(accumulator.metrics(IpvsMetrics.REAL_SERVER)).extracting(metric -> metric.tag("virtual_address"))
                .containsOnly("2001:db8:10::1");
    }

    private static byte[] mappedIpv4(int a, int b, int c, int d) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        return bytes;
    }

    @Test
    void unknownProtocolAndFamilyNumbersAreWrittenAsNumbers() throws Exception {
        table.addService(tcpService().protocol(50).addressFamily(7), new RealServer().addressFamily(3).address(ip("10.1.1.1")).port(1));
        table.addService(tcpService().protocol(132).port(3868));

        input().gather(accumulator);

        List<Metric> virtual = accumulator.metrics(IpvsMetrics.VIRTUAL_SERVER);
        assertThat(virtual.get(0).tags()).containsEntry("protocol", "50").containsEntry("address_family", "7");
        assertThat(virtual.get(1).tags()).containsEntry("protocol", "sctp").containsEntry("address_family", "inet");
        Metric real = accumulator.metrics(IpvsMetrics.REAL_SERVER).get(0);
        assertThat(real.tags()).containsEntry("address_family", "3").containsEntry("virtual_protocol", "50");
    }

    @ParameterizedTest
    @CsvSource({
            "10, 64, 1, 64",
            "10, 128, 1, 128",
            "10, 96, 2, 96",
            "10, 48, 2, 48",
            "2, 16777215, 24, 24",
            "2, -1, 32, 32",
    })
    void netmaskIsTelegrafsPopcountUnlessPrefixLengthsAreAskedFor(int family, int netmask, String popcount, String prefixLength)
            throws Exception {
        table.addService(tcpService().addressFamily(family).address(ip(family == 10 ? "2001:db8::1" : "10.0.0.1")).netmask(netmask));
        input().gather(accumulator);
        String telegrafValue = accumulator.metrics().get(0).tag("netmask");

        accumulator.clear();
        input(new IpvsOptions(NetmaskTag.PREFIX_LENGTH, false, null, Duration.ofSeconds(3))).gather(accumulator);

        assertThat(telegrafValue).isEqualTo(popcount);
        assertThat(accumulator.metrics().get(0).tag("netmask")).isEqualTo(prefixLength);
    }

    @Test
    void extraFieldsAreAddedOnlyWhenAskedFor() throws Exception {
        table.addService(tcpService(), realServer("192.168.1.10", 8080));
        input().gather(accumulator);
        List<String> telegrafFields = accumulator.metrics().stream().flatMap(metric -> metric.fields().keySet().stream()).toList();

        accumulator.clear();
        input(new IpvsOptions(NetmaskTag.POPCOUNT, true, null, Duration.ofSeconds(3))).gather(accumulator);

        assertThat(telegrafFields).doesNotContain("bps_in", "bps_out", "weight", "upper_threshold", "lower_threshold",
                "persistent_connections");
        Metric virtual = accumulator.metrics(IpvsMetrics.VIRTUAL_SERVER).get(0);
        assertThat(virtual.fields()).containsKeys("bps_in", "bps_out").doesNotContainKeys("weight");
        assertThat(LineProtocolText.of(virtual)).contains("bps_in=77u,bps_out=88u");
        assertThat(LineProtocolText.of(accumulator.metrics(IpvsMetrics.REAL_SERVER).get(0)))
                .contains("bps_in=8u,bps_out=9u,persistent_connections=4i,weight=3i,upper_threshold=1000i,lower_threshold=100i");
    }

    @Test
    void statsAreUnsigned64BitAndConnectionCountsSigned() throws Exception {
        VirtualServer service = tcpService();
        service.stats().bytesIn(-1L).connections(1L << 40);
        table.addService(service, realServer("192.168.1.10", 8080).activeConnections(0xFFFF_FFFFL));

        input().gather(accumulator);

        Metric virtual = accumulator.metrics(IpvsMetrics.VIRTUAL_SERVER).get(0);
        assertThat(virtual.fieldType(virtual.fieldIndex("bytes_in"))).isEqualTo(FieldType.UNSIGNED);
        assertThat(LineProtocolText.of(virtual)).contains("bytes_in=18446744073709551615u", "connections=1099511627776u");
        Metric real = accumulator.metrics(IpvsMetrics.REAL_SERVER).get(0);
        assertThat(real.fieldType(real.fieldIndex("active_connections"))).isEqualTo(FieldType.LONG);
        assertThat(real.fieldType(real.fieldIndex("cps"))).isEqualTo(FieldType.UNSIGNED);
        assertThat(LineProtocolText.of(real)).contains("active_connections=4294967295i");
    }

    @Test
    void anEmptySchedulerNameLeavesTheTagOut() throws Exception {
        table.addService(tcpService().scheduler(""));
        table.addService(tcpService().scheduler("rr"));

        input().gather(accumulator);

        assertThat(accumulator.metrics()).extracting(metric -> metric.tag("sched")).containsExactly(null, "rr");
    }

    @Test
    void allMetricsOfAGatherCarryTheClockTimeOfItsStart() throws Exception {
        table.addService(tcpService(), realServer("192.168.1.10", 8080));
        Input input = input();
        input.gather(accumulator);
        List<Metric> first = List.copyOf(accumulator.metrics());

        clock.advance(Duration.ofSeconds(10));
        table.services().get(0).stats().connections(99);
        accumulator.clear();
        input.gather(accumulator);

        assertThat(first).extracting(Metric::timestamp).containsOnly(T);
        assertThat(accumulator.metrics()).extracting(Metric::timestamp).containsOnly(T + 10_000_000_000L);
        assertThat(LineProtocolText.of(first.get(0))).as("metrics already handed out stay unchanged").contains("connections=3u");
        assertThat(LineProtocolText.of(accumulator.metrics().get(0))).contains("connections=99u");
    }

    @Test
    void aFailingRealServerListIsLoggedAndTheNextServiceGoesOn() throws Exception {
        VirtualServer broken = table.addService(tcpService());
        table.addService(tcpService().port(81), realServer("192.168.1.12", 8081));
        table.failDestinations(broken, new IpvsException("no complete reply from the kernel within 3s"));

        input().gather(accumulator);

        assertThat(accumulator.metrics(IpvsMetrics.VIRTUAL_SERVER)).extracting(metric -> metric.tag("port")).containsExactly("80", "81");
        assertThat(accumulator.metrics(IpvsMetrics.REAL_SERVER)).extracting(metric -> metric.tag("virtual_port")).containsExactly("81");
        assertThat(context.logger().lines())
                .containsExactly("E! Failed to list destinations for a virtual server: no complete reply from the kernel within 3s");
        assertThat(opened.get(0).isClosed()).as("the handle is kept").isFalse();
    }

    @Test
    void aFailingServiceListDropsTheHandleAndTheNextGatherOpensANewOne() throws Exception {
        table.addService(tcpService());
        table.failServices(new IpvsException("operation not permitted"));
        Input input = input();

        assertThatThrownBy(() -> input.gather(accumulator)).isInstanceOf(IOException.class)
                .hasMessage("failed to list IPVS services: operation not permitted");
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).isClosed()).isTrue();
        assertThat(accumulator.metrics()).isEmpty();

        table = new FakeIpvsClient();
        table.addService(tcpService());
        input.gather(accumulator);

        assertThat(opened).hasSize(2);
        assertThat(accumulator.metrics()).hasSize(1);
    }

    @Test
    void aHandleThatCannotBeOpenedIsRetriedAtTheNextGather() throws Exception {
        int[] attempts = {0};
        table.addService(tcpService());
        Input input = IpvsInputFactory.create(IpvsOptions.defaults(), context, true, () -> {
            if (attempts[0]++ == 0) {
                throw new IpvsException("the ip_vs kernel module is not loaded");
            }
            return table;
        });

        assertThatThrownBy(() -> input.gather(accumulator)).isInstanceOf(IOException.class)
                .hasMessage("unable to open IPVS handle: the ip_vs kernel module is not loaded");
        input.gather(accumulator);

        assertThat(attempts[0]).isEqualTo(2);
        assertThat(accumulator.metrics()).hasSize(1);
    }

    @Test
    void anEmptyTableGivesNoMetricsAndNoError() throws Exception {
        input().gather(accumulator);

        assertThat(accumulator.metrics()).isEmpty();
        assertThat(accumulator.errors()).isEmpty();
        assertThat(context.logger().lines()).isEmpty();
    }

    @Test
    void offLinuxTheInputWarnsOnceAndGathersNothing() throws Exception {
        table.addService(tcpService());
        Input input = IpvsInputFactory.create(IpvsOptions.defaults(), context, false, () -> {
            throw new AssertionError("no IPVS handle may be opened off Linux");
        });

        input.gather(accumulator);
        input.gather(accumulator);

        assertThat(accumulator.metrics()).isEmpty();
        assertThat(context.logger().lines()).containsExactly("W! Current platform is not supported");
        assertThat(IpvsInputFactory.isLinux("Linux")).isTrue();
        assertThat(IpvsInputFactory.isLinux("Mac OS X")).isFalse();
    }

    @Test
    void closingTheInputClosesTheHandle() throws Exception {
        Input input = input(new IpvsOptions(NetmaskTag.POPCOUNT, false, Path.of("/proc/self/ns/net"), Duration.ofSeconds(1)));
        input.gather(accumulator);

        input.close();

        assertThat(opened.get(0).isClosed()).isTrue();
    }
}
