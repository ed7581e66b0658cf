package io.jtelegraf.inputs.ipvs.netlink;

import java.nio.ByteBuffer;

/**
 * One generic netlink socket: a request buffer to write into, a 64 KiB reply buffer that every
 * received datagram overwrites, send and receive. The seam between the pure-Java protocol code
 * and the system calls, so tests can replay recorded datagrams.
 *
 * <p>Both buffers are in native byte order and owned by the transport. Not thread-safe.
 */
interface NetlinkTransport extends AutoCloseable {

    /** Size of the reply buffer: larger than any datagram the kernel builds (at most ~32 KiB). */
    int REPLY_BUFFER_SIZE = 65536;

    /** Where requests are written, starting at index 0. */
    ByteBuffer requestBuffer();

    /** Where {@link #receive()} puts each datagram, starting at index 0. */
    ByteBuffer replyBuffer();

    /** Sends bytes {@code [0, length)} of the request buffer to the kernel as one datagram. */
    void send(int length) throws IpvsException;

    /**
     * Waits for the next datagram (at most the socket's receive timeout) and copies it to the
     * reply buffer.
     *
     * @return its length; 0 for a datagram that did not come from the kernel and must be ignored
     * @throws IpvsException on timeout, on a datagram larger than the reply buffer, or on a failed
     *     system call
     */
    int receive() throws IpvsException;

    /** Closes the socket. Never throws; closing twice is harmless. */
    @Override
    void close();

    /** Opens transports: a fresh socket for each call. */
    @FunctionalInterface
    interface Opener {
        NetlinkTransport open() throws IpvsException;
    }
}
