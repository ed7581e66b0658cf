package io.jtelegraf.inputs.ipvs.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * A request datagram decoded by the tests themselves (independently of the code under test), to
 * tell which recorded exchange answers it: the family lookup, the service dump, or the
 * destination dump of one service identified by AF plus fwmark or protocol/address/port.
 */
record WireRequest(int type, int flags, int sequence, int command, String key) {

    static WireRequest decode(byte[] datagram) {
        ByteBuffer buffer = ByteBuffer.wrap(datagram).order(ByteOrder.LITTLE_ENDIAN);
        int type = buffer.getShort(4) & 0xFFFF;
        int flags = buffer.getShort(6) & 0xFFFF;
        int sequence = buffer.getInt(8);
        int command = buffer.get(16) & 0xFF;
        String key;
        if (type == 0x10) {
            key = "getfamily " + familyName(buffer, datagram.length);
        } else if (command == 4) {
            key = "services";
        } else if (command == 8) {
            key = "dests " + serviceKey(buffer, datagram.length);
        } else {
            key = "command " + command;
        }
        return new WireRequest(type, flags, sequence, command, key);
    }

    private static String familyName(ByteBuffer buffer, int end) {
        for (int position = 20; position + 4 <= end; position += (buffer.getShort(position) + 3) & ~3) {
            if ((buffer.getShort(position + 2) & 0x3FFF) == 2) {
                StringBuilder name = new StringBuilder();
                for (int i = position + 4; i < position + buffer.getShort(position) && buffer.get(i) != 0; i++) {
                    name.append((char) buffer.get(i));
                }
                return name.toString();
            }
        }
        return "?";
    }

    /** "af=2 fwmark=100" or "af=2 proto=6 addr=0a0a0001... port=80". */
    static String serviceKey(ByteBuffer buffer, int end) {
        for (int position = 20; position + 4 <= end; position += (buffer.getShort(position) + 3) & ~3) {
            if ((buffer.getShort(position + 2) & 0x3FFF) != 1) {
                continue;
            }
            int nestEnd = position + buffer.getShort(position);
            int af = 0;
            int protocol = 0;
            int port = 0;
            long fwmark = 0;
            byte[] address = new byte[16];
            for (int inner = position + 4; inner + 4 <= nestEnd; inner += (buffer.getShort(inner) + 3) & ~3) {
                int length = buffer.getShort(inner) - 4;
                int payload = inner + 4;
                switch (buffer.getShort(inner + 2) & 0x3FFF) {
                    case 1 -> af = buffer.getShort(payload) & 0xFFFF;
                    case 2 -> protocol = buffer.getShort(payload) & 0xFFFF;
                    case 3 -> buffer.get(payload, address, 0, Math.min(length, 16));
                    case 4 -> port = (buffer.get(payload) & 0xFF) << 8 | (buffer.get(payload + 1) & 0xFF);
                    case 5 -> fwmark = buffer.getInt(payload) & 0xFFFFFFFFL;
                    default -> {
                    }
                }
            }
            return fwmark != 0 ? "af=" + af + " fwmark=" + fwmark
                    : "af=" + af + " proto=" + protocol + " addr=" + HexFormat.of().formatHex(address) + " port=" + port;
        }
        return "none";
    }
}
