package io.jtelegraf.inputs.ipvs.netlink;

import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.CTRL_ATTR_FAMILY_NAME;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.CTRL_CMD_GETFAMILY;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.CTRL_VERSION;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.GENL_ID_CTRL;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.GENL_MSG_HDRLEN;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.IPVS_CMD_ATTR_SERVICE;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.IPVS_CMD_GET_DEST;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.IPVS_CMD_GET_SERVICE;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.IPVS_GENL_VERSION;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.NLA_F_NESTED;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.NLA_HDRLEN;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.NLM_F_DUMP;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.NLM_F_REQUEST;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SVC_ATTR_ADDR;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SVC_ATTR_AF;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SVC_ATTR_FWMARK;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SVC_ATTR_PORT;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SVC_ATTR_PROTOCOL;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.align4;

import java.nio.ByteBuffer;

/**
 * Writes the three requests the client sends into a native-order buffer, starting at index 0,
 * and returns their length. Only what the kernel needs is sent: no {@code NLM_F_ACK} (a dump ends
 * with {@code NLMSG_DONE} anyway) and, for GET_DEST, only the attributes that identify the
 * service.
 */
final class NetlinkRequests {
    private NetlinkRequests() {
    }

    /** {@code CTRL_CMD_GETFAMILY} for the family called {@code name} (ASCII). */
    static int getFamily(ByteBuffer buffer, int sequence, String name) {
        int position = GENL_MSG_HDRLEN;
        position = putString(buffer, position, CTRL_ATTR_FAMILY_NAME, name);
        putHeaders(buffer, position, GENL_ID_CTRL, NLM_F_REQUEST, sequence, CTRL_CMD_GETFAMILY, CTRL_VERSION);
        return position;
    }

    /** {@code IPVS_CMD_GET_SERVICE} dump: all services of the socket's namespace. */
    static int dumpServices(ByteBuffer buffer, int familyId, int sequence) {
        putHeaders(buffer, GENL_MSG_HDRLEN, familyId, NLM_F_REQUEST | NLM_F_DUMP, sequence,
                IPVS_CMD_GET_SERVICE, IPVS_GENL_VERSION);
        return GENL_MSG_HDRLEN;
    }

    /**
     * {@code IPVS_CMD_GET_DEST} dump for one service, identified by address family plus either
     * its firewall mark or protocol, address and port.
     */
    static int dumpDestinations(ByteBuffer buffer, int familyId, int sequence, VirtualServer service) {
        int nest = GENL_MSG_HDRLEN;
        int position = nest + NLA_HDRLEN;
        position = putU16(buffer, position, SVC_ATTR_AF, service.addressFamily);
        if (service.fwmark > 0) {
            position = putU32(buffer, position, SVC_ATTR_FWMARK, (int) service.fwmark);
        } else {
            position = putU16(buffer, position, SVC_ATTR_PROTOCOL, service.protocol);
            // Always the full union nf_inet_addr (IPv4: 4 bytes and 12 zeros), as ipvsadm sends it.
            buffer.putShort(position, (short) (NLA_HDRLEN + 16)).putShort(position + 2, (short) SVC_ATTR_ADDR);
            buffer.put(position + NLA_HDRLEN, service.address.bytes, 0, 16);
            position += NLA_HDRLEN + 16;
            // The port is the one big-endian attribute here.
            buffer.putShort(position, (short) (NLA_HDRLEN + 2)).putShort(position + 2, (short) SVC_ATTR_PORT);
            buffer.put(position + 4, (byte) (service.port >>> 8)).put(position + 5, (byte) service.port)
                    .putShort(position + 6, (short) 0);
            position += 8;
        }
        buffer.putShort(nest, (short) (position - nest)).putShort(nest + 2, (short) (IPVS_CMD_ATTR_SERVICE | NLA_F_NESTED));
        putHeaders(buffer, position, familyId, NLM_F_REQUEST | NLM_F_DUMP, sequence, IPVS_CMD_GET_DEST, IPVS_GENL_VERSION);
        return position;
    }

    private static void putHeaders(ByteBuffer buffer, int length, int type, int flags, int sequence, int command, int version) {
        buffer.putInt(0, length)
                .putShort(4, (short) type)
                .putShort(6, (short) flags)
                .putInt(8, sequence)
                .putInt(12, 0)
                .put(16, (byte) command)
                .put(17, (byte) version)
                .putShort(18, (short) 0);
    }

    private static int putU16(ByteBuffer buffer, int position, int type, int value) {
        buffer.putShort(position, (short) (NLA_HDRLEN + 2)).putShort(position + 2, (short) type)
                .putShort(position + 4, (short) value).putShort(position + 6, (short) 0);
        return position + 8;
    }

    private static int putU32(ByteBuffer buffer, int position, int type, int value) {
        buffer.putShort(position, (short) (NLA_HDRLEN + 4)).putShort(position + 2, (short) type).putInt(position + 4, value);
        return position + 8;
    }

    private static int putString(ByteBuffer buffer, int position, int type, String value) {
        int length = NLA_HDRLEN + value.length() + 1;
        buffer.putShort(position, (short) length).putShort(position + 2, (short) type);
        for (int i = 0; i < value.length(); i++) {
            buffer.put(position + NLA_HDRLEN + i, (byte) value.charAt(i));
        }
        for (int i = length; i < align4(length); i++) {
            buffer.put(position + i, (byte) 0);
        }
        buffer.put(position + length - 1, (byte) 0);
        return position + align4(length);
    }
}
