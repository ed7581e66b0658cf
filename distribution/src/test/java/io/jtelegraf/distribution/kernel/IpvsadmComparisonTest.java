package io.jtelegraf.distribution.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.distribution.kernel.IpvsadmSnapshot.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The ipvsadm text parser and the comparison, without a kernel: they must accept metrics that
 * agree and name every kind of disagreement, or the real-kernel tests could not fail.
 */
class IpvsadmComparisonTest {
    private static final List<String> STATS = List.of(
            "IP Virtual Server version 1.2.1 (size=4096)",
            "Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes",
            "  -> RemoteAddress:Port",
            "TCP  10.77.0.1:80                       32      158      156    12290    38372",
            "  -> 192.0.2.11:8080                    24      119      118     9305    29330",
            "  -> 192.0.2.12:8080                     8       39       38     2985     9042",
            "UDP  [2001:db8:77::1]:53                30       30       30     4440     7440",
            "  -> [2001:db8:2::12]:5353              30       30       30     4440     7440",
            "FWM  8 IPv6                              0        0        0        0        0",
            "  -> [2001:db8:2::21]:0                  0        0        0        0        0");
    private static final List<String> RATE_BEFORE = List.of(
            "IP Virtual Server version 1.2.1 (size=4096)",
            "Prot LocalAddress:Port                 CPS    InPPS   OutPPS    InBPS   OutBPS",
            "  -> RemoteAddress:Port",
            "TCP  10.77.0.1:80                        3       15       15     1173     3689",
            "  -> 192.0.2.11:8080                     2       11       11      892     2825",
            "  -> 192.0.2.12:8080                     1        4        4      281      864",
            "UDP  [2001:db8:77::1]:53                 3        3        3      428      717",
            "  -> [2001:db8:2::12]:5353               3        3        3      428      717",
            "FWM  8 IPv6                              0        0        0        0        0",
            "  -> [2001:db8:2::21]:0                  0        0        0        0        0");
    private static final List<String> RATE_AFTER = RATE_BEFORE.stream()
            .map(line -> line.replace("   15       15", "   11       11")).toList();
    private static final List<String> LIST = List.of(
            "IP Virtual Server version 1.2.1 (size=4096)",
            "Prot LocalAddress:Port Scheduler Flags",
            "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn",
            "TCP  10.77.0.1:80 wrr",
            "  -> 192.0.2.11:8080              Masq    3      1          4         ",
            "  -> 192.0.2.12:8080              Masq    1      1          1         ",
            "UDP  [2001:db8:77::1]:53 wlc persistent 300 mask 96",
            "  -> [2001:db8:2::12]:5353        Masq    1      0          5         ",
            "FWM  8 IPv6 dh",
            "  -> [2001:db8:2::21]:0           Route   1      0          0         ");
    private static final IpvsadmSnapshot BEFORE = IpvsadmTextParser.parse(STATS, RATE_BEFORE, LIST);
    private static final IpvsadmSnapshot AFTER = IpvsadmTextParser.parse(STATS, RATE_AFTER, LIST);

    private static List<String> agreeingLines() {
        return new ArrayList<>(List.of(
                "ipvs_virtual_server,address=10.77.0.1,address_family=inet,netmask=32,port=80,protocol=tcp,sched=wrr"
                        + " connections=32u,pkts_in=158u,pkts_out=156u,bytes_in=12290u,bytes_out=38372u,pps_in=12u,pps_out=15u,cps=3u 1",
                "ipvs_real_server,address=192.0.2.11,address_family=inet,port=8080,virtual_address=10.77.0.1,virtual_port=80,virtual_protocol=tcp"
                        + " connections=24u,pkts_in=119u,pkts_out=118u,bytes_in=9305u,bytes_out=29330u,pps_in=11u,pps_out=11u,cps=2u,"
                        + "active_connections=1i,inactive_connections=4i 1",
                "ipvs_real_server,address=192.0.2.12,address_family=inet,port=8080,virtual_address=10.77.0.1,virtual_port=80,virtual_protocol=tcp"
                        + " connections=8u,pkts_in=39u,pkts_out=38u,bytes_in=2985u,bytes_out=9042u,pps_in=4u,pps_out=4u,cps=1u,"
                        + "active_connections=1i,inactive_connections=1i 1",
                "ipvs_virtual_server,address=2001:db8:77::1,address_family=inet6,netmask=2,port=53,protocol=udp,sched=wlc"
                        + " connections=30u,pkts_in=30u,pkts_out=30u,bytes_in=4440u,bytes_out=7440u,pps_in=3u,pps_out=3u,cps=3u 1",
                "ipvs_real_server,address=2001:db8:2::12,address_family=inet6,port=5353,virtual_address=2001:db8:77::1,virtual_port=53,virtual_protocol=udp"
                        + " connections=30u,pkts_in=30u,pkts_out=30u,bytes_in=4440u,bytes_out=7440u,pps_in=3u,pps_out=3u,cps=3u,"
                        + "active_connections=0i,inactive_connections=5i 1",
                "ipvs_virtual_server,address_family=inet6,fwmark=8,netmask=1,sched=dh"
                        + " connections=0u,pkts_in=0u,pkts_out=0u,bytes_in=0u,bytes_out=0u,pps_in=0u,pps_out=0u,cps=0u 1",
                "ipvs_real_server,address=2001:db8:2::21,address_family=inet6,port=0,virtual_fwmark=8"
                        + " connections=0i,pkts_in=0i,pkts_out=0i,bytes_in=0i,bytes_out=0i,pps_in=0i,pps_out=0i,cps=0i,"
                        + "active_connections=0i,inactive_connections=0i 1"));
    }

