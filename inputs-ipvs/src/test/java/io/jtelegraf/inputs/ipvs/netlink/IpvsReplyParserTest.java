package io.jtelegraf.inputs.ipvs.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * Decoding details that the golden captures of a 6.1 kernel do not show directly: older kernels
 * without STATS64 or ADDR_FAMILY, simulated by renaming those attributes in captured messages to
 * a type no kernel uses (which the parser must skip).
 */
class IpvsReplyParserTest {
    private static final int UNUSED_TYPE = 0x3FF0;

    /** The first real server message of S1 (TCP 10.10.0.1:80), x86_64 layout. */
    private static ByteBuffer firstMessage(String file) {
        byte[] datagram = Recording.load(file).allReplies().get(0);
        ByteBuffer buffer = ByteBuffer.wrap(datagram).order(ByteOrder.LITTLE_ENDIAN);
        return buffer.limit(buffer.getInt(0));
    }

    /** Renames the first attribute of {@code type} inside the message's top-level nest. */
    private static void rename(ByteBuffer message, int type) {
        int nestEnd = 20 + (message.getShort(20) & 0xFFFF);
        for (int position = 24; position + 4 <= nestEnd; position += ((message.getShort(position) & 0xFFFF) + 3) & ~3) {
            if ((message.getShort(position + 2) & 0x3FFF) == type) {
                message.putShort(position + 2, (short) UNUSED_TYPE);
                return;
            }
        }
        throw new AssertionError("no attribute " + type);
    }

    private static RealServer destination(ByteBuffer message, int serviceFamily) throws MalformedReplyException {
        RealServer realServer = new RealServer();
        assertThat(IpvsReplyParser.destination(message.array(), 0, message.limit(), serviceFamily, realServer)).isTrue();
        return realServer;
    }

    @Test
    void withoutStats64TheLegacyStatsAreUsed() throws MalformedReplyException {
        ByteBuffer message = firstMessage("derived_nopad/05_get_dest_dump_07_tcp_10.10.0.1_80.nopad.hex");
        RealServer modern = destination(message, 2);
        rename(message, NetlinkConstants.DEST_ATTR_STATS64);

        RealServer legacy = destination(message, 2);

        assertThat(modern.stats().from64Bit()).isTrue();
        assertThat(legacy.stats().from64Bit()).isFalse();
        assertThat(legacy.stats()).hasToString(modern.stats().toString().replace("(64-bit)", "(32-bit)"));
        assertThat(legacy.stats().connections()).isPositive();
    }

    @Test
    void theLegacyStatsNestNeverOverridesStats64() throws MalformedReplyException {
        ByteBuffer message = firstMessage("derived_nopad/05_get_dest_dump_07_tcp_10.10.0.1_80.nopad.hex");
        RealServer expected = destination(message, 2);
        // Make the legacy nest claim other values: it must not win over STATS64.
        int nestEnd = 20 + (message.getShort(20) & 0xFFFF);
        for (int position = 24; position + 4 <= nestEnd; position += ((message.getShort(position) & 0xFFFF) + 3) & ~3) {
            if ((message.getShort(position + 2) & 0x3FFF) == NetlinkConstants.DEST_ATTR_STATS) {
                message.putInt(position + 8, 123_456);
            }
        }

        assertThat(destination(message, 2).stats()).hasToString(expected.stats().toString());
    }

    /** Makes the first attribute inside the legacy STATS nest claim more bytes than the nest has. */
    private static void breakLegacyStatsInside(ByteBuffer message) {
        int nestEnd = 20 + (message.getShort(20) & 0xFFFF);
        for (int position = 24; position + 4 <= nestEnd; position += ((message.getShort(position) & 0xFFFF) + 3) & ~3) {
            if ((message.getShort(position + 2) & 0x3FFF) == NetlinkConstants.DEST_ATTR_STATS) {
                message.putShort(position + 4, (short) 0x7FF0);
                return;
            }
        }
        throw new AssertionError("no legacy STATS nest");
    }

