package io.jtelegraf.inputs.ipvs.netlink;

/**
 * The kernel answered a request with {@code NLMSG_ERROR} and a negative errno. The exchange is
 * complete, so unlike other {@link IpvsException}s the socket is still in step and may be reused.
 */
final class KernelErrorException extends IpvsException {
    private static final long serialVersionUID = 1L;

    KernelErrorException(String message, int errno) {
        super(message, errno);
    }
}
