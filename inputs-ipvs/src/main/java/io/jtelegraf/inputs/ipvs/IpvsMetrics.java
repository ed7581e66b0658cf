package io.jtelegraf.inputs.ipvs;

import io.jtelegraf.inputs.ipvs.netlink.IpvsStats;
import io.jtelegraf.inputs.ipvs.netlink.RealServer;
import io.jtelegraf.inputs.ipvs.netlink.VirtualServer;
import io.jtelegraf.spi.FieldType;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.MetricShape;
import io.jtelegraf.spi.MetricType;
import java.util.Arrays;

/**
 * Builds the {@code ipvs_virtual_server} and {@code ipvs_real_server} gauges, tag for tag and
 * field for field as Telegraf does, plus the opt-in extras.
 *
 * <p>Every metric of this input has one of six layouts ({@link MetricShape}s made once): a virtual
 * server identified by protocol, address and port or by fwmark, with or without a scheduler tag,
 * and a real server of either kind of virtual server. A metric is then its values alone, written
 * into two scratch arrays that {@link MetricShape#metric} copies. Not thread-safe; the runtime
 * never runs two gathers of one plugin at a time.
 */
final class IpvsMetrics {
    static final String VIRTUAL_SERVER = "ipvs_virtual_server";
    static final String REAL_SERVER = "ipvs_real_server";

    /** The statistics in Telegraf's field order; the rates in bits come only with extra_fields. */
    private static final String[] STATS_FIELDS = {"connections", "pkts_in", "pkts_out", "bytes_in", "bytes_out",
        "pps_in", "pps_out", "cps"};
    private static final String[] EXTRA_STATS_FIELDS = {"bps_in", "bps_out"};
    /** Telegraf: Go int -> int64, signed fields, unlike the unsigned stats. */
    private static final String[] CONNECTION_FIELDS = {"active_connections", "inactive_connections"};
    private static final String[] EXTRA_REAL_SERVER_FIELDS = {"persistent_connections", "weight", "upper_threshold",
        "lower_threshold"};

    /** The tag keys of all layouts; a layout maps these indexes to its own positions. */
    private static final String[] TAG_KEYS = {"sched", "netmask", "address_family", "protocol", "address", "port",
        "fwmark", "virtual_protocol", "virtual_address", "virtual_port", "virtual_fwmark"};
    private static final int SCHED = 0;
    private static final int NETMASK = 1;
    private static final int ADDRESS_FAMILY = 2;
    private static final int PROTOCOL = 3;
    private static final int ADDRESS = 4;
    private static final int PORT = 5;
    private static final int FWMARK = 6;
    private static final int VIRTUAL_PROTOCOL = 7;
    private static final int VIRTUAL_ADDRESS = 8;
    private static final int VIRTUAL_PORT = 9;
    private static final int VIRTUAL_FWMARK = 10;

    private final NetmaskTag netmaskTag;
    private final boolean extraFields;
    private final Layout virtualByAddress;
    private final Layout virtualByAddressNoScheduler;
    private final Layout virtualByFwmark;
    private final Layout virtualByFwmarkNoScheduler;
    private final Layout realByAddress;
    private final Layout realByFwmark;
    /** Field values of the metric being built; copied by the shape. */
    private final long[] virtualFields;
    private final long[] realFields;

    IpvsMetrics(NetmaskTag netmaskTag, boolean extraFields) {
        this.netmaskTag = netmaskTag;
        this.extraFields = extraFields;
        String[] statsFields = extraFields ? concat(STATS_FIELDS, EXTRA_STATS_FIELDS) : STATS_FIELDS;
        String[] realFieldKeys = extraFields ? concat(CONNECTION_FIELDS, statsFields, EXTRA_REAL_SERVER_FIELDS)
                : concat(CONNECTION_FIELDS, statsFields);
        FieldType[] virtualTypes = types(statsFields.length, 0, 0);
        FieldType[] realTypes = types(statsFields.length, CONNECTION_FIELDS.length,
                extraFields ? EXTRA_REAL_SERVER_FIELDS.length : 0);
        virtualByAddress = new Layout(VIRTUAL_SERVER, statsFields, virtualTypes,
                SCHED, NETMASK, ADDRESS_FAMILY, PROTOCOL, ADDRESS, PORT);
        virtualByAddressNoScheduler = new Layout(VIRTUAL_SERVER, statsFields, virtualTypes,
                NETMASK, ADDRESS_FAMILY, PROTOCOL, ADDRESS, PORT);
        virtualByFwmark = new Layout(VIRTUAL_SERVER, statsFields, virtualTypes, SCHED, NETMASK, ADDRESS_FAMILY, FWMARK);
        virtualByFwmarkNoScheduler = new Layout(VIRTUAL_SERVER, statsFields, virtualTypes,
                NETMASK, ADDRESS_FAMILY, FWMARK);
        realByAddress = new Layout(REAL_SERVER, realFieldKeys, realTypes,
                ADDRESS, PORT, ADDRESS_FAMILY, VIRTUAL_PROTOCOL, VIRTUAL_ADDRESS, VIRTUAL_PORT);
        realByFwmark = new Layout(REAL_SERVER, realFieldKeys, realTypes, ADDRESS, PORT, ADDRESS_FAMILY, VIRTUAL_FWMARK);
        virtualFields = new long[statsFields.length];
        realFields = new long[realFieldKeys.length];
    }

