package io.jtelegraf.inputs.ipvs.netlink;

import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.NLMSG_DONE;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.NLMSG_ERROR;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.NLMSG_HDRLEN;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.NLMSG_MIN_TYPE;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.NLM_F_MULTI;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.align4;

import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * One request and its replies on a {@link NetlinkTransport}: sends the request, then reads
 * datagrams and walks the netlink messages in them until the exchange ends with
 * {@code NLMSG_DONE}, {@code NLMSG_ERROR} or a reply without {@code NLM_F_MULTI}.
 *
 * <p>Messages carrying another sequence number are left-overs of an earlier request that was
 * abandoned and are skipped. Every length is checked against its datagram before use. The
 * socket's receive timeout bounds each wait and a deadline bounds the whole exchange, so a kernel
 * that never finishes (or a stream of stale datagrams) cannot hang the caller.
 *
 * <p>Not thread-safe: one exchange at a time per transport.
 */
final class NetlinkExchange {

    /** Receives each reply message of the awaited type, in place in the reply buffer. */
    @FunctionalInterface
    interface MessageHandler {
        void message(ByteBuffer buffer, int offset, int length) throws MalformedReplyException;
    }

    private final NetlinkTransport transport;
    private final Duration timeout;
    private final long timeoutNanos;
    private int sequence;

    NetlinkExchange(NetlinkTransport transport, Duration timeout) {
        this.transport = transport;
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
    }

    NetlinkTransport transport() {
        return transport;
    }

    /** The sequence number for the next request; never 0, so it cannot match unset headers. */
    int nextSequence() {
        sequence++;
        if (sequence == 0) {
            sequence = 1;
        }
        return sequence;
    }

    /**
     * Sends the {@code length}-byte request in the transport's request buffer, whose header
     * carries {@code sequence}, and hands every reply message of type {@code replyType} to
     * {@code handler}.
     *
     * @throws KernelErrorException the kernel answered with an errno (the socket stays usable)
     * @throws IpvsException timeout, failed system call or malformed reply (the socket is not in
     *     step any more and must be closed)
     */
    void execute(int length, int sequence, int replyType, MessageHandler handler) throws IpvsException {
        transport.send(length);
        long deadline = System.nanoTime() + timeoutNanos;
        ByteBuffer buffer = transport.replyBuffer();
        while (true) {
            int received = transport.receive();
            if (received > 0 && walk(buffer, received, sequence, replyType, handler)) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IpvsException("no complete reply from the kernel within " + describe(timeout));
            }
        }
    }

    /** Walks one datagram; true when it ended the exchange. */
    static boolean walk(ByteBuffer buffer, int length, int sequence, int replyType, MessageHandler handler)
            throws IpvsException {
        int offset = 0;
        while (length - offset >= NLMSG_HDRLEN) {
            int messageLength = buffer.getInt(offset);
            if (messageLength < NLMSG_HDRLEN || messageLength > length - offset) {
                throw new MalformedReplyException("message length " + Integer.toUnsignedString(messageLength)
                        + " at offset " + offset + " does not fit the " + length + "-byte datagram");
            }
            if (buffer.getInt(offset + 8) == sequence) {
                int type = buffer.getShort(offset + 4) & 0xFFFF;
                if (type == NLMSG_ERROR) {
                    int errno = errnoOf(buffer, offset, messageLength, "NLMSG_ERROR");
                    if (errno == 0) {
                        return true;
                    }
                    throw new KernelErrorException(Errno.text(errno), errno);
                }
                if (type == NLMSG_DONE) {
                    // DONE may be bare (16 bytes); when it carries a status, a negative one is an error.
                    int errno = messageLength >= NLMSG_HDRLEN + 4 ? errnoOf(buffer, offset, messageLength, "NLMSG_DONE") : 0;
                    if (errno != 0) {
                        throw new KernelErrorException(Errno.text(errno), errno);
                    }
                    return true;
                }
                if (type >= NLMSG_MIN_TYPE) {
                    if (type == replyType) {
                        handler.message(buffer, offset, messageLength);
                    }
                    if ((buffer.getShort(offset + 6) & NLM_F_MULTI) == 0) {
                        return true;
                    }
                }
                // NLMSG_NOOP, NLMSG_OVERRUN and reserved control types carry nothing for us.
            }
            offset += align4(messageLength);
        }
        return false;
    }

    private static int errnoOf(ByteBuffer buffer, int offset, int messageLength, String what) throws MalformedReplyException {
        if (messageLength < NLMSG_HDRLEN + 4) {
            throw new MalformedReplyException(what + " of " + messageLength + " bytes has no error code");
        }
        int error = buffer.getInt(offset + NLMSG_HDRLEN);
        if (error > 0 || error == Integer.MIN_VALUE) {
            throw new MalformedReplyException(what + " carries the invalid error code " + error);
        }
        return -error;
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
