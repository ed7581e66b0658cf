package io.jtelegraf.inputs.ipvs.netlink;

/**
 * One IPVS service (virtual server), as the kernel reports it. It is identified either by its
 * firewall mark ({@link #fwmark()} &gt; 0) or by protocol, address and port, always together with
 * its address family.
 *
 * <p>A mutable holder: the netlink client reuses instances from dump to dump so a gather does not
 * allocate; tests fill instances with the fluent setters. Not thread-safe.
 */
public final class VirtualServer {
    int addressFamily;
    int protocol;
    final AddressSlot address = new AddressSlot();
    int port;
    long fwmark;
    String scheduler = "";
    String persistenceEngine = "";
    int flags;
    long timeout;
    int netmask;
    final IpvsStats stats = new IpvsStats();
    private String fwmarkText;
    private long fwmarkTextValue = -1;
    /** The texts of this service's real servers, kept from gather to gather. */
    private DestinationTexts destinationTexts;

    void clear() {
        addressFamily = 0;
        protocol = 0;
        address.clear();
        port = 0;
        fwmark = 0;
        scheduler = "";
        persistenceEngine = "";
        flags = 0;
        timeout = 0;
        netmask = 0;
        stats.clear();
    }

    DestinationTexts destinationTexts() {
        if (destinationTexts == null) {
            destinationTexts = new DestinationTexts();
        }
        return destinationTexts;
    }

    /** 2 (AF_INET), 10 (AF_INET6) or whatever number the kernel sent. */
    public int addressFamily() {
        return addressFamily;
    }

    public VirtualServer addressFamily(int value) {
        addressFamily = value;
        return this;
    }

    /** IP protocol number: 6 TCP, 17 UDP, 132 SCTP; 0 for a fwmark service. */
    public int protocol() {
        return protocol;
    }

    public VirtualServer protocol(int value) {
        protocol = value;
        return this;
    }

    /** The address in Go's text form (see {@link IpAddressText}); cached between calls. */
    public String addressText() {
        return address.text(addressFamily);
    }

    /** A copy of the address: 4 bytes for AF_INET, 16 otherwise. */
    public byte[] addressBytes() {
        return address.copy(addressFamily);
    }

    /** Sets the address from 4 (IPv4) or 16 bytes in network order. */
    public VirtualServer address(byte[] bytes) {
        address.set(bytes);
        return this;
    }

    public int port() {
        return port;
    }

    public VirtualServer port(int value) {
        port = value;
        return this;
    }

    /** {@link #port()} as decimal text, one String per port number. */
    public String portText() {
        return PortTexts.of(port);
    }

    /** The firewall mark (unsigned 32-bit); 0 when the service is identified by address and port. */
    public long fwmark() {
        return fwmark;
    }

    public VirtualServer fwmark(long value) {
        fwmark = value;
        return this;
    }

    /** {@link #fwmark()} as decimal text, cached. */
    public String fwmarkText() {
        if (fwmarkTextValue != fwmark) {
            fwmarkText = Long.toString(fwmark);
            fwmarkTextValue = fwmark;
        }
        return fwmarkText;
    }

    /** The scheduler name (rr, wrr, sh...), empty when the kernel sent none. */
    public String scheduler() {
        return scheduler;
    }

    public VirtualServer scheduler(String value) {
        scheduler = value;
        return this;
    }

    /** The persistence engine name (sip), empty when none. */
    public String persistenceEngine() {
        return persistenceEngine;
    }

    public VirtualServer persistenceEngine(String value) {
        persistenceEngine = value;
        return this;
    }

    /** The IP_VS_SVC_F_* flags (persistent 0x1, hashed 0x2, one-packet 0x4...). */
    public int flags() {
        return flags;
    }

    public VirtualServer flags(int value) {
        flags = value;
        return this;
    }

    /** Persistence timeout in seconds, 0 when not persistent. */
    public long timeout() {
        return timeout;
    }

    public VirtualServer timeout(long value) {
        timeout = value;
        return this;
    }

    /**
     * The kernel's netmask attribute read as a host-order 32-bit number: for IPv4 the mask bytes
     * (so its bit count is the prefix length), for IPv6 the prefix length itself.
     */
    public int netmask() {
        return netmask;
    }

    public VirtualServer netmask(int value) {
        netmask = value;
        return this;
    }

    /** The real prefix length of {@link #netmask()}: the bit count for IPv4, the value for IPv6. */
    public int netmaskPrefixLength() {
        return addressFamily == NetlinkConstants.AF_INET6 ? netmask : Integer.bitCount(netmask);
    }

    public IpvsStats stats() {
        return stats;
    }

    @Override
    public String toString() {
        String identity = fwmark > 0 ? "fwmark " + fwmark
                : "protocol " + protocol + " " + addressText() + " port " + port;
        return "VirtualServer{af " + addressFamily + ", " + identity + ", sched " + scheduler + ", " + stats + "}";
    }
}
