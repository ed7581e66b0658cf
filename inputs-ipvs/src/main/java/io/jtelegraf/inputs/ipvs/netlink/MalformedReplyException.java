package io.jtelegraf.inputs.ipvs.netlink;

/**
 * A reply from the kernel that breaks the netlink framing or the IPVS attribute layout: a length
 * outside its container, a value too short for its type. The parser never reads outside the
 * received datagram; it throws this instead.
 */
public final class MalformedReplyException extends IpvsException {
    private static final long serialVersionUID = 1L;

    public MalformedReplyException(String message) {
        super("malformed netlink reply: " + message);
    }
}