    @Test
    void theLegacyStatsNestIsOnlyDecodedWithoutStats64() throws MalformedReplyException {
        ByteBuffer message = firstMessage("derived_nopad/05_get_dest_dump_07_tcp_10.10.0.1_80.nopad.hex");
        RealServer expected = destination(message, 2);
        breakLegacyStatsInside(message);

        // Nothing of the legacy nest is used when STATS64 is there, so it is not looked into.
        assertThat(destination(message, 2).stats()).hasToString(expected.stats().toString());

        rename(message, NetlinkConstants.DEST_ATTR_STATS64);
        assertThatThrownBy(() -> destination(message, 2)).isInstanceOf(MalformedReplyException.class)
                .hasMessageContaining("claims 32752 bytes");
    }

    @Test
    void withoutAddressFamilyTheServicesFamilyIsUsed() throws MalformedReplyException {
        ByteBuffer message = firstMessage("derived_nopad/05_get_dest_dump_07_tcp_10.10.0.1_80.nopad.hex");
        rename(message, NetlinkConstants.DEST_ATTR_ADDR_FAMILY);

        assertThat(destination(message, 2).addressFamily()).isEqualTo(2);
        assertThat(destination(message, 10).addressFamily()).isEqualTo(10);
    }

    @Test
    void withoutAnyFamilyItIsGuessedFromTheAddressBytesAsMobyDoes() throws MalformedReplyException {
        ByteBuffer ipv4 = firstMessage("derived_nopad/05_get_dest_dump_07_tcp_10.10.0.1_80.nopad.hex");
        rename(ipv4, NetlinkConstants.DEST_ATTR_ADDR_FAMILY);
        ByteBuffer ipv6 = firstMessage("derived_nopad/05_get_dest_dump_02_udp_2001-db8-10--1_53.nopad.hex");
        rename(ipv6, NetlinkConstants.DEST_ATTR_ADDR_FAMILY);

        assertThat(destination(ipv4, 0).addressText()).startsWith("192.168.100.");
        assertThat(destination(ipv4, 0).addressFamily()).isEqualTo(2);
        assertThat(destination(ipv6, 0).addressFamily()).isEqualTo(10);
        assertThat(destination(ipv6, 0).addressText()).startsWith("2001:db8:100::");

        ipv4.put(28, new byte[4]);
        assertThatThrownBy(() -> destination(ipv4, 0)).isInstanceOf(MalformedReplyException.class)
                .hasMessageContaining("all-zero address");
    }

    @Test
    void theHandDecodedServiceOfTheSpecificationDecodesAlike() throws MalformedReplyException {
        // S1 from raw/04 as decoded by hand in ipvs-netlink.md 5.1 (PAD attributes included).
        byte[] datagram = Recording.load("raw/04_get_service_dump.hex").allReplies().get(0);
        ByteBuffer buffer = ByteBuffer.wrap(datagram).order(ByteOrder.LITTLE_ENDIAN);
        VirtualServer service = new VirtualServer();
        int offset = 0;
        while (!(IpvsReplyParser.service(datagram, offset, buffer.getInt(offset), service) && service.port() == 80)) {
            offset += (buffer.getInt(offset) + 3) & ~3;
        }

        assertThat(HexFormat.of().formatHex(datagram, offset + 0x18, offset + 0x1c)).isEqualTo("06000100");
        assertThat(service.addressText()).isEqualTo("10.10.0.1");
        assertThat(service.scheduler()).isEqualTo("wrr");
        assertThat(service.flags()).isEqualTo(2);
        assertThat(service.netmask()).isEqualTo(-1);
        assertThat(service.stats().bpsOut()).isEqualTo(buffer.getInt(offset + 0xc4));
    }

    @Test
    void anAttributeTooShortForItsTypeIsMalformed() {
        ByteBuffer message = firstMessage("derived_nopad/05_get_dest_dump_07_tcp_10.10.0.1_80.nopad.hex");
        // The DEST ADDR attribute (first in the nest) claims 3 payload bytes.
        message.putShort(24, (short) 7);

        assertThatThrownBy(() -> destination(message, 2)).isInstanceOf(MalformedReplyException.class)
                .hasMessageContaining("ADDR has 3 bytes");
    }
}
