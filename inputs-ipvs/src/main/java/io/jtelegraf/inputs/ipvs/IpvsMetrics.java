package io.jtelegraf.inputs.ipvs;

import io.jtelegraf.inputs.ipvs.netlink.IpvsStats;
import io.jtelegraf.inputs.ipvs.netlink.RealServer;
import io.jtelegraf.inputs.ipvs.netlink.VirtualServer;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.MetricType;

/**
 * Builds the {@code ipvs_virtual_server} and {@code ipvs_real_server} gauges, tag for tag and
 * field for field as Telegraf does, plus the opt-in extras.
 *
 * <p>Each measurement has two builders that live as long as the plugin, one for services identified
 * by fwmark and one for those identified by protocol, address and port: every metric of a builder
 * has the same tag and field keys, so the next metric overwrites the values in place, and a tag is
 * only set when its String changes ({@link TrackedTags}). {@code build()} copies, so the metrics
 * handed out are independent and immutable. Not thread-safe; the runtime
 * never runs two gathers of one plugin at a time.
 */
final class IpvsMetrics {
    static final String VIRTUAL_SERVER = "ipvs_virtual_server";
    static final String REAL_SERVER = "ipvs_real_server";

    private final NetmaskTag netmaskTag;
    private final boolean extraFields;
    // Tag positions in the TrackedTags below.
    private static final int SCHED = 0;
    private static final int NETMASK = 1;
    private static final int ADDRESS_FAMILY = 2;
    private static final int FWMARK = 3;
    private static final int PROTOCOL = 3;
    private static final int ADDRESS = 4;
    private static final int PORT = 5;
    private static final int RS_ADDRESS = 0;
    private static final int RS_PORT = 1;
    private static final int RS_ADDRESS_FAMILY = 2;
    private static final int VIRTUAL_FWMARK = 3;
    private static final int VIRTUAL_PROTOCOL = 3;
    private static final int VIRTUAL_ADDRESS = 4;
    private static final int VIRTUAL_PORT = 5;

    // One builder per measurement and identity kind: the tag set of a builder then never changes
    // (apart from an empty scheduler), so tags are overwritten in place and never removed.
    private final TrackedTags virtualServerByAddress = new TrackedTags(gauge(VIRTUAL_SERVER),
            "sched", "netmask", "address_family", "protocol", "address", "port");
    private final TrackedTags virtualServerByFwmark = new TrackedTags(gauge(VIRTUAL_SERVER),
            "sched", "netmask", "address_family", "fwmark");
    private final TrackedTags realServerByAddress = new TrackedTags(gauge(REAL_SERVER),
            "address", "port", "address_family", "virtual_protocol", "virtual_address", "virtual_port");
    private final TrackedTags realServerByFwmark = new TrackedTags(gauge(REAL_SERVER),
            "address", "port", "address_family", "virtual_fwmark");

    IpvsMetrics(NetmaskTag netmaskTag, boolean extraFields) {
        this.netmaskTag = netmaskTag;
        this.extraFields = extraFields;
    }

    private static Metric.Builder gauge(String measurement) {
        return Metric.builder(measurement).type(MetricType.GAUGE);
    }

    Metric virtualServer(VirtualServer service, long epochNanos) {
        boolean byFwmark = service.fwmark() > 0;
        TrackedTags tags = byFwmark ? virtualServerByFwmark : virtualServerByAddress;
        String scheduler = service.scheduler();
        if (scheduler.isEmpty()) {
            // Telegraf's serializer drops tags with empty values.
            tags.remove(SCHED);
        } else {
            tags.set(SCHED, scheduler);
        }
        tags.set(NETMASK, netmask(service));
        tags.set(ADDRESS_FAMILY, TagValues.addressFamily(service.addressFamily()));
        if (byFwmark) {
            tags.set(FWMARK, service.fwmarkText());
        } else {
            tags.set(PROTOCOL, TagValues.protocol(service.protocol()));
            tags.set(ADDRESS, service.addressText());
            tags.set(PORT, service.portText());
        }
        Metric.Builder builder = tags.builder();
        stats(builder, service.stats());
        return builder.time(epochNanos).build();
    }

    Metric realServer(VirtualServer service, RealServer destination, long epochNanos) {
        boolean byFwmark = service.fwmark() > 0;
        TrackedTags tags = byFwmark ? realServerByFwmark : realServerByAddress;
        tags.set(RS_ADDRESS, destination.addressText());
        tags.set(RS_PORT, destination.portText());
        tags.set(RS_ADDRESS_FAMILY, TagValues.addressFamily(destination.addressFamily()));
        if (byFwmark) {
            tags.set(VIRTUAL_FWMARK, service.fwmarkText());
        } else {
            tags.set(VIRTUAL_PROTOCOL, TagValues.protocol(service.protocol()));
            tags.set(VIRTUAL_ADDRESS, service.addressText());
            tags.set(VIRTUAL_PORT, service.portText());
        }
        Metric.Builder builder = tags.builder();
        // Telegraf: Go int -> int64, a signed field, unlike the unsigned stats.
        builder.field("active_connections", destination.activeConnections())
                .field("inactive_connections", destination.inactiveConnections());
        stats(builder, destination.stats());
        if (extraFields) {
            builder.field("persistent_connections", destination.persistentConnections())
                    .field("weight", destination.weight())
                    .field("upper_threshold", destination.upperThreshold())
                    .field("lower_threshold", destination.lowerThreshold());
        }
        return builder.time(epochNanos).build();
    }

    private void stats(Metric.Builder builder, IpvsStats stats) {
        builder.unsignedField("connections", stats.connections())
                .unsignedField("pkts_in", stats.packetsIn())
                .unsignedField("pkts_out", stats.packetsOut())
                .unsignedField("bytes_in", stats.bytesIn())
                .unsignedField("bytes_out", stats.bytesOut())
                .unsignedField("pps_in", stats.ppsIn())
                .unsignedField("pps_out", stats.ppsOut())
                .unsignedField("cps", stats.cps());
        if (extraFields) {
            builder.unsignedField("bps_in", stats.bpsIn())
                    .unsignedField("bps_out", stats.bpsOut());
        }
    }

    private String netmask(VirtualServer service) {
        return TagValues.decimal(netmaskTag == NetmaskTag.POPCOUNT
                ? Integer.bitCount(service.netmask())
                : service.netmaskPrefixLength());
    }
}
