package io.jtelegraf.inputs.ipvs.netlink;

import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.AF_INET;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.AF_INET6;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.CTRL_ATTR_FAMILY_ID;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.DEST_ATTR_ACTIVE_CONNS;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.DEST_ATTR_ADDR;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.DEST_ATTR_ADDR_FAMILY;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.DEST_ATTR_FWD_METHOD;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.DEST_ATTR_INACT_CONNS;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.DEST_ATTR_L_THRESH;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.DEST_ATTR_PERSIST_CONNS;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.DEST_ATTR_PORT;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.DEST_ATTR_STATS;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.DEST_ATTR_STATS64;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.DEST_ATTR_TUN_FLAGS;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.DEST_ATTR_TUN_PORT;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.DEST_ATTR_TUN_TYPE;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.DEST_ATTR_U_THRESH;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.DEST_ATTR_WEIGHT;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.GENL_MSG_HDRLEN;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.IPVS_CMD_ATTR_DEST;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.IPVS_CMD_ATTR_SERVICE;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.NLA_HDRLEN;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.NLA_TYPE_MASK;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.STATS_ATTR_CONNS;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.STATS_ATTR_CPS;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.STATS_ATTR_INBPS;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.STATS_ATTR_INBYTES;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.STATS_ATTR_INPKTS;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.STATS_ATTR_INPPS;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.STATS_ATTR_OUTBPS;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.STATS_ATTR_OUTBYTES;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.STATS_ATTR_OUTPKTS;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.STATS_ATTR_OUTPPS;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SVC_ATTR_ADDR;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SVC_ATTR_AF;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SVC_ATTR_FLAGS;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SVC_ATTR_FWMARK;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SVC_ATTR_NETMASK;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SVC_ATTR_PE_NAME;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SVC_ATTR_PORT;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SVC_ATTR_PROTOCOL;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SVC_ATTR_SCHED_NAME;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SVC_ATTR_STATS;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SVC_ATTR_STATS64;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SVC_ATTR_TIMEOUT;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.align4;

import java.nio.charset.StandardCharsets;

/**
 * Decodes generic netlink reply messages from the datagram's bytes (see {@link NetlinkExchange})
 * into reusable holders: no attribute objects, no copies beyond the 16 address bytes, no boxing.
 *
 * <p>Attributes are walked with every {@code nla_len} checked against its container; unknown
 * types (including the kernel's alignment {@code PAD}, type 11 in the stats nests) are skipped.
 * Integer widths follow {@code nla_len}, so a u32 and a u64 encoding of a counter both decode.
 * Network-order values (ports, addresses, the IPv4 netmask bytes) are read byte by byte.
 */
final class IpvsReplyParser {
    /** Longer than any scheduler or persistence engine name the kernel allows (16 with the NUL). */
    private static final int MAX_NAME_LENGTH = 64;

    private IpvsReplyParser() {
    }

    /** The {@code CTRL_ATTR_FAMILY_ID} of a {@code CTRL_CMD_NEWFAMILY} reply, or -1 when absent. */
    static int familyId(byte[] buffer, int offset, int length) throws MalformedReplyException {
        int end = offset + length;
        int position = offset + GENL_MSG_HDRLEN;
        int familyId = -1;
        while (end - position >= NLA_HDRLEN) {
            int header = NetlinkBytes.s32(buffer, position);
            int attributeLength = attributeLength(header, buffer, position, end);
            if (typeOf(header) == CTRL_ATTR_FAMILY_ID) {
                familyId = (int) unsigned(buffer, position + NLA_HDRLEN, attributeLength - NLA_HDRLEN, "CTRL_ATTR_FAMILY_ID");
            }
            position += align4(attributeLength);
        }
        return familyId;
    }