    private static List<String> compare(List<String> lines) {
        return IpvsadmComparison.compare(LineProtocolParser.parseAll(lines, "ipvs_"), BEFORE, AFTER, Set.of("host"));
    }

    @Test
    void parsesServicesRealServersAndNetmasks() {
        assertThat(BEFORE.services()).containsOnlyKeys("tcp/10.77.0.1/80", "udp/2001:db8:77::1/53", "fwmark/8/inet6");
        Service udp6 = BEFORE.services().get("udp/2001:db8:77::1/53");
        assertThat(udp6.scheduler()).isEqualTo("wlc");
        assertThat(udp6.netmaskText()).isEqualTo("96");
        assertThat(IpvsadmComparison.expectedNetmaskTag(udp6)).isEqualTo("2");
        assertThat(udp6.reals()).singleElement().satisfies(real -> {
            assertThat(real.address()).isEqualTo("2001:db8:2::12");
            assertThat(real.inactiveConnections()).isEqualTo(5);
        });
        assertThat(BEFORE.services().get("fwmark/8/inet6").reals().get(0).forward()).isEqualTo("Route");
    }

    @Test
    void agreeingMetricsShowNoDifference() {
        assertThat(compare(agreeingLines())).isEmpty();
    }

    @Test
    void namesAWrongCounter() {
        List<String> lines = agreeingLines();
        lines.set(1, lines.get(1).replace("bytes_in=9305u", "bytes_in=9306u"));
        assertThat(compare(lines)).singleElement().asString()
                .contains("192.0.2.11/8080").contains("bytes_in=9306").contains("9305");
    }

    @Test
    void namesARateOutsideTheSnapshots() {
        List<String> lines = agreeingLines();
        lines.set(0, lines.get(0).replace("pps_in=12u", "pps_in=16u"));
        assertThat(compare(lines)).singleElement().asString().contains("pps_in=16").contains("between");
    }

    @Test
    void namesMissingAndExtraMetricsAndTags() {
        List<String> lines = agreeingLines();
        lines.remove(2);
        lines.set(2, lines.get(2).replace("netmask=2", "netmask=96"));
        lines.add("ipvs_virtual_server,address=10.9.9.9,address_family=inet,netmask=32,port=1,protocol=tcp,sched=rr cps=0u 1");
        assertThat(compare(lines)).hasSize(3).anySatisfy(d -> assertThat(d).contains("no ipvs_real_server metric for 192.0.2.12/8080"))
                .anySatisfy(d -> assertThat(d).contains("netmask=96"))
                .anySatisfy(d -> assertThat(d).contains("does not list (tcp/10.9.9.9/1)"));
    }

    @Test
    void namesAWrongConnectionCountAndAMissingField() {
        List<String> lines = agreeingLines();
        lines.set(4, lines.get(4).replace("inactive_connections=5i", "inactive_connections=4i").replace("cps=3u,", ""));
        assertThat(compare(lines)).hasSize(3)
                .anySatisfy(d -> assertThat(d).contains("inactive_connections=4"))
                .anySatisfy(d -> assertThat(d).contains("fields"))
                .anySatisfy(d -> assertThat(d).contains("cps=null"));
    }

    @Test
    void lineProtocolParserReadsTestModePrefixAndEscapes() {
        ParsedMetric metric = LineProtocolParser.parse("ipvs_x,a\\ b=c\\,d f=1u,g=-2i,h=1.5,s=\"q\\\"\" 42");
        assertThat(metric.tags()).containsEntry("a b", "c,d");
        assertThat(metric.integer("f")).isEqualTo(1);
        assertThat(metric.integer("g")).isEqualTo(-2);
        assertThat(metric.fields()).containsEntry("h", 1.5).containsEntry("s", "q\"");
        assertThat(metric.unsignedFields()).containsExactly("f");
        assertThat(metric.timestamp()).isEqualTo(42);
        assertThat(LineProtocolParser.parseAll(List.of("> ipvs_y f=1i 1", "2024 I! log line", ""), "ipvs_")).hasSize(1);
    }
}