    Metric virtualServer(VirtualServer service, long epochNanos) {
        boolean byFwmark = service.fwmark() > 0;
        String scheduler = service.scheduler();
        // Telegraf's serializer drops tags with empty values: no sched tag without a scheduler.
        Layout layout = scheduler.isEmpty()
                ? byFwmark ? virtualByFwmarkNoScheduler : virtualByAddressNoScheduler
                : byFwmark ? virtualByFwmark : virtualByAddress;
        layout.set(SCHED, scheduler);
        layout.set(NETMASK, netmask(service));
        layout.set(ADDRESS_FAMILY, TagValues.addressFamily(service.addressFamily()));
        if (byFwmark) {
            layout.set(FWMARK, service.fwmarkText());
        } else {
            layout.set(PROTOCOL, TagValues.protocol(service.protocol()));
            layout.set(ADDRESS, service.addressText());
            layout.set(PORT, service.portText());
        }
        stats(virtualFields, 0, service.stats());
        return layout.metric(virtualFields, epochNanos);
    }

    Metric realServer(VirtualServer service, RealServer destination, long epochNanos) {
        boolean byFwmark = service.fwmark() > 0;
        Layout layout = byFwmark ? realByFwmark : realByAddress;
        layout.set(ADDRESS, destination.addressText());
        layout.set(PORT, destination.portText());
        layout.set(ADDRESS_FAMILY, TagValues.addressFamily(destination.addressFamily()));
        if (byFwmark) {
            layout.set(VIRTUAL_FWMARK, service.fwmarkText());
        } else {
            layout.set(VIRTUAL_PROTOCOL, TagValues.protocol(service.protocol()));
            layout.set(VIRTUAL_ADDRESS, service.addressText());
            layout.set(VIRTUAL_PORT, service.portText());
        }
        long[] fields = realFields;
        fields[0] = destination.activeConnections();
        fields[1] = destination.inactiveConnections();
        int next = stats(fields, CONNECTION_FIELDS.length, destination.stats());
        if (extraFields) {
            fields[next] = destination.persistentConnections();
            fields[next + 1] = destination.weight();
            fields[next + 2] = destination.upperThreshold();
            fields[next + 3] = destination.lowerThreshold();
        }
        return layout.metric(fields, epochNanos);
    }

    /** Writes the statistics from {@code start} in {@link #STATS_FIELDS} order; returns the next index. */
    private int stats(long[] fields, int start, IpvsStats stats) {
        fields[start] = stats.connections();
        fields[start + 1] = stats.packetsIn();
        fields[start + 2] = stats.packetsOut();
        fields[start + 3] = stats.bytesIn();
        fields[start + 4] = stats.bytesOut();
        fields[start + 5] = stats.ppsIn();
        fields[start + 6] = stats.ppsOut();
        fields[start + 7] = stats.cps();
        if (!extraFields) {
            return start + 8;
        }
        fields[start + 8] = stats.bpsIn();
        fields[start + 9] = stats.bpsOut();
        return start + 10;
    }

    private String netmask(VirtualServer service) {
        return TagValues.decimal(netmaskTag == NetmaskTag.POPCOUNT
                ? Integer.bitCount(service.netmask())
                : service.netmaskPrefixLength());
    }

    private static String[] concat(String[]... parts) {
        String[] all = new String[0];
        for (String[] part : parts) {
            int from = all.length;
            all = Arrays.copyOf(all, from + part.length);
            System.arraycopy(part, 0, all, from, part.length);
        }
        return all;
    }

    /** LONG for the signed connection counts at both ends, UNSIGNED for the statistics between. */
    private static FieldType[] types(int statsCount, int signedBefore, int signedAfter) {
        FieldType[] types = new FieldType[signedBefore + statsCount + signedAfter];
        Arrays.fill(types, FieldType.LONG);
        Arrays.fill(types, signedBefore, signedBefore + statsCount, FieldType.UNSIGNED);
        return types;
    }

    /** One shape with the tag values of the metric being built, kept from metric to metric. */
    private static final class Layout {
        private final MetricShape shape;
        /** Per index into {@link #TAG_KEYS}: the position in the shape's tag values, or -1. */
        private final int[] positions = new int[TAG_KEYS.length];
        private final String[] tagValues;

        Layout(String measurement, String[] fieldKeys, FieldType[] fieldTypes, int... tags) {
            String[] keys = new String[tags.length];
            for (int i = 0; i < tags.length; i++) {
                keys[i] = TAG_KEYS[tags[i]];
            }
            this.shape = MetricShape.of(measurement, MetricType.GAUGE, keys, fieldKeys, fieldTypes);
            Arrays.fill(positions, -1);
            for (int tag : tags) {
                positions[tag] = shape.tagIndex(TAG_KEYS[tag]);
            }
            this.tagValues = new String[shape.tagCount()];
        }

        /** Sets tag {@code tag} (an index into {@link #TAG_KEYS}); ignored when the layout has no such tag. */
        void set(int tag, String value) {
            int position = positions[tag];
            if (position >= 0) {
                tagValues[position] = value;
            }
        }

        Metric metric(long[] fields, long epochNanos) {
            return shape.metric(tagValues, fields, epochNanos);
        }
    }
}
