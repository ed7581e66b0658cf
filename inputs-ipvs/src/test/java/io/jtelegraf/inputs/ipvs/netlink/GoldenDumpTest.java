package io.jtelegraf.inputs.ipvs.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays the datagrams a real kernel (Linux 6.1) sent for the 9 services of the golden setup
 * through the real client, exchange loop and parser, and compares every service and real server
 * with what ipvsadm printed for the same table. Both the captured layout (with PAD attributes)
 * and the derived x86_64 layout (without) must give the same values.
 */
class GoldenDumpTest {
    private static final Map<String, Integer> FORWARDING = Map.of("Masq", 0, "Local", 1, "Tunnel", 2, "Route", 3);

    private final List<ScriptedTransport> transports = new ArrayList<>();

    private NetlinkIpvsClient client(GoldenKernel kernel) throws IpvsException {
        NetlinkIpvsClient client = new NetlinkIpvsClient(() -> {
            ScriptedTransport transport = new ScriptedTransport(kernel);
            transports.add(transport);
            return transport;
        }, Duration.ofSeconds(3));
        client.connect();
        return client;
    }

    static GoldenKernel kernelFor(String layout) {
        GoldenKernel kernel = new GoldenKernel().with("raw/01_ctrl_getfamily_IPVS.hex");
        for (String file : goldenFiles(layout)) {
            if (file.contains("/04_") || file.contains("/05_")) {
                kernel.with(file);
            }
        }
        return kernel;
    }

