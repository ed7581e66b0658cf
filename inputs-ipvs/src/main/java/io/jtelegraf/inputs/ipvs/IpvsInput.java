package io.jtelegraf.inputs.ipvs;

import io.jtelegraf.inputs.ipvs.netlink.IpvsClient;
import io.jtelegraf.inputs.ipvs.netlink.IpvsException;
import io.jtelegraf.inputs.ipvs.netlink.RealServer;
import io.jtelegraf.inputs.ipvs.netlink.VirtualServer;
import io.jtelegraf.spi.Accumulator;
import io.jtelegraf.spi.Input;
import io.jtelegraf.spi.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code [[inputs.ipvs]]}: one {@code ipvs_virtual_server} gauge per IPVS service and one
 * {@code ipvs_real_server} gauge per real server, following Telegraf's gather step by step:
 * open the handle if there is none; list the services (on failure forget the handle, so the
 * next gather opens a new one); for each service emit its metric, then list its real servers
 * (on failure log the error and go on with the next service).
 *
 * <p>Lifecycle and threading as {@link Input}: gathers never overlap, so the handle and the
 * metric builders need no locks.
 */
final class IpvsInput implements Input {
    private final IpvsClientOpener opener;
    private final IpvsMetrics metrics;
    private final Logger logger;
    private final Clock clock;
    private final boolean supportedPlatform;
    private IpvsClient client;

    IpvsInput(IpvsOptions options, IpvsClientOpener opener, Logger logger, Clock clock, boolean supportedPlatform) {
        this.opener = opener;
        this.metrics = new IpvsMetrics(options.netmaskTag(), options.extraFields());
        this.logger = logger;
        this.clock = clock;
        this.supportedPlatform = supportedPlatform;
    }

    @Override
    public void gather(Accumulator accumulator) throws IOException {
        if (!supportedPlatform) {
            return;
        }
        IpvsClient handle = client;
        if (handle == null) {
            try {
                handle = opener.open();
            } catch (IpvsException e) {
                throw new IOException("unable to open IPVS handle: " + e.getMessage(), e);
            }
            client = handle;
        }
        // One timestamp for the whole gather; the runtime rounds it to the precision.
        Instant now = clock.instant();
        long epochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        List<VirtualServer> services;
        try {
            services = handle.services();
        } catch (IpvsException e) {
            client = null;
            handle.close();
            throw new IOException("failed to list IPVS services: " + e.getMessage(), e);
        }
        for (int i = 0; i < services.size(); i++) {
            VirtualServer service = services.get(i);
            accumulator.addMetric(metrics.virtualServer(service, epochNanos));
            List<RealServer> destinations;
            try {
                destinations = handle.destinations(service);
            } catch (IpvsException e) {
                logger.error("Failed to list destinations for a virtual server: " + e.getMessage());
                continue;
            }
            for (int j = 0; j < destinations.size(); j++) {
                accumulator.addMetric(metrics.realServer(service, destinations.get(j), epochNanos));
            }
        }
    }

    @Override
    public void close() {
        IpvsClient handle = client;
        client = null;
        if (handle != null) {
            handle.close();
        }
    }
}
