package io.jtelegraf.inputs.ipvs.netlink;

import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.CTRL_ATTR_FAMILY_ID;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.CTRL_CMD_NEWFAMILY;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.GENL_ID_CTRL;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.IPVS_CMD_GET_DEST;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.IPVS_CMD_GET_SERVICE;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A {@link NetlinkTransport} that answers the plugin's requests from a {@link Capture}, in place
 * of the kernel: the family lookup with the recorded family id, the service dump with the
 * recorded service datagrams, and the n-th real-server dump of a gather with the n-th recorded
 * real-server dump. Each receive copies one datagram into the direct reply buffer (what
 * {@code recvfrom} does) and writes the request's sequence number into its message headers (what
 * the kernel does), so the plugin's real exchange, parser and metric code run unchanged.
 *
 * <p>Requests must come in the recorded order, as the plugin sends them. Not thread-safe.
 */
final class CaptureReplayTransport implements NetlinkTransport {
    private final Capture capture;
    private final ByteBuffer request = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
    private final ByteBuffer reply = ByteBuffer.allocateDirect(REPLY_BUFFER_SIZE).order(ByteOrder.nativeOrder());
    private final List<Capture.Datagram> familyReply;
    private List<Capture.Datagram> answer = List.of();
    private int nextDatagram;
    private int nextDestinationDump;
    private int sequence;
    private boolean closed;

    CaptureReplayTransport(Capture capture) {
        this.capture = capture;
        this.familyReply = List.of(familyReply(capture.familyId()));
    }

    /** {@code CTRL_CMD_NEWFAMILY} carrying only {@code CTRL_ATTR_FAMILY_ID}: all the client reads. */
    private static Capture.Datagram familyReply(int familyId) {
        ByteBuffer message = ByteBuffer.allocate(28).order(ByteOrder.nativeOrder());
        message.putInt(0, 28).putShort(4, (short) GENL_ID_CTRL).putShort(6, (short) 0).putInt(8, 0).putInt(12, 0)
                .put(16, (byte) CTRL_CMD_NEWFAMILY).put(17, (byte) 2).putShort(18, (short) 0)
                .putShort(20, (short) 6).putShort(22, (short) CTRL_ATTR_FAMILY_ID).putShort(24, (short) familyId)
                .putShort(26, (short) 0);
        return new Capture.Datagram(message.array(), new int[] {0});
    }

    @Override
    public ByteBuffer requestBuffer() {
        return request;
    }

    @Override
    public ByteBuffer replyBuffer() {
        return reply;
    }

    @Override
    public void send(int length) {
        if (closed) {
            throw new IllegalStateException("send on a closed transport");
        }
        int type = request.getShort(4) & 0xFFFF;
        int command = request.get(16);
        sequence = request.getInt(8);
        nextDatagram = 0;
        if (type == GENL_ID_CTRL) {
            answer = familyReply;
        } else if (type == capture.familyId() && command == IPVS_CMD_GET_SERVICE) {
            answer = capture.serviceDump();
            nextDestinationDump = 0;
        } else if (type == capture.familyId() && command == IPVS_CMD_GET_DEST) {
            if (nextDestinationDump == capture.destinationDumpCount()) {
                throw new IllegalStateException(capture.source() + " holds " + capture.destinationDumpCount()
                        + " real-server dumps; the plugin asked for one more");
            }
            answer = capture.destinationDumps().get(nextDestinationDump++);
        } else {
            throw new IllegalStateException("a replayed capture cannot answer request type " + type + " command " + command);
        }
    }

    @Override
    public int receive() throws IpvsException {
        if (closed) {
            throw new IllegalStateException("receive on a closed transport");
        }
        if (nextDatagram == answer.size()) {
            throw new IpvsException("no reply from the kernel before the receive timeout", Errno.EAGAIN);
        }
        Capture.Datagram datagram = answer.get(nextDatagram++);
        byte[] bytes = datagram.bytes();
        reply.put(0, bytes);
        for (int header : datagram.headers()) {
            reply.putInt(header + 8, sequence);
        }
        return bytes.length;
    }

    @Override
    public void close() {
        closed = true;
    }
}
