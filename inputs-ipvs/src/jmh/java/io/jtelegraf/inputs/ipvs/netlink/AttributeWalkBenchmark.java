package io.jtelegraf.inputs.ipvs.netlink;

import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.GENL_MSG_HDRLEN;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.IPVS_CMD_ATTR_DEST;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.IPVS_CMD_ATTR_SERVICE;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.NLA_HDRLEN;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.NLA_TYPE_MASK;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.NLMSG_HDRLEN;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.SVC_ATTR_STATS64;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under the plugin's parsing in Java: the least a parser must do with the datagrams of
 * one gather, without the plugin's exchange, holders or decoding. Every datagram is copied into a
 * direct buffer (as {@code recvfrom} fills the plugin's reply buffer), then every message, every
 * attribute of its service or destination nest and every attribute of the {@code STATS64} nest in
 * it is visited with its length checked against its container, and the 4- and 8-byte values are
 * added up. {@link #directBuffer} reads the direct buffer as the plugin does;
 * {@link #heapCopy} first copies each datagram into a byte array and reads that through a
 * {@link VarHandle}. Compare with {@code ReplayBenchmark.parseOnly} and {@code replay.c}.
 *
 * <p>Both walks must add up the same sum, checked after every iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class AttributeWalkBenchmark {
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    /** The capture to walk, relative to the repository root or absolute. */
    @Param("../shared/fixtures/ipvs-bench/capture-100x10.bin.gz")
    public String capture;

    private final List<byte[]> datagrams = new ArrayList<>();
    private final ByteBuffer reply = ByteBuffer.allocateDirect(NetlinkTransport.REPLY_BUFFER_SIZE)
            .order(ByteOrder.nativeOrder());
    private final byte[] copy = new byte[NetlinkTransport.REPLY_BUFFER_SIZE];
    private long expectedSum = -1;
    private long lastSum = -1;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalStateException("this benchmark reads attribute headers as a little-endian CPU does");
        }
        Capture gather = Capture.read(Path.of(capture));
        gather.serviceDump().forEach(datagram -> datagrams.add(datagram.bytes()));
        gather.destinationDumps().forEach(dump -> dump.forEach(datagram -> datagrams.add(datagram.bytes())));
        expectedSum = heapCopy();
        if (directBuffer() != expectedSum) {
            throw new IllegalStateException("the two walks add up different sums for " + capture);
        }
    }

    @Benchmark
    public long directBuffer() {
        long sum = 0;
        for (byte[] datagram : datagrams) {
            reply.put(0, datagram);
            int offset = 0;
            while (datagram.length - offset >= NLMSG_HDRLEN) {
                int length = reply.getInt(offset);
                sum += walk(reply, offset + GENL_MSG_HDRLEN, offset + length, 0);
                offset += (length + 3) & ~3;
            }
        }
        lastSum = sum;
        return sum;
    }

    @Benchmark
    public long heapCopy() {
        long sum = 0;
        for (byte[] datagram : datagrams) {
            reply.put(0, datagram);
            reply.get(0, copy, 0, datagram.length);
            int offset = 0;
            while (datagram.length - offset >= NLMSG_HDRLEN) {
                int length = (int) INTS.get(copy, offset);
                sum += walk(copy, offset + GENL_MSG_HDRLEN, offset + length, 0);
                offset += (length + 3) & ~3;
            }
        }
        lastSum = sum;
        return sum;
    }

    @TearDown(Level.Iteration)
    public void verify() {
        if (lastSum != -1 && lastSum != expectedSum) {
            throw new IllegalStateException("the walk added up " + lastSum + ", expected " + expectedSum);
        }
    }

    /**
     * Visits the attributes in {@code [start, end)}: at depth 0 the message's attributes, at depth
     * 1 those of its service or destination nest, at depth 2 those of its {@code STATS64} nest
     * (the service and destination nests number it alike). Headers are read as on a
     * little-endian CPU, which the setup requires.
     */
    private static long walk(ByteBuffer buffer, int start, int end, int depth) {
        long sum = 0;
        int position = start;
        while (end - position >= NLA_HDRLEN) {
            int header = buffer.getInt(position);
            int length = header & 0xFFFF;
            if (length < NLA_HDRLEN || length > end - position) {
                throw new IllegalStateException("attribute length " + length + " out of its container");
            }
            int type = (header >>> 16) & NLA_TYPE_MASK;
            if (isNest(depth, type)) {
                sum += walk(buffer, position + NLA_HDRLEN, position + length, depth + 1);
            } else if (length == NLA_HDRLEN + 4) {
                sum += buffer.getInt(position + NLA_HDRLEN) & 0xFFFF_FFFFL;
            } else if (length == NLA_HDRLEN + 8) {
                sum += buffer.getLong(position + NLA_HDRLEN);
            }
            position += (length + 3) & ~3;
        }
        return sum;
    }

    /**
     * The same walk over an array. Written out twice on purpose: one walk behind an interface
     * over both kinds of storage would measure the dispatch as well.
     */
    private static long walk(byte[] buffer, int start, int end, int depth) {
        long sum = 0;
        int position = start;
        while (end - position >= NLA_HDRLEN) {
            int header = (int) INTS.get(buffer, position);
            int length = header & 0xFFFF;
            if (length < NLA_HDRLEN || length > end - position) {
                throw new IllegalStateException("attribute length " + length + " out of its container");
            }
            int type = (header >>> 16) & NLA_TYPE_MASK;
            if (isNest(depth, type)) {
                sum += walk(buffer, position + NLA_HDRLEN, position + length, depth + 1);
            } else if (length == NLA_HDRLEN + 4) {
                sum += (int) INTS.get(buffer, position + NLA_HDRLEN) & 0xFFFF_FFFFL;
            } else if (length == NLA_HDRLEN + 8) {
                sum += (long) LONGS.get(buffer, position + NLA_HDRLEN);
            }
            position += (length + 3) & ~3;
        }
        return sum;
    }

    private static boolean isNest(int depth, int type) {
        if (depth == 0) {
            return type == IPVS_CMD_ATTR_SERVICE || type == IPVS_CMD_ATTR_DEST;
        }
        // As the plugin, only the 64-bit statistics: the legacy nest is stepped over.
        return depth == 1 && type == SVC_ATTR_STATS64;
    }
}
