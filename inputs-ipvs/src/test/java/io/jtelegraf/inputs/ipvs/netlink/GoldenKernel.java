package io.jtelegraf.inputs.ipvs.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A kernel that answers requests with recorded reply datagrams. The recorded exchange is found by
 * what the request asks for (family lookup, service dump, destination dump of one service), and
 * its datagrams are adapted the way a live kernel would differ: the sequence number becomes the
 * request's, and the family id becomes the current one. Requests to any other family id get the
 * recorded ENOENT answer ({@code extras/stale_family_id.hex}), a destination dump for an unknown
 * service the recorded bare DONE ({@code errors/dest_dump_unknown_service.hex}), as the real kernel does.
 */
final class GoldenKernel implements ScriptedTransport.Kernel {
    private static final int GENL_ID_CTRL = 0x10;

    private final Map<String, Recording.Exchange> exchanges = new HashMap<>();
    private final byte[] enoentTemplate = Recording.load("extras/stale_family_id.hex").allReplies().get(0);
    private final byte[] doneTemplate = Recording.load("errors/dest_dump_unknown_service.hex").allReplies().get(0);
    private final List<String> asked = new ArrayList<>();
    private int recordedFamilyId = -1;
    private int familyId = -1;

    /** Adds every exchange of {@code recording}; a later one for the same request replaces an earlier. */
    GoldenKernel with(Recording recording) {
        for (Recording.Exchange exchange : recording.exchanges()) {
            WireRequest request = WireRequest.decode(exchange.request());
            exchanges.put(request.key(), exchange);
            if (request.type() == GENL_ID_CTRL && recordedFamilyId < 0) {
                // -1 when the recorded lookup failed (then no IPVS request can succeed anyway).
                recordedFamilyId = familyIdIn(exchange.replies().get(0));
                familyId = recordedFamilyId;
            }
        }
        return this;
    }

    GoldenKernel with(String... paths) {
        for (String path : paths) {
            with(Recording.load(path));
        }
        return this;
    }

    /** Simulates "rmmod ip_vs; modprobe ip_vs": the family is registered under a new id. */
    void reloadModule(int newFamilyId) {
        familyId = newFamilyId;
    }

    int familyId() {
        return familyId;
    }

    /** The keys of all requests answered so far, in order. */
    List<String> asked() {
        return asked;
    }

    Recording.Exchange exchange(String key) {
        return exchanges.get(key);
    }

    @Override
    public List<byte[]> answer(byte[] request) {
        WireRequest wire = WireRequest.decode(request);
        asked.add(wire.key());
        if (wire.type() != GENL_ID_CTRL && wire.type() != familyId) {
            return List.of(rewrite(enoentTemplate, sequenceOf(enoentTemplate), wire.sequence()));
        }
        Recording.Exchange exchange = exchanges.get(wire.key());
        if (exchange == null) {
            if (wire.command() == 8) {
                return List.of(rewrite(doneTemplate, sequenceOf(doneTemplate), wire.sequence()));
            }
            throw new AssertionError("the recording has no answer for request " + wire.key());
        }
        int recordedSequence = WireRequest.decode(exchange.request()).sequence();
        List<byte[]> replies = new ArrayList<>();
        for (byte[] datagram : exchange.replies()) {
            replies.add(rewrite(datagram, recordedSequence, wire.sequence()));
        }
        return replies;
    }

    private static int sequenceOf(byte[] datagram) {
        return ByteBuffer.wrap(datagram).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
    }

    private byte[] rewrite(byte[] datagram, int recordedSequence, int sequence) {
        byte[] copy = datagram.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        int offset = 0;
        while (offset + 16 <= copy.length) {
            int length = buffer.getInt(offset);
            if (buffer.getInt(offset + 8) == recordedSequence) {
                buffer.putInt(offset + 8, sequence);
            }
            int type = buffer.getShort(offset + 4) & 0xFFFF;
            if (type == recordedFamilyId) {
                buffer.putShort(offset + 4, (short) familyId);
            } else if (type == GENL_ID_CTRL) {
                patchFamilyId(buffer, offset, length);
            }
            offset += (length + 3) & ~3;
        }
        return copy;
    }

    private void patchFamilyId(ByteBuffer buffer, int offset, int length) {
        for (int position = offset + 20; position + 4 <= offset + length; position += (buffer.getShort(position) + 3) & ~3) {
            if ((buffer.getShort(position + 2) & 0x3FFF) == 1 && (buffer.getShort(position + 4) & 0xFFFF) == recordedFamilyId) {
                buffer.putShort(position + 4, (short) familyId);
            }
        }
    }

    private static int familyIdIn(byte[] reply) {
        ByteBuffer buffer = ByteBuffer.wrap(reply).order(ByteOrder.LITTLE_ENDIAN);
        for (int position = 20; position + 4 <= reply.length; position += (buffer.getShort(position) + 3) & ~3) {
            if ((buffer.getShort(position + 2) & 0x3FFF) == 1) {
                return buffer.getShort(position + 4) & 0xFFFF;
            }
        }
        return -1;
    }
}
