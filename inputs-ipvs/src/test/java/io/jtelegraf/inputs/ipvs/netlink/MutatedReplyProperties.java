package io.jtelegraf.inputs.ipvs.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Golden reply datagrams with bytes overwritten, lengths forged and tails cut off must either
 * decode or fail with the client's own {@link IpvsException}: never an index, argument or memory
 * error, never an endless loop, never more receives than datagrams offered.
 */
class MutatedReplyProperties {
    private static final List<byte[]> SERVICE_DATAGRAMS = new ArrayList<>();
    private static final List<byte[]> DESTINATION_DATAGRAMS = new ArrayList<>();

    private static final int FAMILY_ID;

    static {
        for (String layout : List.of("raw", "derived_nopad")) {
            for (String file : GoldenDumpTest.goldenFiles(layout)) {
                List<byte[]> target = file.contains("/04_") ? SERVICE_DATAGRAMS : file.contains("/05_") ? DESTINATION_DATAGRAMS : null;
                if (target != null) {
                    Recording.load(file).allReplies().stream().filter(datagram -> datagram.length > 20).forEach(target::add);
                }
            }
        }
        FAMILY_ID = ByteBuffer.wrap(SERVICE_DATAGRAMS.get(0)).order(ByteOrder.LITTLE_ENDIAN).getShort(4) & 0xFFFF;
    }

    @Property(tries = 3000)
    void overwrittenBytesDecodeOrFailCleanly(@ForAll @IntRange(min = 0, max = 1_000_000) int pick,
                                             @ForAll boolean destinations,
                                             @ForAll @Size(min = 1, max = 16) List<@IntRange(min = 0, max = 65535) Integer> offsets,
                                             @ForAll @Size(min = 1, max = 16) List<Byte> values) {
        byte[] datagram = pick(destinations, pick);
        for (int i = 0; i < offsets.size(); i++) {
            datagram[offsets.get(i) % datagram.length] = values.get(i % values.size());
        }
        assertDecodesOrFailsCleanly(datagram, destinations);
    }

    @Property(tries = 3000)
    void forgedLengthFieldsDecodeOrFailCleanly(@ForAll @IntRange(min = 0, max = 1_000_000) int pick,
                                               @ForAll boolean destinations,
                                               @ForAll @IntRange(min = 0, max = 65535) int where,
                                               @ForAll int forged) {
        byte[] datagram = pick(destinations, pick);
        ByteBuffer buffer = ByteBuffer.wrap(datagram).order(ByteOrder.LITTLE_ENDIAN);
        // Aim at 4-byte boundaries, where nlmsg_len and nla_len fields live.
        int position = (where % datagram.length) & ~3;
        if (position + 4 <= datagram.length && (where & 1) == 0) {
            buffer.putInt(position, forged);
        } else {
            buffer.putShort(position, (short) forged);
        }
        assertDecodesOrFailsCleanly(datagram, destinations);
    }

    @Property(tries = 2000)
    void truncatedDatagramsDecodeOrFailCleanly(@ForAll @IntRange(min = 0, max = 1_000_000) int pick,
                                               @ForAll boolean destinations,
                                               @ForAll @IntRange(min = 0, max = 65535) int cut) {
        byte[] datagram = pick(destinations, pick);
        assertDecodesOrFailsCleanly(Arrays.copyOf(datagram, cut % (datagram.length + 1)), destinations);
    }

    private static byte[] pick(boolean destinations, int pick) {
        List<byte[]> pool = destinations ? DESTINATION_DATAGRAMS : SERVICE_DATAGRAMS;
        return pool.get(pick % pool.size()).clone();
    }

    /**
     * Walks the datagram in an array of exactly its size (so any read past its end throws), then
     * runs it through the exchange loop, followed by a DONE.
     */
    private static void assertDecodesOrFailsCleanly(byte[] datagram, boolean destinations) {
        byte[] exact = datagram.clone();
        VirtualServer service = new VirtualServer();
        RealServer realServer = new RealServer();
        try {
            NetlinkExchange.walk(exact, datagram.length, 1, FAMILY_ID, (buffer, offset, length) -> {
                if (destinations) {
                    IpvsReplyParser.destination(buffer, offset, length, 10, realServer);
                } else {
                    IpvsReplyParser.service(buffer, offset, length, service);
                }
            });
        } catch (IpvsException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
        byte[] done = Recording.load("errors/dest_dump_unknown_service.hex").allReplies().get(0);
        List<byte[]> offered = List.of(datagram, done);
        ScriptedTransport replay = ScriptedTransport.replaying(offered);
        NetlinkExchange exchange = new NetlinkExchange(replay, Duration.ofSeconds(3));
        ReusableList<VirtualServer> services = new ReusableList<>(VirtualServer::new);
        ReusableList<RealServer> realServers = new ReusableList<>(RealServer::new);
        try {
            // Every golden capture and the DONE use sequence number 1.
            exchange.execute(0, 1, FAMILY_ID, (buffer, offset, length) -> {
                if (destinations) {
                    IpvsReplyParser.destination(buffer, offset, length, 10, realServers.append());
                } else {
                    IpvsReplyParser.service(buffer, offset, length, services.append());
                }
            });
            services.forEach(VirtualServer::toString);
            realServers.forEach(RealServer::toString);
        } catch (IpvsException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
        assertThat(replay.receives()).isLessThanOrEqualTo(offered.size() + 1);
    }

}
