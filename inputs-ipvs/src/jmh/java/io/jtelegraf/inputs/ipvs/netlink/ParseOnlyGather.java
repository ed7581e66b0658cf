package io.jtelegraf.inputs.ipvs.netlink;

import java.util.List;

/**
 * The part of a gather that {@code shared/bench/replay.c} does: list the services and the real
 * servers of each through the plugin's client (exchange and reply parser) and add up the same
 * checksum as the C program, but build no metrics. Separates the cost of parsing from the cost
 * of building {@code Metric} objects.
 */
public final class ParseOnlyGather {
    private ParseOnlyGather() {
    }

    /**
     * One gather through {@code client}: per service its connections plus its port as a
     * little-endian CPU reads the big-endian attribute; per real server its connections, active
     * and inactive connections, that port and the fourth address byte.
     */
    public static long checksum(IpvsClient client) throws IpvsException {
        long sum = 0;
        List<VirtualServer> services = client.services();
        for (int i = 0; i < services.size(); i++) {
            VirtualServer service = services.get(i);
            sum += service.stats.connections + swapped(service.port);
            List<RealServer> destinations = client.destinations(service);
            for (int j = 0; j < destinations.size(); j++) {
                RealServer destination = destinations.get(j);
                sum += destination.stats.connections + destination.activeConnections + destination.inactiveConnections
                        + swapped(destination.port) + (destination.address.bytes[3] & 0xFF);
            }
        }
        return sum;
    }

    private static int swapped(int port) {
        return Short.toUnsignedInt(Short.reverseBytes((short) port));
    }
}
