package io.jtelegraf.inputs.ipvs.netlink;

import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.GENL_ID_CTRL;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.IPVS_FAMILY_NAME;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.NLMSG_MIN_TYPE;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@link IpvsClient} over one generic netlink socket: resolves the "IPVS" family id when the
 * socket opens, then dumps services and, one service at a time, their real servers; strictly
 * sequential, as the kernel serializes IPVS dumps anyway.
 *
 * <p>Recovery rules: an {@code ENOENT} answer means the family id went stale (the ip_vs module
 * was reloaded and registered under a new id), so the id is resolved again and the request
 * repeated once. Any failure other than an error answer from the kernel (timeout, malformed
 * reply, failed system call) leaves the socket out of step, so it is closed and the next request
 * opens a new one.
 *
 * <p>Not thread-safe.
 */
public final class NetlinkIpvsClient implements IpvsClient {
    static final String MODULE_NOT_LOADED = "the ip_vs kernel module is not loaded (the kernel knows no generic "
            + "netlink family \"IPVS\"); load it with \"modprobe ip_vs\", or at every boot by listing ip_vs in "
            + "/etc/modules-load.d/ipvs.conf";
    static final String CAPABILITY_HINT = "reading IPVS needs CAP_NET_ADMIN in the initial user namespace: run the "
            + "agent as root or grant the capability, for example with the systemd unit lines "
            + "AmbientCapabilities=CAP_NET_ADMIN and CapabilityBoundingSet=CAP_NET_ADMIN";

    private final NetlinkTransport.Opener opener;
    private final Duration timeout;
    private final ReusableList<VirtualServer> services = new ReusableList<>(VirtualServer::new);
    private final NetlinkExchange.MessageHandler familyHandler = this::onFamily;
    private final NetlinkExchange.MessageHandler serviceHandler = this::onService;
    private final NetlinkExchange.MessageHandler destinationHandler = this::onDestination;
    private NetlinkExchange exchange;
    private int familyId;
    private int resolvedFamilyId;
    private VirtualServer currentService;
    /**
     * One list of holders for every service's real servers: only one dump's worth is alive at a
     * time, and what must outlive it (the texts) is kept per service ({@link DestinationTexts}).
     */
    private final ReusableList<RealServer> currentDestinations = new ReusableList<>(RealServer::new);
    private boolean closed;

    NetlinkIpvsClient(NetlinkTransport.Opener opener, Duration timeout) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Opens a socket and resolves the IPVS family.
     *
     * @param timeout the longest wait for the complete answer to one request
     * @param netns the namespace file to read IPVS from (such as {@code /run/netns/NAME}), or
     *     null for the caller's own network namespace
     * @throws IpvsException when the socket cannot be opened or IPVS is not available, with the
     *     reason and remedy in the message
     */
    public static NetlinkIpvsClient open(Duration timeout, Path netns) throws IpvsException {
        NetlinkIpvsClient client = new NetlinkIpvsClient(() -> LibcNetlinkTransport.open(timeout, netns), timeout);
        client.connect();
        return client;
    }

    /** Opens the socket and resolves the family id, unless a socket is open already. */
    void connect() throws IpvsException {
        if (closed) {
            throw new IllegalStateException("the IPVS client is closed");
        }
        if (exchange != null) {
            return;
        }
        exchange = new NetlinkExchange(opener.open(), timeout);
        try {
            familyId = resolveFamily();
        } catch (IpvsException | RuntimeException e) {
            closeSocket();
            throw e;
        }
    }

    /** The family id in use (for tests and diagnostics). */
    int familyId() {
        return familyId;
    }

    @Override
    public List<VirtualServer> services() throws IpvsException {
        services.clear();
        request(null);
        return services;
    }

    @Override
    public List<RealServer> destinations(VirtualServer service) throws IpvsException {
        currentService = Objects.requireNonNull(service, "service");
        currentDestinations.clear();
        request(service);
        return currentDestinations;
    }

    /** Runs a service dump ({@code service} null) or a destination dump of {@code service}. */
    private void request(VirtualServer service) throws IpvsException {
        try {
            connect();
            try {
                dump(service);
            } catch (KernelErrorException e) {
                if (e.errno() != Errno.ENOENT) {
                    throw e;
                }
                familyId = resolveFamily();
                if (service == null) {
                    services.clear();
                } else {
                    currentDestinations.clear();
                }
                dump(service);
            }
        } catch (KernelErrorException e) {
            // The exchange completed, the socket is still in step: keep it.
            throw e.errno() == Errno.EPERM ? new KernelErrorException(e.getMessage() + " (" + CAPABILITY_HINT + ")", Errno.EPERM) : e;
        } catch (IpvsException | RuntimeException e) {
            // The rest of an abandoned dump would still arrive (and the kernel refuses a new dump
            // with EBUSY while one is running): only a new socket is clean.
            closeSocket();
            throw e;
        }
    }

    private void dump(VirtualServer service) throws IpvsException {
        int sequence = exchange.nextSequence();
        ByteBuffer request = exchange.transport().requestBuffer();
        if (service == null) {
            exchange.execute(NetlinkRequests.dumpServices(request, familyId, sequence), sequence, familyId, serviceHandler);
        } else {
            exchange.execute(NetlinkRequests.dumpDestinations(request, familyId, sequence, service), sequence, familyId,
                    destinationHandler);
        }
    }

    private int resolveFamily() throws IpvsException {
        resolvedFamilyId = -1;
        int sequence = exchange.nextSequence();
        int length = NetlinkRequests.getFamily(exchange.transport().requestBuffer(), sequence, IPVS_FAMILY_NAME);
        try {
            exchange.execute(length, sequence, GENL_ID_CTRL, familyHandler);
        } catch (KernelErrorException e) {
            if (e.errno() == Errno.ENOENT) {
                throw new IpvsException(MODULE_NOT_LOADED, Errno.ENOENT);
            }
            throw new IpvsException("cannot look up the IPVS generic netlink family: " + e.getMessage(), e);
        }
        if (resolvedFamilyId < NLMSG_MIN_TYPE || resolvedFamilyId > 0xFFFF) {
            throw new MalformedReplyException("the answer to the IPVS family lookup carries no valid family id ("
                    + resolvedFamilyId + ")");
        }
        return resolvedFamilyId;
    }

    private void onFamily(byte[] datagram, int offset, int length) throws MalformedReplyException {
        resolvedFamilyId = IpvsReplyParser.familyId(datagram, offset, length);
    }

    private void onService(byte[] datagram, int offset, int length) throws MalformedReplyException {
        if (!IpvsReplyParser.service(datagram, offset, length, services.append())) {
            services.dropLast();
        }
    }

    private void onDestination(byte[] datagram, int offset, int length) throws MalformedReplyException {
        RealServer holder = currentDestinations.append();
        if (IpvsReplyParser.destination(datagram, offset, length, currentService.addressFamily, holder)) {
            holder.useTexts(currentService.destinationTexts(), currentDestinations.size() - 1);
        } else {
            currentDestinations.dropLast();
        }
    }

    private void closeSocket() {
        NetlinkExchange current = exchange;
        exchange = null;
        if (current != null) {
            current.transport().close();
        }
    }

    @Override
    public void close() {
        closed = true;
        closeSocket();
    }
}
