package io.jtelegraf.inputs.ipvs.netlink;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads of netlink data held in a byte array: integers in host order, as the kernel writes
 * netlink headers and attributes. Every read is bounds-checked by the array.
 *
 * <p>The reply parser reads a copy of each datagram through these rather than the direct buffer
 * the socket fills: in JDK 17 every read of a {@code ByteBuffer} also checks the buffer's limit
 * and memory scope, and walking the attributes of a 100x10 gather that way took 1.7 times as
 * long as copying each datagram and walking the copy ({@code AttributeWalkBenchmark},
 * BENCHMARKS.md); at 1000x10, where the datagrams outgrow the processor's caches, both take the
 * same time.
 */
final class NetlinkBytes {
    /** Whether this CPU is little-endian: {@code nla_len} is then the low half of a header read as one int. */
    static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.nativeOrder());
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private NetlinkBytes() {
    }

    static int u8(byte[] bytes, int at) {
        return bytes[at] & 0xFF;
    }

    static int u16(byte[] bytes, int at) {
        return (short) SHORTS.get(bytes, at) & 0xFFFF;
    }

    static int s32(byte[] bytes, int at) {
        return (int) INTS.get(bytes, at);
    }

    static long s64(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }
}
