package io.jtelegraf.distribution.kernel;

import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The IPVS table as {@code ipvsadm} showed it at one moment: the merge of
 * {@code ipvsadm -L -n --stats --exact}, {@code ipvsadm -L -n --rate --exact} and
 * {@code ipvsadm -Ln}, taken one after the other. Services keep ipvsadm's order.
 */
record IpvsadmSnapshot(Map<String, Service> services) {

    Collection<Service> all() {
        return services.values();
    }

    /** Counters of {@code --stats --exact}: Conns, InPkts, OutPkts, InBytes, OutBytes. */
    record Counters(BigInteger connections, BigInteger packetsIn, BigInteger packetsOut,
                    BigInteger bytesIn, BigInteger bytesOut) {
    }

    /** Rates of {@code --rate --exact}: CPS, InPPS, OutPPS, InBPS, OutBPS. */
    record Rates(BigInteger connectionsPerSecond, BigInteger packetsInPerSecond, BigInteger packetsOutPerSecond,
                 BigInteger bytesInPerSecond, BigInteger bytesOutPerSecond) {
    }

    /**
     * One virtual service. For a firewall-mark service {@code fwmark} is set and protocol,
     * address and port are {@code null}; otherwise {@code fwmark} is {@code null}.
     * {@code netmaskText} is what ipvsadm prints after "mask" ({@code null} when it prints none).
     */
    record Service(String key, String protocol, String address, Integer port, Long fwmark, String family,
                   String scheduler, String netmaskText, Counters counters, Rates rates,
                   Map<String, RealServer> realServers) {

        boolean isFwmark() {
            return fwmark != null;
        }

        List<RealServer> reals() {
            return List.copyOf(realServers.values());
        }
    }

    /** One real server of a service; {@code forward} is Masq, Route, Tunnel or Local. */
    record RealServer(String key, String address, int port, String family, String forward, int weight,
                      BigInteger activeConnections, BigInteger inactiveConnections,
                      Counters counters, Rates rates) {
    }

    /** The key of a non-fwmark service, as {@link #services()} is indexed. */
    static String serviceKey(String protocol, String address, int port) {
        return protocol + "/" + address + "/" + port;
    }

    /** The key of a firewall-mark service; IPv4 and IPv6 services may share a mark. */
    static String fwmarkKey(long mark, String family) {
        return "fwmark/" + mark + "/" + family;
    }

    /** The key of a real server within its service. */
    static String realKey(String address, int port) {
        return address + "/" + port;
    }
}
