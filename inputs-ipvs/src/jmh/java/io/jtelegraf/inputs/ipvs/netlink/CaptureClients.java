package io.jtelegraf.inputs.ipvs.netlink;

import java.time.Duration;

/** For benchmarks outside this package: the plugin's real {@link NetlinkIpvsClient} reading a capture. */
public final class CaptureClients {
    private CaptureClients() {
    }

    /**
     * A connected client whose socket is replaced by a replay of {@code capture}: the family
     * lookup, exchange, parser and holders are the production ones.
     */
    public static IpvsClient replaying(Capture capture) throws IpvsException {
        NetlinkIpvsClient client = new NetlinkIpvsClient(() -> new CaptureReplayTransport(capture), Duration.ofSeconds(3));
        client.connect();
        return client;
    }
}
