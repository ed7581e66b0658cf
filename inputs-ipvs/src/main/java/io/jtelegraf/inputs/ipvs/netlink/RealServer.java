package io.jtelegraf.inputs.ipvs.netlink;

/**
 * One destination (real server) of a virtual server, as the kernel reports it.
 *
 * <p>A mutable holder, reused by the netlink client; tests fill instances with the fluent
 * setters. Not thread-safe.
 */
public final class RealServer {
    int addressFamily;
    final AddressSlot address = new AddressSlot();
    int port;
    int forwardingMethod;
    long weight;
    long upperThreshold;
    long lowerThreshold;
    long activeConnections;
    long inactiveConnections;
    long persistentConnections;
    int tunnelType;
    int tunnelPort;
    int tunnelFlags;
    final IpvsStats stats = new IpvsStats();
    /**
     * Where the address texts are cached: the current service's cache at this holder's
     * position when the client parsed it, else a cache of this holder's own.
     */
    private DestinationTexts texts;
    private int textPosition;

    void clear() {
        addressFamily = 0;
        address.clear();
        port = 0;
        forwardingMethod = 0;
        weight = 0;
        upperThreshold = 0;
        lowerThreshold = 0;
        activeConnections = 0;
        inactiveConnections = 0;
        persistentConnections = 0;
        tunnelType = 0;
        tunnelPort = 0;
        tunnelFlags = 0;
        stats.clear();
    }

    /** The real server's own family, which may differ from its virtual server's. */
    public int addressFamily() {
        return addressFamily;
    }

    public RealServer addressFamily(int value) {
        addressFamily = value;
        return this;
    }

    /** Makes the texts come from (and stay in) {@code cache} at {@code position}: the client's shared holders. */
    void useTexts(DestinationTexts cache, int position) {
        texts = cache;
        textPosition = position;
    }

    /** The address in Go's text form (see {@link IpAddressText}); cached between calls and gathers. */
    public String addressText() {
        return texts().address(textPosition, address.bytes, addressFamily);
    }

    private DestinationTexts texts() {
        if (texts == null) {
            texts = new DestinationTexts();
        }
        return texts;
    }

    /** A copy of the address: 4 bytes for AF_INET, 16 otherwise. */
    public byte[] addressBytes() {
        return address.copy(addressFamily);
    }

    /** Sets the address from 4 (IPv4) or 16 bytes in network order. */
    public RealServer address(byte[] bytes) {
        address.set(bytes);
        return this;
    }

    public int port() {
        return port;
    }

    public RealServer port(int value) {
        port = value;
        return this;
    }

    /** {@link #port()} as decimal text, one String per port number. */
    public String portText() {
        return PortTexts.of(port);
    }

    /** 0 masquerading (NAT), 1 local, 2 tunnel, 3 direct routing. */
    public int forwardingMethod() {
        return forwardingMethod;
    }

    public RealServer forwardingMethod(int value) {
        forwardingMethod = value;
        return this;
    }

    public long weight() {
        return weight;
    }

    public RealServer weight(long value) {
        weight = value;
        return this;
    }

    /** Upper connection threshold, 0 for none. */
    public long upperThreshold() {
        return upperThreshold;
    }

    public RealServer upperThreshold(long value) {
        upperThreshold = value;
        return this;
    }

    /** Lower connection threshold, 0 for none. */
    public long lowerThreshold() {
        return lowerThreshold;
    }

    public RealServer lowerThreshold(long value) {
        lowerThreshold = value;
        return this;
    }

    public long activeConnections() {
        return activeConnections;
    }

    public RealServer activeConnections(long value) {
        activeConnections = value;
        return this;
    }

    public long inactiveConnections() {
        return inactiveConnections;
    }

    public RealServer inactiveConnections(long value) {
        inactiveConnections = value;
        return this;
    }

    /** Persistence templates pointing at this server. */
    public long persistentConnections() {
        return persistentConnections;
    }

    public RealServer persistentConnections(long value) {
        persistentConnections = value;
        return this;
    }

    /** 0 IPIP, 1 GUE, 2 GRE; meaningful for the tunnel forwarding method only. */
    public int tunnelType() {
        return tunnelType;
    }

    public RealServer tunnelType(int value) {
        tunnelType = value;
        return this;
    }

    public int tunnelPort() {
        return tunnelPort;
    }

    public RealServer tunnelPort(int value) {
        tunnelPort = value;
        return this;
    }

    public int tunnelFlags() {
        return tunnelFlags;
    }

    public RealServer tunnelFlags(int value) {
        tunnelFlags = value;
        return this;
    }

    public IpvsStats stats() {
        return stats;
    }

    @Override
    public String toString() {
        return "RealServer{af " + addressFamily + ", " + addressText() + " port " + port + ", method " + forwardingMethod
                + ", weight " + weight + ", active " + activeConnections + ", inactive " + inactiveConnections + ", " + stats + "}";
    }
}
