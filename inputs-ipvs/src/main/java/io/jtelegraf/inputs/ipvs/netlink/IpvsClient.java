package io.jtelegraf.inputs.ipvs.netlink;

import java.util.List;

/**
 * Reads the IPVS table of one network namespace.
 *
 * <p>The lists returned and the holders in them belong to the client and are reused: a list from
 * {@link #services()} stays valid until the next {@code services()} call (calls of
 * {@link #destinations} in between do not touch it); a list from {@code destinations} stays
 * valid until the next {@code destinations} or {@code services()} call. Copy what must live
 * longer.
 *
 * <p>Lifecycle: opened by its factory (for netlink: {@link NetlinkIpvsClient#open}), used, then
 * {@link #close() closed}. Threading: not thread-safe; one caller at a time (the kernel
 * serializes IPVS dumps anyway, so there is nothing to gain from parallel calls).
 */
public interface IpvsClient extends AutoCloseable {

    /** All virtual servers, in the kernel's order. */
    List<VirtualServer> services() throws IpvsException;

    /**
     * The real servers of {@code service}. A service that disappeared since it was listed gives
     * an empty list (the kernel cannot tell the two apart).
     */
    List<RealServer> destinations(VirtualServer service) throws IpvsException;

    /** Releases the socket. Never throws. */
    @Override
    void close();
}