    static List<String> goldenFiles(String directory) {
        try (Stream<Path> files = Files.list(Path.of(GoldenDumpTest.class.getResource("/golden/" + directory).toURI()))) {
            return files.map(path -> directory + "/" + path.getFileName()).sorted().toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The services the golden README lists in its configuration table ("S1  ipvsadm -A ..."). */
    private static long servicesInReadme() {
        return Recording.text("README.txt").lines().filter(line -> line.matches("^S\\d+\\s+ipvsadm -A .*")).count();
    }

    @ParameterizedTest
    @ValueSource(strings = {"raw", "derived_nopad"})
    void everyServiceAndRealServerMatchesIpvsadmCounters(String layout) throws IpvsException {
        IpvsadmText stats = IpvsadmText.load("text/ipvsadm_L_n_stats_exact.txt");
        NetlinkIpvsClient client = client(kernelFor(layout));

        List<VirtualServer> services = client.services();

        assertThat(services).hasSize((int) servicesInReadme());
        assertThat(services).extracting(IpvsadmText::keyOf)
                .containsExactlyInAnyOrderElementsOf(stats.services().keySet());
        for (VirtualServer service : services) {
            IpvsadmText.Service expected = stats.service(IpvsadmText.keyOf(service));
            assertThat(counters(service.stats())).as(expected.key())
                    .containsExactly(expected.number(0), expected.number(1), expected.number(2), expected.number(3), expected.number(4));
            assertThat(service.stats().from64Bit()).as("STATS64 preferred").isTrue();

            List<RealServer> realServers = client.destinations(service);

            assertThat(realServers).extracting(IpvsadmText::keyOf)
                    .as(expected.key()).containsExactlyInAnyOrderElementsOf(expected.realServers().keySet());
            for (RealServer realServer : realServers) {
                String key = IpvsadmText.keyOf(realServer);
                assertThat(counters(realServer.stats())).as(expected.key() + " -> " + key).containsExactly(
                        expected.realServerNumber(key, 0), expected.realServerNumber(key, 1), expected.realServerNumber(key, 2),
                        expected.realServerNumber(key, 3), expected.realServerNumber(key, 4));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"raw", "derived_nopad"})
    void everyServiceMatchesIpvsadmListing(String layout) throws IpvsException {
        IpvsadmText listing = IpvsadmText.load("text/ipvsadm_Ln.txt");
        IpvsadmText thresholds = IpvsadmText.load("text/ipvsadm_Ln_thresholds.txt");
        IpvsadmText persistent = IpvsadmText.load("text/ipvsadm_Ln_persistent_conn.txt");
        NetlinkIpvsClient client = client(kernelFor(layout));

        List<VirtualServer> services = client.services();

        assertThat(services).extracting(IpvsadmText::keyOf).containsExactlyInAnyOrderElementsOf(listing.services().keySet());
        for (VirtualServer service : services) {
            String key = IpvsadmText.keyOf(service);
            IpvsadmText.Service expected = listing.service(key);
            assertThat(service.scheduler()).as(key).isEqualTo(expected.columns().get(0));
            String timeout = expected.after("persistent");
            assertThat(service.timeout()).as(key + " timeout").isEqualTo(timeout == null ? 0 : Long.parseLong(timeout));
            assertThat(service.flags() & 1).as(key + " persistent flag").isEqualTo(timeout == null ? 0 : 1);
            assertThat(service.flags() & 4).as(key + " one-packet flag").isEqualTo(expected.columns().contains("ops") ? 4 : 0);
            String engine = expected.after("pe");
            assertThat(service.persistenceEngine()).as(key + " pe").isEqualTo(engine == null ? "" : engine);
            String mask = expected.after("mask");
            if (mask != null) {
                assertThat(netmaskText(service)).as(key + " mask").isEqualTo(mask);
            }
            for (RealServer realServer : client.destinations(service)) {
                String server = IpvsadmText.keyOf(realServer);
                List<String> row = expected.realServers().get(server);
                assertThat(realServer.forwardingMethod()).as(server).isEqualTo(FORWARDING.get(row.get(0)));
                assertThat(realServer.weight()).as(server).isEqualTo(Long.parseLong(row.get(1)));
                assertThat(realServer.activeConnections()).as(server).isEqualTo(Long.parseLong(row.get(2)));
                assertThat(realServer.inactiveConnections()).as(server).isEqualTo(Long.parseLong(row.get(3)));
                IpvsadmText.Service thresholdRow = thresholds.service(key);
                assertThat(realServer.upperThreshold()).as(server).isEqualTo(thresholdRow.realServerNumber(server, 0));
                assertThat(realServer.lowerThreshold()).as(server).isEqualTo(thresholdRow.realServerNumber(server, 1));
                assertThat(realServer.persistentConnections()).as(server)
                        .isEqualTo(persistent.service(key).realServerNumber(server, 1));
            }
        }
    }

    /** ipvsadm prints an IPv4 mask dotted and an IPv6 one as its prefix length. */
    private static String netmaskText(VirtualServer service) {
        if (service.addressFamily() == 10) {
            return Integer.toString(service.netmask());
        }
        byte[] bytes = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(0, service.netmask()).array();
        return (bytes[0] & 0xFF) + "." + (bytes[1] & 0xFF) + "." + (bytes[2] & 0xFF) + "." + (bytes[3] & 0xFF);
    }

    @Test
    void paddedAndUnpaddedLayoutsDecodeToIdenticalValues() throws IpvsException {
        NetlinkIpvsClient padded = client(kernelFor("raw"));
        NetlinkIpvsClient unpadded = client(kernelFor("derived_nopad"));

        List<String> paddedText = describeAll(padded);
        List<String> unpaddedText = describeAll(unpadded);

        assertThat(paddedText).hasSizeGreaterThan(9).isEqualTo(unpaddedText);
    }

    private static List<String> describeAll(NetlinkIpvsClient client) throws IpvsException {
        List<String> lines = new ArrayList<>();
        for (VirtualServer service : client.services()) {
            lines.add(service.toString() + " flags=" + service.flags() + " timeout=" + service.timeout() + " netmask=" + service.netmask());
            for (RealServer realServer : client.destinations(service)) {
                lines.add("  " + realServer + " tun=" + realServer.tunnelType() + "/" + realServer.tunnelPort() + "/" + realServer.tunnelFlags());
            }
        }
        return lines;
    }

    @Test
    void requestsAreByteForByteTheRecordedOnesExceptTheSequenceNumber() throws IpvsException {
        GoldenKernel kernel = kernelFor("raw");
        NetlinkIpvsClient client = client(kernel);
        for (VirtualServer service : client.services()) {
            client.destinations(service);
        }

        List<byte[]> sent = transports.get(0).sent();
        assertThat(sent).hasSize(1 + 1 + (int) servicesInReadme());
        for (byte[] request : sent) {
            byte[] recorded = kernel.exchange(WireRequest.decode(request).key()).request();
            assertThat(withoutSequence(request)).as(WireRequest.decode(request).key()).isEqualTo(withoutSequence(recorded));
        }
    }

    private static byte[] withoutSequence(byte[] request) {
        byte[] copy = request.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0);
        return copy;
    }

    @Test
    void destinationsTakeTheirOwnAddressFamilyEvenInsideAServiceOfTheOther() throws IpvsException {
        NetlinkIpvsClient client = client(kernelFor("raw"));
        VirtualServer mixed = client.services().stream()
                .filter(service -> service.addressFamily() == 10 && service.port() == 443).findFirst().orElseThrow();

        assertThat(client.destinations(mixed)).extracting(RealServer::addressFamily, RealServer::addressText)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(2, "192.168.100.52"),
                        org.assertj.core.groups.Tuple.tuple(10, "2001:db8:100::51"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ipvsadm_L_n_rate_exact", "ipvsadm_L_n_stats_exact", "ipvsadm_Ln"})
    void straceCapturesOfIpvsadmMatchTheirOwnOutput(String run) throws IpvsException {
        IpvsadmText text = IpvsadmText.load("text/" + run + ".txt");
        NetlinkIpvsClient client = client(new GoldenKernel().with("strace/" + run + ".hex"));

        List<VirtualServer> services = client.services();

        assertThat(services).extracting(IpvsadmText::keyOf).containsExactlyInAnyOrderElementsOf(text.services().keySet());
        for (VirtualServer service : services) {
            IpvsadmText.Service expected = text.service(IpvsadmText.keyOf(service));
            List<RealServer> realServers = client.destinations(service);
            assertThat(realServers).extracting(IpvsadmText::keyOf).containsExactlyInAnyOrderElementsOf(expected.realServers().keySet());
            if (run.equals("ipvsadm_Ln")) {
                assertThat(service.scheduler()).isEqualTo(expected.columns().get(0));
                for (RealServer realServer : realServers) {
                    List<String> row = expected.realServers().get(IpvsadmText.keyOf(realServer));
                    assertThat(List.of(realServer.weight(), realServer.activeConnections(), realServer.inactiveConnections()))
                            .isEqualTo(List.of(Long.parseLong(row.get(1)), Long.parseLong(row.get(2)), Long.parseLong(row.get(3))));
                }
                continue;
            }
            boolean rates = run.contains("rate");
            assertThat(values(service.stats(), rates)).as(expected.key()).containsExactly(
                    expected.number(0), expected.number(1), expected.number(2), expected.number(3), expected.number(4));
            for (RealServer realServer : realServers) {
                String key = IpvsadmText.keyOf(realServer);
                assertThat(values(realServer.stats(), rates)).as(expected.key() + " -> " + key).containsExactly(
                        expected.realServerNumber(key, 0), expected.realServerNumber(key, 1), expected.realServerNumber(key, 2),
                        expected.realServerNumber(key, 3), expected.realServerNumber(key, 4));
            }
        }
    }

    @Test
    void bigDumpsSpanningSeveralDatagramsAreReadCompletely() throws IpvsException {
        Matcher summary = Pattern.compile("recv buffer\\s+65536: (\\d+) services in\\s+(\\d+) recv")
                .matcher(Recording.text("bigdump/bigdump_summary.txt"));
        assertThat(summary.find()).isTrue();
        int expectedServices = Integer.parseInt(summary.group(1));
        int expectedReceives = Integer.parseInt(summary.group(2));

        NetlinkIpvsClient large = client(new GoldenKernel().with("raw/01_ctrl_getfamily_IPVS.hex", "bigdump/big_service_dump_buf65536.hex"));
        List<String> fromLargeReads = large.services().stream().map(VirtualServer::toString).toList();
        int receives = transports.get(0).receives();
        NetlinkIpvsClient small = client(new GoldenKernel().with("raw/01_ctrl_getfamily_IPVS.hex", "bigdump/big_service_dump_buf4096.hex"));
        List<String> fromSmallReads = small.services().stream().map(VirtualServer::toString).toList();

        assertThat(fromLargeReads).hasSize(expectedServices).doesNotHaveDuplicates();
        assertThat(receives - 1).as("receives of the dump (after the family lookup)").isEqualTo(expectedReceives);
        assertThat(fromSmallReads).isEqualTo(fromLargeReads);
    }

    @Test
    void aDestinationDumpOfManyDatagramsIsReadCompletely() throws IpvsException {
        Matcher summary = Pattern.compile("recv buffer\\s+65536: (\\d+) dests")
                .matcher(Recording.text("bigdump/bigdump_summary.txt"));
        assertThat(summary.find()).isTrue();
        Recording recording = Recording.load("bigdump/big_dest_dump_buf65536.hex");
        NetlinkIpvsClient client = client(new GoldenKernel().with("raw/01_ctrl_getfamily_IPVS.hex").with(recording));
        VirtualServer service = new VirtualServer().addressFamily(2).protocol(6).address(new byte[] {10, 30, 0, 1}).port(80);

        List<RealServer> realServers = client.destinations(service);

        assertThat(realServers).hasSize(Integer.parseInt(summary.group(1)));
        assertThat(realServers).extracting(IpvsadmText::keyOf).doesNotHaveDuplicates();
        assertThat(realServers).allSatisfy(realServer -> assertThat(realServer.addressText()).startsWith("10.31."));
    }

    private static List<Long> counters(IpvsStats stats) {
        return List.of(stats.connections(), stats.packetsIn(), stats.packetsOut(), stats.bytesIn(), stats.bytesOut());
    }

    private static List<Long> values(IpvsStats stats, boolean rates) {
        return rates ? List.of(stats.cps(), stats.ppsIn(), stats.ppsOut(), stats.bpsIn(), stats.bpsOut()) : counters(stats);
    }
}
