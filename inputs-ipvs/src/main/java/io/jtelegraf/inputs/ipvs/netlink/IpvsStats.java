package io.jtelegraf.inputs.ipvs.netlink;

/**
 * The traffic statistics of a virtual or real server. All values are unsigned 64-bit numbers
 * (read them with {@link Long#toUnsignedString(long)} semantics). Counters ({@code connections},
 * packets, bytes) count since the server was created; {@code cps}, {@code pps*} and {@code bps*}
 * are the kernel estimator's per-second rates.
 *
 * <p>Taken from the 64-bit {@code STATS64} nest when the kernel sends it (4.1 and later),
 * otherwise from the legacy {@code STATS} nest, where all but the byte counters are truncated to
 * 32 bits. A mutable holder, reused by the client from request to request; not thread-safe.
 */
public final class IpvsStats {
    long connections;
    long packetsIn;
    long packetsOut;
    long bytesIn;
    long bytesOut;
    long cps;
    long ppsIn;
    long ppsOut;
    long bpsIn;
    long bpsOut;
    boolean from64Bit;

    void clear() {
        connections = 0;
        packetsIn = 0;
        packetsOut = 0;
        bytesIn = 0;
        bytesOut = 0;
        cps = 0;
        ppsIn = 0;
        ppsOut = 0;
        bpsIn = 0;
        bpsOut = 0;
        from64Bit = false;
    }

    public long connections() {
        return connections;
    }

    public IpvsStats connections(long value) {
        connections = value;
        return this;
    }

    public long packetsIn() {
        return packetsIn;
    }

    public IpvsStats packetsIn(long value) {
        packetsIn = value;
        return this;
    }

    public long packetsOut() {
        return packetsOut;
    }

    public IpvsStats packetsOut(long value) {
        packetsOut = value;
        return this;
    }

    public long bytesIn() {
        return bytesIn;
    }

    public IpvsStats bytesIn(long value) {
        bytesIn = value;
        return this;
    }

    public long bytesOut() {
        return bytesOut;
    }

    public IpvsStats bytesOut(long value) {
        bytesOut = value;
        return this;
    }

    public long cps() {
        return cps;
    }

    public IpvsStats cps(long value) {
        cps = value;
        return this;
    }

    public long ppsIn() {
        return ppsIn;
    }

    public IpvsStats ppsIn(long value) {
        ppsIn = value;
        return this;
    }

    public long ppsOut() {
        return ppsOut;
    }

    public IpvsStats ppsOut(long value) {
        ppsOut = value;
        return this;
    }

    public long bpsIn() {
        return bpsIn;
    }

    public IpvsStats bpsIn(long value) {
        bpsIn = value;
        return this;
    }

    public long bpsOut() {
        return bpsOut;
    }

    public IpvsStats bpsOut(long value) {
        bpsOut = value;
        return this;
    }

    /** Whether the values came from the 64-bit {@code STATS64} nest. */
    public boolean from64Bit() {
        return from64Bit;
    }

    @Override
    public String toString() {
        return "conns=" + Long.toUnsignedString(connections) + " inpkts=" + Long.toUnsignedString(packetsIn)
                + " outpkts=" + Long.toUnsignedString(packetsOut) + " inbytes=" + Long.toUnsignedString(bytesIn)
                + " outbytes=" + Long.toUnsignedString(bytesOut) + " cps=" + Long.toUnsignedString(cps)
                + " inpps=" + Long.toUnsignedString(ppsIn) + " outpps=" + Long.toUnsignedString(ppsOut)
                + " inbps=" + Long.toUnsignedString(bpsIn) + " outbps=" + Long.toUnsignedString(bpsOut)
                + (from64Bit ? " (64-bit)" : " (32-bit)");
    }
}
