package io.jtelegraf.inputs.ipvs.netlink;

import java.nio.ByteBuffer;

import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The only door to native code: the few libc calls a netlink client needs, bound with jnr-ffi.
 * Every method turns the C convention "-1 and errno" into an {@link IpvsException} carrying the
 * errno and its strerror text, so no caller ever looks at errno itself.
 *
 * <p>Threading: safe for concurrent use; errno is per thread and read right after the call.
 */
final class Libc {

    /** The C signatures (LP64: size_t/ssize_t are 64-bit, socklen_t and int 32-bit). */
    public interface Functions {
        int socket(int domain, int type, int protocol);

        int bind(int fd, Pointer address, int addressLength);

        int getsockname(int fd, Pointer address, Pointer addressLength);

        int setsockopt(int fd, int level, int option, Pointer value, int valueLength);

        @ssize_t long send(int fd, Pointer buffer, @size_t long length, int flags);

        @ssize_t long recvfrom(int fd, Pointer buffer, @size_t long length, int flags, Pointer address, Pointer addressLength);

        int close(int fd);

        int open(String path, int flags);

        int setns(int fd, int namespaceType);

        String strerror(int errno);
    }

    private static volatile Libc instance;

    private final Functions functions;
    private final Runtime runtime;

    private Libc(Functions functions) {
        this.functions = functions;
        this.runtime = Runtime.getRuntime(functions);
    }

    /** The process-wide binding, loaded on first use. */
    static Libc get() throws IpvsException {
        Libc libc = instance;
        if (libc == null) {
            synchronized (Libc.class) {
                libc = instance;
                if (libc == null) {
                    try {
                        libc = new Libc(LibraryLoader.create(Functions.class)
                                .option(LibraryOption.SaveError, true)
                                .load("c"));
                    } catch (LinkageError | RuntimeException e) {
                        throw new IpvsException("cannot bind the C library through jnr-ffi: " + e, e);
                    }
                    instance = libc;
                }
            }
        }
        return libc;
    }

    /** A native pointer to a direct buffer's memory (its index 0), for use in the calls below. */
    Pointer pointerTo(ByteBuffer directBuffer) {
        if (!directBuffer.isDirect()) {
            throw new IllegalArgumentException("a native call needs a direct buffer");
        }
        return Pointer.wrap(runtime, directBuffer);
    }

    int socket(int domain, int type, int protocol) throws IpvsException {
        return check(functions.socket(domain, type, protocol), "socket");
    }

    void bind(int fd, Pointer address, int addressLength) throws IpvsException {
        check(functions.bind(fd, address, addressLength), "bind");
    }

    void getsockname(int fd, Pointer address, Pointer addressLength) throws IpvsException {
        check(functions.getsockname(fd, address, addressLength), "getsockname");
    }

    void setsockopt(int fd, int level, int option, Pointer value, int valueLength) throws IpvsException {
        check(functions.setsockopt(fd, level, option, value, valueLength), "setsockopt");
    }

    long send(int fd, Pointer buffer, long length) throws IpvsException {
        long sent = functions.send(fd, buffer, length, 0);
        if (sent < 0) {
            throw failure("send");
        }
        return sent;
    }

    long recvfrom(int fd, Pointer buffer, long length, int flags, Pointer address, Pointer addressLength)
            throws IpvsException {
        long received = functions.recvfrom(fd, buffer, length, flags, address, addressLength);
        if (received < 0) {
            throw failure("recvfrom");
        }
        return received;
    }

    /** Closes {@code fd}; a failing close is not worth an exception (the descriptor is gone). */
    void closeQuietly(int fd) {
        if (fd >= 0) {
            functions.close(fd);
        }
    }

    int open(String path, int flags) throws IpvsException {
        return check(functions.open(path, flags), "open " + path);
    }

    void setns(int fd, int namespaceType) throws IpvsException {
        check(functions.setns(fd, namespaceType), "setns");
    }

    private int check(int result, String call) throws IpvsException {
        if (result < 0) {
            throw failure(call);
        }
        return result;
    }

    private IpvsException failure(String call) {
        int errno = runtime.getLastError();
        return new IpvsException(call + ": " + Errno.goStyle(functions.strerror(errno)), errno);
    }
}
