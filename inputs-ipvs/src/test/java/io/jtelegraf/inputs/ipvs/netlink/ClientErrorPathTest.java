package io.jtelegraf.inputs.ipvs.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Error answers recorded from a real kernel, replayed through the client. */
class ClientErrorPathTest {
    private final List<ScriptedTransport> transports = new ArrayList<>();

    private NetlinkIpvsClient client(ScriptedTransport.Kernel kernel, Duration timeout) {
        return new NetlinkIpvsClient(() -> {
            ScriptedTransport transport = new ScriptedTransport(kernel);
            transports.add(transport);
            return transport;
        }, timeout);
    }

    private NetlinkIpvsClient client(ScriptedTransport.Kernel kernel) {
        return client(kernel, Duration.ofSeconds(3));
    }

    @Test
    void permissionDeniedNamesTheCapabilityAndTheSystemdLinesAndKeepsTheSocket() throws IpvsException {
        NetlinkIpvsClient client = client(new GoldenKernel().with("permissions/perm_nobody_nocaps.hex"));
        client.connect();

        assertThatThrownBy(client::services)
                .isInstanceOf(IpvsException.class)
                .hasMessageStartingWith("operation not permitted (")
                .hasMessageContaining("CAP_NET_ADMIN")
                .hasMessageContaining("AmbientCapabilities=CAP_NET_ADMIN")
                .hasMessageContaining("CapabilityBoundingSet=CAP_NET_ADMIN")
                .extracting(e -> ((IpvsException) e).errno()).isEqualTo(Errno.EPERM);
        assertThat(transports).hasSize(1);
        assertThat(transports.get(0).isClosed()).as("an error answer leaves the socket in step").isFalse();
    }

    @Test
    void aMissingFamilyMeansTheModuleIsNotLoadedAndSaysHowToLoadIt() {
        NetlinkIpvsClient client = client(new GoldenKernel()
                .with("errors/getfamily_IPVS_before_module_load_autoload_disabled.hex"));

        assertThatThrownBy(client::connect)
                .isInstanceOf(IpvsException.class)
                .hasMessageContaining("ip_vs kernel module is not loaded")
                .hasMessageContaining("modprobe ip_vs")
                .hasMessageContaining("/etc/modules-load.d/ipvs.conf");
        assertThat(transports.get(0).isClosed()).isTrue();
    }

    @Test
    void aStaleFamilyIdIsResolvedAgainOnceAfterTheModuleWasReloaded() throws IpvsException {
        int before = Integer.parseInt(Recording.text("extras/family_id_before.txt").trim());
        GoldenKernel kernel = new GoldenKernel().with("raw/01_ctrl_getfamily_IPVS.hex", "raw/04_get_service_dump.hex");
        NetlinkIpvsClient client = client(kernel);
        client.connect();
        assertThat(client.familyId()).isEqualTo(before);

        kernel.reloadModule(before + 1);
        List<VirtualServer> services = client.services();

        assertThat(services).isNotEmpty();
        assertThat(client.familyId()).isEqualTo(before + 1);
        assertThat(kernel.asked()).containsExactly("getfamily IPVS", "services", "getfamily IPVS", "services");
        assertThat(transports).hasSize(1);
    }

    @Test
    void aFamilyThatStaysUnreachableIsResolvedOnlyOnceBeforeFailing() throws IpvsException {
        GoldenKernel golden = new GoldenKernel().with("raw/01_ctrl_getfamily_IPVS.hex");
        byte[] enoent = Recording.load("extras/stale_family_id.hex").allReplies().get(0);
        ScriptedTransport.Kernel kernel = request -> WireRequest.decode(request).type() == 0x10
                ? golden.answer(request)
                : List.of(withSequence(enoent, WireRequest.decode(request).sequence()));
        List<String> asked = new ArrayList<>();
        NetlinkIpvsClient client = client(request -> {
            asked.add(WireRequest.decode(request).key());
            return kernel.answer(request);
        });
        client.connect();

        assertThatThrownBy(client::services).isInstanceOf(IpvsException.class)
                .hasMessage("no such file or directory");
        assertThat(asked).containsExactly("getfamily IPVS", "services", "getfamily IPVS", "services");
    }

    @Test
    void aTruncatedDatagramIsAParseErrorAndTheNextRequestUsesANewSocket() throws IpvsException {
        List<byte[]> truncated = Recording.load("errors/truncation_small_buffer.hex").allReplies();
        GoldenKernel golden = new GoldenKernel().with("raw/01_ctrl_getfamily_IPVS.hex", "raw/04_get_service_dump.hex");
        boolean[] truncate = {true};
        NetlinkIpvsClient client = client(request -> {
            WireRequest wire = WireRequest.decode(request);
            if (wire.command() == 4 && truncate[0]) {
                truncate[0] = false;
                return List.of(withSequence(truncated.get(0), wire.sequence()), withSequence(truncated.get(1), wire.sequence()));
            }
            return golden.answer(request);
        });
        client.connect();

        assertThatThrownBy(client::services).isInstanceOf(MalformedReplyException.class)
                .hasMessageContaining("does not fit the 64-byte datagram");
        assertThat(transports.get(0).isClosed()).isTrue();

        assertThat(client.services()).isNotEmpty();
        assertThat(transports).hasSize(2);
    }

