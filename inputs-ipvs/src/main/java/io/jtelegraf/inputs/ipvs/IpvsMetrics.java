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
 * <p>Each measurement has one builder that lives as long as the plugin: every metric of a
 * measurement has the same field keys, so the next metric overwrites the values in place and only
 * the identity tags that differ (fwmark versus protocol/address/port) are swapped. {@code build()}
 * copies, so the metrics handed out are independent and immutable. Not thread-safe; the runtime
 * never runs two gathers of one plugin at a time.
 */
final class IpvsMetrics {
    static final String VIRTUAL_SERVER = "ipvs_virtual_server";
    static final String REAL_SERVER = "ipvs_real_server";

    private final NetmaskTag netmaskTag;
    private final boolean extraFields;
    private final Metric.Builder virtualServer = Metric.builder(VIRTUAL_SERVER).type(MetricType.GAUGE);
    private final Metric.Builder realServer = Metric.builder(REAL_SERVER).type(MetricType.GAUGE);

    IpvsMetrics(NetmaskTag netmaskTag, boolean extraFields) {
        this.netmaskTag = netmaskTag;
        this.extraFields = extraFields;
    }

    Metric virtualServer(VirtualServer service, long epochNanos) {
        Metric.Builder builder = virtualServer;
        String scheduler = service.scheduler();
        if (scheduler.isEmpty()) {
            // Telegraf's serializer drops tags with empty values.
            builder.removeTag("sched");
        } else {
            builder.tag("sched", scheduler);
        }
        builder.tag("netmask", netmask(service));
        builder.tag("address_family", TagValues.addressFamily(service.addressFamily()));
        if (service.fwmark() > 0) {
            builder.tag("fwmark", service.fwmarkText())
                    .removeTag("protocol").removeTag("address").removeTag("port");
        } else {
            builder.removeTag("fwmark")
                    .tag("protocol", TagValues.protocol(service.protocol()))
                    .tag("address", service.addressText())
                    .tag("port", service.portText());
        }
        stats(builder, service.stats());
        return builder.time(epochNanos).build();
    }

    Metric realServer(VirtualServer service, RealServer destination, long epochNanos) {
        Metric.Builder builder = realServer;
        builder.tag("address", destination.addressText())
                .tag("port", destination.portText())
                .tag("address_family", TagValues.addressFamily(destination.addressFamily()));
        if (service.fwmark() > 0) {
            builder.tag("virtual_fwmark", service.fwmarkText())
                    .removeTag("virtual_protocol").removeTag("virtual_address").removeTag("virtual_port");
        } else {
            builder.removeTag("virtual_fwmark")
                    .tag("virtual_protocol", TagValues.protocol(service.protocol()))
                    .tag("virtual_address", service.addressText())
                    .tag("virtual_port", service.portText());
        }
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
