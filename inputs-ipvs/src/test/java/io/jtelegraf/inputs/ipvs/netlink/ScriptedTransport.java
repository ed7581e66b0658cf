package io.jtelegraf.inputs.ipvs.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A {@link NetlinkTransport} without a socket: every request sent is answered by a
 * {@link Kernel} whose datagrams queue up like in a socket's receive queue and come out one per
 * {@link #receive()}. An empty queue behaves like the receive timeout firing.
 */
final class ScriptedTransport implements NetlinkTransport {

    /** Answers one request datagram with the reply datagrams the kernel would queue. */
    @FunctionalInterface
    interface Kernel {
        List<byte[]> answer(byte[] request);
    }

    private final Kernel kernel;
    private final ByteBuffer request = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
    private final ByteBuffer reply = ByteBuffer.allocateDirect(REPLY_BUFFER_SIZE).order(ByteOrder.nativeOrder());
    private final Deque<byte[]> queue = new ArrayDeque<>();
    private final List<byte[]> sent = new ArrayList<>();
    private int receives;
    private boolean closed;

    ScriptedTransport(Kernel kernel) {
        this.kernel = kernel;
    }

    /** A transport that hands out {@code datagrams} in order, whatever is sent. */
    static ScriptedTransport replaying(List<byte[]> datagrams) {
        ScriptedTransport transport = new ScriptedTransport(request -> List.of());
        transport.queue.addAll(datagrams);
        return transport;
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
        byte[] datagram = Arrays.copyOf(request.array(), length);
        sent.add(datagram);
        queue.addAll(kernel.answer(datagram));
    }

    @Override
    public int receive() throws IpvsException {
        if (closed) {
            throw new IllegalStateException("receive on a closed transport");
        }
        receives++;
        byte[] datagram = queue.poll();
        if (datagram == null) {
            throw new IpvsException("no reply from the kernel before the receive timeout", Errno.EAGAIN);
        }
        if (datagram.length > REPLY_BUFFER_SIZE) {
            throw new MalformedReplyException("a datagram of " + datagram.length + " bytes was truncated");
        }
        reply.put(0, datagram);
        return datagram.length;
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    List<byte[]> sent() {
        return sent;
    }

    int receives() {
        return receives;
    }

    int queued() {
        return queue.size();
    }
}