    @Test
    void emptyDumpsGiveEmptyLists() throws IpvsException {
        NetlinkIpvsClient client = client(new GoldenKernel()
                .with("extras/get_service_dump_no_services.hex", "errors/dest_dump_unknown_service.hex"));
        client.connect();

        assertThat(client.services()).isEmpty();
        VirtualServer unknown = new VirtualServer().addressFamily(2).protocol(6).address(new byte[] {10, 99, 99, 99}).port(80);
        assertThat(client.destinations(unknown)).isEmpty();
    }

    @Test
    void aKernelThatNeverAnswersTimesOutAndTheSocketIsReplaced() throws IpvsException {
        GoldenKernel golden = new GoldenKernel().with("raw/01_ctrl_getfamily_IPVS.hex");
        // extras/type0_dump_without_ack.hex: some requests get no answer at all.
        NetlinkIpvsClient client = client(request -> WireRequest.decode(request).type() == 0x10 ? golden.answer(request) : List.of());
        client.connect();

        assertThatThrownBy(client::services).isInstanceOf(IpvsException.class).hasMessageContaining("receive timeout");
        assertThat(transports.get(0).isClosed()).isTrue();
    }

    @Test
    void staleDatagramsOfAnAbandonedRequestAreSkipped() throws IpvsException {
        GoldenKernel golden = new GoldenKernel().with("raw/01_ctrl_getfamily_IPVS.hex", "raw/04_get_service_dump.hex");
        List<byte[]> leftovers = Recording.load("raw/04_get_service_dump.hex").allReplies();
        NetlinkIpvsClient client = client(request -> {
            WireRequest wire = WireRequest.decode(request);
            List<byte[]> answer = new ArrayList<>();
            if (wire.command() == 4) {
                // A whole earlier dump under another sequence number arrives first.
                leftovers.forEach(datagram -> answer.add(withSequence(datagram, wire.sequence() + 1000)));
            }
            answer.addAll(golden.answer(request));
            return answer;
        });
        client.connect();

        List<String> services = client.services().stream().map(IpvsadmText::keyOf).toList();

        assertThat(services).hasSize(9).doesNotHaveDuplicates();
    }

    @Test
    void aDeadlineEndsAnExchangeThatOnlyReceivesStaleDatagrams() throws IpvsException {
        GoldenKernel golden = new GoldenKernel().with("raw/01_ctrl_getfamily_IPVS.hex", "raw/04_get_service_dump.hex");
        List<byte[]> stale = Recording.load("raw/04_get_service_dump.hex").allReplies();
        NetlinkIpvsClient client = client(request -> {
            WireRequest wire = WireRequest.decode(request);
            if (wire.type() == 0x10) {
                return golden.answer(request);
            }
            List<byte[]> answer = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answer.add(withSequence(stale.get(0), wire.sequence() + 1));
            }
            return answer;
        }, Duration.ofNanos(-1));
        // A negative timeout puts the deadline in the past: the first look at the clock, after
        // CLOCK_CHECK_PERIOD stale datagrams of the 50 on offer, must end the wait.
        client.connect();

        assertThatThrownBy(client::services).isInstanceOf(IpvsException.class).hasMessageContaining("no complete reply");
        assertThat(transports.get(0).receives()).isEqualTo(1 + NetlinkExchange.CLOCK_CHECK_PERIOD);
    }

    @Test
    void aDoneWithANegativeStatusIsAnError() throws IpvsException {
        GoldenKernel golden = new GoldenKernel().with("raw/01_ctrl_getfamily_IPVS.hex");
        byte[] done = Recording.load("errors/dest_dump_unknown_service.hex").allReplies().get(0);
        NetlinkIpvsClient client = client(request -> {
            WireRequest wire = WireRequest.decode(request);
            if (wire.type() == 0x10) {
                return golden.answer(request);
            }
            byte[] failed = withSequence(done, wire.sequence());
            ByteBuffer.wrap(failed).order(ByteOrder.LITTLE_ENDIAN).putInt(16, -Errno.ENOBUFS);
            return List.of(failed);
        });
        client.connect();

        assertThatThrownBy(client::services).isInstanceOf(IpvsException.class).hasMessage("no buffer space available");
    }

    @Test
    void aClosedClientCannotBeUsed() throws IpvsException {
        NetlinkIpvsClient client = client(new GoldenKernel().with("raw/01_ctrl_getfamily_IPVS.hex"));
        client.connect();
        client.close();

        assertThat(transports.get(0).isClosed()).isTrue();
        assertThatThrownBy(client::services).isInstanceOf(IllegalStateException.class);
    }

    static byte[] withSequence(byte[] datagram, int sequence) {
        byte[] copy = datagram.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        for (int offset = 0; offset + 16 <= copy.length; offset += (buffer.getInt(offset) + 3) & ~3) {
            buffer.putInt(offset + 8, sequence);
            if (buffer.getInt(offset) < 16) {
                break;
            }
        }
        return copy;
    }
}