    /**
     * Decodes an {@code IPVS_CMD_NEW_SERVICE} message into {@code into}.
     *
     * @return false when the message holds no service attribute (nothing decoded)
     */
    static boolean service(byte[] buffer, int offset, int length, VirtualServer into) throws MalformedReplyException {
        int nest = findTopLevel(buffer, offset, length, IPVS_CMD_ATTR_SERVICE);
        if (nest < 0) {
            return false;
        }
        // Kept to reuse the String objects when the names did not change.
        String previousScheduler = into.scheduler;
        String previousEngine = into.persistenceEngine;
        into.clear();
        boolean have64 = false;
        int legacyStats = -1;
        int end = nest + NetlinkBytes.u16(buffer, nest);
        int position = nest + NLA_HDRLEN;
        while (end - position >= NLA_HDRLEN) {
            int header = NetlinkBytes.s32(buffer, position);
            int attributeLength = attributeLength(header, buffer, position, end);
            int payload = position + NLA_HDRLEN;
            int size = attributeLength - NLA_HDRLEN;
            switch (typeOf(header)) {
                case SVC_ATTR_AF -> into.addressFamily = (int) unsigned(buffer, payload, size, "service AF");
                case SVC_ATTR_PROTOCOL -> into.protocol = (int) unsigned(buffer, payload, size, "service PROTOCOL");
                case SVC_ATTR_ADDR -> address(buffer, payload, size, into.address.bytes);
                case SVC_ATTR_PORT -> into.port = bigEndianU16(buffer, payload, size, "service PORT");
                case SVC_ATTR_FWMARK -> into.fwmark = unsigned(buffer, payload, size, "service FWMARK");
                case SVC_ATTR_SCHED_NAME -> into.scheduler = name(buffer, payload, size, previousScheduler);
                case SVC_ATTR_PE_NAME -> into.persistenceEngine = name(buffer, payload, size, previousEngine);
                // struct ip_vs_flags {flags; mask}: only the flags matter in replies.
                case SVC_ATTR_FLAGS -> into.flags = NetlinkBytes.s32(buffer, payload + requireSize(size, 4, "service FLAGS"));
                case SVC_ATTR_TIMEOUT -> into.timeout = unsigned(buffer, payload, size, "service TIMEOUT");
                case SVC_ATTR_NETMASK -> into.netmask = NetlinkBytes.s32(buffer, payload + requireSize(size, 4, "service NETMASK"));
                case SVC_ATTR_STATS -> legacyStats = position;
                case SVC_ATTR_STATS64 -> {
                    stats(buffer, payload, size, into.stats, true);
                    have64 = true;
                }
                default -> {
                    // An attribute of a newer kernel: not needed.
                }
            }
            position += align4(attributeLength);
        }
        legacyStatsUnless(have64, buffer, legacyStats, into.stats);
        return true;
    }

    /**
     * Decodes an {@code IPVS_CMD_NEW_DEST} message into {@code into}. Kernels before 3.18 send no
     * {@code ADDR_FAMILY}; then the destination has its service's family, as those kernels could
     * not mix families. If even that is unknown, the family is guessed from the address bytes
     * the way moby/ipvs (Telegraf's library) does.
     *
     * @return false when the message holds no destination attribute (nothing decoded)
     */
    static boolean destination(byte[] buffer, int offset, int length, int serviceFamily, RealServer into)
            throws MalformedReplyException {
        int nest = findTopLevel(buffer, offset, length, IPVS_CMD_ATTR_DEST);
        if (nest < 0) {
            return false;
        }
        into.clear();
        int family = -1;
        boolean have64 = false;
        int legacyStats = -1;
        int end = nest + NetlinkBytes.u16(buffer, nest);
        int position = nest + NLA_HDRLEN;
        while (end - position >= NLA_HDRLEN) {
            int header = NetlinkBytes.s32(buffer, position);
            int attributeLength = attributeLength(header, buffer, position, end);
            int payload = position + NLA_HDRLEN;
            int size = attributeLength - NLA_HDRLEN;
            switch (typeOf(header)) {
                case DEST_ATTR_ADDR -> address(buffer, payload, size, into.address.bytes);
                case DEST_ATTR_PORT -> into.port = bigEndianU16(buffer, payload, size, "destination PORT");
                case DEST_ATTR_FWD_METHOD -> into.forwardingMethod = (int) unsigned(buffer, payload, size, "destination FWD_METHOD");
                case DEST_ATTR_WEIGHT -> into.weight = unsigned(buffer, payload, size, "destination WEIGHT");
                case DEST_ATTR_U_THRESH -> into.upperThreshold = unsigned(buffer, payload, size, "destination U_THRESH");
                case DEST_ATTR_L_THRESH -> into.lowerThreshold = unsigned(buffer, payload, size, "destination L_THRESH");
                case DEST_ATTR_ACTIVE_CONNS -> into.activeConnections = unsigned(buffer, payload, size, "destination ACTIVE_CONNS");
                case DEST_ATTR_INACT_CONNS -> into.inactiveConnections = unsigned(buffer, payload, size, "destination INACT_CONNS");
                case DEST_ATTR_PERSIST_CONNS -> into.persistentConnections = unsigned(buffer, payload, size, "destination PERSIST_CONNS");
                case DEST_ATTR_ADDR_FAMILY -> family = (int) unsigned(buffer, payload, size, "destination ADDR_FAMILY");
                case DEST_ATTR_TUN_TYPE -> into.tunnelType = (int) unsigned(buffer, payload, size, "destination TUN_TYPE");
                case DEST_ATTR_TUN_PORT -> into.tunnelPort = bigEndianU16(buffer, payload, size, "destination TUN_PORT");
                case DEST_ATTR_TUN_FLAGS -> into.tunnelFlags = (int) unsigned(buffer, payload, size, "destination TUN_FLAGS");
                case DEST_ATTR_STATS -> legacyStats = position;
                case DEST_ATTR_STATS64 -> {
                    stats(buffer, payload, size, into.stats, true);
                    have64 = true;
                }
                default -> {
                    // An attribute of a newer kernel: not needed.
                }
            }
            position += align4(attributeLength);
        }
        legacyStatsUnless(have64, buffer, legacyStats, into.stats);
        if (family < 0) {
            family = serviceFamily == AF_INET || serviceFamily == AF_INET6 ? serviceFamily : guessFamily(into.address.bytes);
        }
        into.addressFamily = family;
        return true;
    }

