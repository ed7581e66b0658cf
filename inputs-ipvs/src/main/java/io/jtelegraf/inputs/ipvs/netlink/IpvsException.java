package io.jtelegraf.inputs.ipvs.netlink;

import java.io.IOException;

/**
 * A failed IPVS request: a failed system call, an error the kernel answered with, a reply that
 * did not arrive in time or a reply that could not be parsed. The message is meant for the
 * agent's log as it is: it names the cause and, where one exists, the remedy (missing
 * capability, kernel module not loaded).
 */
public class IpvsException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    public IpvsException(String message) {
        this(message, 0);
    }

    public IpvsException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    public IpvsException(String message, Throwable cause) {
        super(message, cause);
        this.errno = cause instanceof IpvsException ipvs ? ipvs.errno : 0;
    }

    /** The Linux errno behind this error, or 0 when there is none (timeout, malformed reply). */
    public int errno() {
        return errno;
    }
}
