package io.jtelegraf.inputs.ipvs;

import io.jtelegraf.inputs.ipvs.netlink.IpvsClient;
import io.jtelegraf.inputs.ipvs.netlink.IpvsException;
import io.jtelegraf.inputs.ipvs.netlink.RealServer;
import io.jtelegraf.inputs.ipvs.netlink.VirtualServer;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** An IPVS table held in memory, with failures to switch on. */
final class FakeIpvsClient implements IpvsClient {
    private final List<VirtualServer> services = new ArrayList<>();
    private final Map<VirtualServer, List<RealServer>> realServers = new IdentityHashMap<>();
    private final Map<VirtualServer, IpvsException> destinationFailures = new IdentityHashMap<>();
    private IpvsException servicesFailure;
    private boolean closed;

    VirtualServer addService(VirtualServer service, RealServer... servers) {
        services.add(service);
        realServers.put(service, List.of(servers));
        return service;
    }

    void failServices(IpvsException failure) {
        servicesFailure = failure;
    }

    void failDestinations(VirtualServer service, IpvsException failure) {
        destinationFailures.put(service, failure);
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public List<VirtualServer> services() throws IpvsException {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (servicesFailure != null) {
            throw servicesFailure;
        }
        return services;
    }

    @Override
    public List<RealServer> destinations(VirtualServer service) throws IpvsException {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        IpvsException failure = destinationFailures.get(service);
        if (failure != null) {
            throw failure;
        }
        return realServers.getOrDefault(service, List.of());
    }

    @Override
    public void close() {
        closed = true;
    }
}