    /** moby/ipvs's rule for kernels without ADDR_FAMILY: only the first 4 bytes set means IPv4. */
    private static int guessFamily(byte[] address) throws MalformedReplyException {
        boolean headSet = false;
        boolean tailSet = false;
        for (int i = 0; i < 16; i++) {
            if (address[i] != 0) {
                if (i < 4) {
                    headSet = true;
                } else {
                    tailSet = true;
                }
            }
        }
        if (!headSet && !tailSet) {
            throw new MalformedReplyException("destination without ADDR_FAMILY has an all-zero address");
        }
        return headSet && !tailSet ? AF_INET : AF_INET6;
    }

    /**
     * Decodes the legacy {@code STATS} nest at {@code attribute} (-1: none) unless the message
     * had {@code STATS64}. The kernel sends both; the 64-bit nest wins (spec: use STATS64 when
     * present), so the legacy nest is only located during the walk, not decoded: that is a
     * quarter of the parsing. Its length was still checked against the container by the walk;
     * a legacy nest whose inner attributes are broken goes unnoticed when STATS64 is there,
     * as nothing of it would be used.
     */
    private static void legacyStatsUnless(boolean have64, byte[] buffer, int attribute, IpvsStats into)
            throws MalformedReplyException {
        if (!have64 && attribute >= 0) {
            int size = NetlinkBytes.u16(buffer, attribute) - NLA_HDRLEN;
            stats(buffer, attribute + NLA_HDRLEN, size, into, false);
        }
    }

    private static void stats(byte[] buffer, int start, int size, IpvsStats into, boolean is64Bit)
            throws MalformedReplyException {
        into.clear();
        into.from64Bit = is64Bit;
        int end = start + size;
        int position = start;
        while (end - position >= NLA_HDRLEN) {
            int header = NetlinkBytes.s32(buffer, position);
            int attributeLength = attributeLength(header, buffer, position, end);
            int payload = position + NLA_HDRLEN;
            int payloadSize = attributeLength - NLA_HDRLEN;
            switch (typeOf(header)) {
                case STATS_ATTR_CONNS -> into.connections = unsigned(buffer, payload, payloadSize, "CONNS");
                case STATS_ATTR_INPKTS -> into.packetsIn = unsigned(buffer, payload, payloadSize, "INPKTS");
                case STATS_ATTR_OUTPKTS -> into.packetsOut = unsigned(buffer, payload, payloadSize, "OUTPKTS");
                case STATS_ATTR_INBYTES -> into.bytesIn = unsigned(buffer, payload, payloadSize, "INBYTES");
                case STATS_ATTR_OUTBYTES -> into.bytesOut = unsigned(buffer, payload, payloadSize, "OUTBYTES");
                case STATS_ATTR_CPS -> into.cps = unsigned(buffer, payload, payloadSize, "CPS");
                case STATS_ATTR_INPPS -> into.ppsIn = unsigned(buffer, payload, payloadSize, "INPPS");
                case STATS_ATTR_OUTPPS -> into.ppsOut = unsigned(buffer, payload, payloadSize, "OUTPPS");
                case STATS_ATTR_INBPS -> into.bpsIn = unsigned(buffer, payload, payloadSize, "INBPS");
                case STATS_ATTR_OUTBPS -> into.bpsOut = unsigned(buffer, payload, payloadSize, "OUTBPS");
                default -> {
                    // PAD (11) and anything newer.
                }
            }
            position += align4(attributeLength);
        }
    }

