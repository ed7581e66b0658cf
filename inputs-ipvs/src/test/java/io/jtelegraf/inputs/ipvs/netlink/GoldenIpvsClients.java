package io.jtelegraf.inputs.ipvs.netlink;

import java.time.Duration;

/** For tests outside this package: a real {@link NetlinkIpvsClient} reading the recorded golden table. */
public final class GoldenIpvsClients {
    private GoldenIpvsClients() {
    }

    /**
     * A client whose socket replays the golden captures of {@code layout} ("raw" as captured,
     * "derived_nopad" as x86_64 sends it).
     */
    public static IpvsClient goldenTable(String layout) throws IpvsException {
        GoldenKernel kernel = GoldenDumpTest.kernelFor(layout);
        NetlinkIpvsClient client = new NetlinkIpvsClient(() -> new ScriptedTransport(kernel), Duration.ofSeconds(3));
        client.connect();
        return client;
    }
}
