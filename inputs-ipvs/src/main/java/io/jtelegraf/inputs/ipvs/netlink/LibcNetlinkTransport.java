package io.jtelegraf.inputs.ipvs.netlink;

import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.AF_NETLINK;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.MSG_TRUNC;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.NETLINK_GENERIC;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SOCKADDR_NL_SIZE;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SOCK_CLOEXEC;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SOCK_RAW;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SOL_SOCKET;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SO_RCVTIMEO;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;

import jnr.ffi.Pointer;

/**
 * A real {@code AF_NETLINK}/{@code NETLINK_GENERIC} socket. The reply buffer is one 64 KiB direct
 * buffer, allocated once per socket and handed to {@code recvfrom} as a native pointer, so no
 * receive copies or allocates. A receive timeout ({@code SO_RCVTIMEO}) is set once at open time
 * instead of polling before every receive: one system call per datagram.
 */
final class LibcNetlinkTransport implements NetlinkTransport {
    /** Retries of a call interrupted by a signal before giving up; a signal storm must not hang a gather. */
    private static final int MAX_INTERRUPTED_RETRIES = 100;
    private static final int REQUEST_BUFFER_SIZE = 256;

    private final Libc libc;
    private final int fd;
    private final int portId;
    private final ByteBuffer request = direct(REQUEST_BUFFER_SIZE);
    private final ByteBuffer reply = direct(REPLY_BUFFER_SIZE);
    /** sockaddr_nl of the sender at 0, its socklen_t at 16. */
    private final ByteBuffer sender = direct(32);
    private final Pointer requestPointer;
    private final Pointer replyPointer;
    private final Pointer senderPointer;
    private final Pointer senderLengthPointer;
    private boolean closed;

    private LibcNetlinkTransport(Libc libc, int fd) throws IpvsException {
        this.libc = libc;
        this.fd = fd;
        this.requestPointer = libc.pointerTo(request);
        this.replyPointer = libc.pointerTo(reply);
        this.senderPointer = libc.pointerTo(sender);
        this.senderLengthPointer = senderPointer.slice(16);
        this.portId = bindToKernelAssignedPort();
    }

    /**
     * Opens a socket in the calling thread's network namespace, or in the namespace of the file
     * {@code netns} when it is not null.
     */
    static LibcNetlinkTransport open(Duration receiveTimeout, Path netns) throws IpvsException {
        Libc libc = Libc.get();
        int fd = netns == null ? newSocket(libc) : NetworkNamespaces.socketIn(libc, netns);
        try {
            LibcNetlinkTransport transport = new LibcNetlinkTransport(libc, fd);
            transport.setReceiveTimeout(receiveTimeout);
            return transport;
        } catch (IpvsException | RuntimeException e) {
            libc.closeQuietly(fd);
            throw e;
        }
    }

    static int newSocket(Libc libc) throws IpvsException {
        try {
            return libc.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
        } catch (IpvsException e) {
            throw new IpvsException("cannot open a generic netlink socket: " + e.getMessage(), e);
        }
    }

    private static ByteBuffer direct(int size) {
        return ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
    }

    private int bindToKernelAssignedPort() throws IpvsException {
        // nl_pid 0 lets the kernel pick a free port id; it is not always the process id.
        sender.putShort(0, (short) AF_NETLINK).putShort(2, (short) 0).putInt(4, 0).putInt(8, 0);
        libc.bind(fd, senderPointer, SOCKADDR_NL_SIZE);
        sender.putInt(16, SOCKADDR_NL_SIZE);
        libc.getsockname(fd, senderPointer, senderLengthPointer);
        return sender.getInt(4);
    }

    private void setReceiveTimeout(Duration timeout) throws IpvsException {
        ByteBuffer timeval = direct(16);
        long micros = Math.max(1000, timeout.toNanos() / 1000);
        timeval.putLong(0, micros / 1_000_000).putLong(8, micros % 1_000_000);
        libc.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, libc.pointerTo(timeval), 16);
    }

    /** The port id the kernel assigned to this socket (for diagnostics). */
    int portId() {
        return portId;
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
    public void send(int length) throws IpvsException {
        for (int attempt = 0; ; attempt++) {
            try {
                long sent = libc.send(fd, requestPointer, length);
                if (sent != length) {
                    throw new IpvsException("send: only " + sent + " of " + length + " bytes were sent");
                }
                return;
            } catch (IpvsException e) {
                if (e.errno() != Errno.EINTR || attempt >= MAX_INTERRUPTED_RETRIES) {
                    throw e;
                }
            }
        }
    }

    @Override
    public int receive() throws IpvsException {
        for (int attempt = 0; ; attempt++) {
            sender.putInt(16, SOCKADDR_NL_SIZE);
            long length;
            try {
                // MSG_TRUNC makes recvfrom return the real datagram length even when it did not fit.
                length = libc.recvfrom(fd, replyPointer, REPLY_BUFFER_SIZE, MSG_TRUNC, senderPointer, senderLengthPointer);
            } catch (IpvsException e) {
                if (e.errno() == Errno.EINTR && attempt < MAX_INTERRUPTED_RETRIES) {
                    continue;
                }
                if (e.errno() == Errno.EAGAIN) {
                    throw new IpvsException("no reply from the kernel before the receive timeout", Errno.EAGAIN);
                }
                throw e;
            }
            if (length > REPLY_BUFFER_SIZE) {
                throw new MalformedReplyException("a datagram of " + length + " bytes did not fit the "
                        + REPLY_BUFFER_SIZE + "-byte receive buffer and was truncated");
            }
            // Only the kernel (port id 0) answers requests; anything else is not ours to parse.
            return sender.getInt(4) == 0 ? (int) length : 0;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            libc.closeQuietly(fd);
        }
    }
}