    /** The offset of the first top-level attribute of {@code type}, or -1. */
    private static int findTopLevel(byte[] buffer, int offset, int length, int type) throws MalformedReplyException {
        int end = offset + length;
        int position = offset + GENL_MSG_HDRLEN;
        if (length < GENL_MSG_HDRLEN) {
            throw new MalformedReplyException("message of " + length + " bytes is shorter than its "
                    + GENL_MSG_HDRLEN + "-byte headers");
        }
        while (end - position >= NLA_HDRLEN) {
            int header = NetlinkBytes.s32(buffer, position);
            int attributeLength = attributeLength(header, buffer, position, end);
            if (typeOf(header) == type) {
                return position;
            }
            position += align4(attributeLength);
        }
        return -1;
    }

    /**
     * The checked {@code nla_len} of the attribute at {@code position} whose header, read as one
     * int, is {@code header}: at least 4, inside its container.
     */
    private static int attributeLength(int header, byte[] buffer, int position, int end) throws MalformedReplyException {
        int length = NetlinkBytes.LITTLE_ENDIAN ? header & 0xFFFF : header >>> 16;
        if (length < NLA_HDRLEN || length > end - position) {
            throw lengthOutOfContainer(buffer, position, end, length);
        }
        return length;
    }

    /**
     * The {@code nla_type} (flags masked) of an attribute header read as one int in host
     * order: {@code nla_len} is its first u16, {@code nla_type} its second. One read per
     * header instead of two is a measurable part of parsing.
     */
    private static int typeOf(int header) {
        return (NetlinkBytes.LITTLE_ENDIAN ? header >>> 16 : header) & NLA_TYPE_MASK;
    }

    // The messages are built in methods of their own, so the checks above and below stay small
    // enough for the JIT to inline them into the attribute loops.
    private static MalformedReplyException lengthOutOfContainer(byte[] buffer, int position, int end, int length) {
        return new MalformedReplyException("attribute of type " + (NetlinkBytes.u16(buffer, position + 2) & NLA_TYPE_MASK)
                + " claims " + length + " bytes where " + (end - position) + " remain in its container");
    }

    /** An unsigned integer of 1, 2, 4 or 8 bytes in host order, its width given by the attribute. */
    private static long unsigned(byte[] buffer, int position, int size, String what) throws MalformedReplyException {
        return switch (size) {
            case 1 -> NetlinkBytes.u8(buffer, position);
            case 2 -> NetlinkBytes.u16(buffer, position);
            case 4 -> NetlinkBytes.s32(buffer, position) & 0xFFFF_FFFFL;
            case 8 -> NetlinkBytes.s64(buffer, position);
            default -> throw notAnInteger(what, size);
        };
    }

    private static MalformedReplyException notAnInteger(String what, int size) {
        return new MalformedReplyException(what + " has " + size + " bytes, not 1, 2, 4 or 8");
    }

    private static int bigEndianU16(byte[] buffer, int position, int size, String what) throws MalformedReplyException {
        requireSize(size, 2, what);
        return NetlinkBytes.u8(buffer, position) << 8 | NetlinkBytes.u8(buffer, position + 1);
    }

    /** Returns 0 (to add to an index) when {@code size} is at least {@code minimum}. */
    private static int requireSize(int size, int minimum, String what) throws MalformedReplyException {
        if (size < minimum) {
            throw tooShort(what, size, minimum);
        }
        return 0;
    }

    private static MalformedReplyException tooShort(String what, int size, int minimum) {
        return new MalformedReplyException(what + " has " + size + " bytes, needs " + minimum);
    }

    /** Copies up to 16 address bytes (IPv4 replies pad to 16; requests may carry 4). */
    private static void address(byte[] buffer, int position, int size, byte[] into) throws MalformedReplyException {
        requireSize(size, 4, "ADDR");
        int copied = Math.min(size, 16);
        System.arraycopy(buffer, position, into, 0, copied);
        for (int i = copied; i < 16; i++) {
            into[i] = 0;
        }
    }

    /**
     * A NUL-terminated ASCII name. Returns {@code previous} when the bytes spell the same name,
     * so an unchanged scheduler name costs no allocation.
     */
    private static String name(byte[] buffer, int position, int size, String previous) throws MalformedReplyException {
        int length = 0;
        while (length < size && buffer[position + length] != 0) {
            length++;
        }
        if (length > MAX_NAME_LENGTH) {
            throw new MalformedReplyException("name of " + length + " bytes is longer than " + MAX_NAME_LENGTH);
        }
        if (previous.length() == length) {
            boolean same = true;
            for (int i = 0; i < length && same; i++) {
                same = previous.charAt(i) == (char) NetlinkBytes.u8(buffer, position + i);
            }
            if (same) {
                return previous;
            }
        }
        return new String(buffer, position, length, StandardCharsets.ISO_8859_1);
    }
}
