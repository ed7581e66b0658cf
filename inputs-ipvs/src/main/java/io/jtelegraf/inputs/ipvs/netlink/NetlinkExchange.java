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
 * <p>The deadline is started and checked only every {@link #CLOCK_CHECK_PERIOD} datagrams that
 * leave the exchange open. Reading the clock is a system call wherever the vDSO does not serve it
 * (some hypervisors' clock sources, User-Mode Linux: 15-38 microseconds there), and most
 * exchanges end within two datagrams (the messages, then {@code NLMSG_DONE}): looking at the
 * clock twice per request made a live gather of 1,000 services spend more time reading the clock
 * than the kernel spent answering. A silent kernel still ends the exchange at the first receive
 * timeout; one that keeps sending without finishing is cut within the timeout after the clock
 * started.
 *
 * <p>Not thread-safe: one exchange at a time per transport.
 */
final class NetlinkExchange {

    /**
     * Receives each reply message of the awaited type, at {@code offset} in a copy of its
     * datagram that is valid until the handler returns.
     */
    @FunctionalInterface
    interface MessageHandler {
        void message(byte[] datagram, int offset, int length) throws MalformedReplyException;
    }

    /** Datagrams leaving the exchange open between two looks at the clock. */
    static final int CLOCK_CHECK_PERIOD = 8;

    private final NetlinkTransport transport;
    private final Duration timeout;
    private final long timeoutNanos;
    /**
     * Each received datagram is copied here and walked from here: reading a byte array is faster
     * than reading the direct buffer the socket fills (see {@link NetlinkBytes}).
     */
    private final byte[] datagram = new byte[NetlinkTransport.REPLY_BUFFER_SIZE];
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
        ByteBuffer buffer = transport.replyBuffer();
        int openDatagrams = 0;
        long deadline = 0;
        while (true) {
            int received = transport.receive();
            if (received > 0) {
                buffer.get(0, datagram, 0, received);
                if (walk(datagram, received, sequence, replyType, handler)) {
                    return;
                }
            }
            openDatagrams++;
            if (openDatagrams % CLOCK_CHECK_PERIOD == 0) {
                long now = System.nanoTime();
                if (openDatagrams == CLOCK_CHECK_PERIOD) {
                    deadline = now + timeoutNanos;
                }
                if (now - deadline > 0) {
                    throw new IpvsException("no complete reply from the kernel within " + describe(timeout));
                }
            }
        }
    }

    /** Walks one datagram; true when it ended the exchange. */
    static boolean walk(byte[] buffer, int length, int sequence, int replyType, MessageHandler handler)
            throws IpvsException {
        int offset = 0;
        while (length - offset >= NLMSG_HDRLEN) {
            int messageLength = NetlinkBytes.s32(buffer, offset);
            if (messageLength < NLMSG_HDRLEN || messageLength > length - offset) {
                throw new MalformedReplyException("message length " + Integer.toUnsignedString(messageLength)
                        + " at offset " + offset + " does not fit the " + length + "-byte datagram");
            }
            if (NetlinkBytes.s32(buffer, offset + 8) == sequence) {
                int type = NetlinkBytes.u16(buffer, offset + 4);
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
                    if ((NetlinkBytes.u16(buffer, offset + 6) & NLM_F_MULTI) == 0) {
                        return true;
                    }
                }
                // NLMSG_NOOP, NLMSG_OVERRUN and reserved control types carry nothing for us.
            }
            offset += align4(messageLength);
        }
        return false;
    }

    private static int errnoOf(byte[] buffer, int offset, int messageLength, String what) throws MalformedReplyException {
        if (messageLength < NLMSG_HDRLEN + 4) {
            throw new MalformedReplyException(what + " of " + messageLength + " bytes has no error code");
        }
        int error = NetlinkBytes.s32(buffer, offset + NLMSG_HDRLEN);
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
