package io.jtelegraf.distribution.kernel;

import io.jtelegraf.distribution.kernel.IpvsadmSnapshot.Counters;
import io.jtelegraf.distribution.kernel.IpvsadmSnapshot.Rates;
import io.jtelegraf.distribution.kernel.IpvsadmSnapshot.RealServer;
import io.jtelegraf.distribution.kernel.IpvsadmSnapshot.Service;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the metrics of one {@code inputs.ipvs} gather with two ipvsadm snapshots taken right
 * before and right after it, and lists every difference in words.
 *
 * <p>Counters and connection counts must equal the snapshots exactly (the caller makes sure the
 * two snapshots agree on them). Rates ({@code cps}, {@code pps_in}, {@code pps_out}) are estimates
 * the kernel updates every two seconds, so they only have to lie between the two snapshots.
 */
final class IpvsadmComparison {
    static final String VIRTUAL = "ipvs_virtual_server";
    static final String REAL = "ipvs_real_server";
    private static final Set<String> STATS_FIELDS =
            Set.of("connections", "pkts_in", "pkts_out", "bytes_in", "bytes_out", "pps_in", "pps_out", "cps");
    private static final Set<String> REAL_FIELDS;

    static {
        Set<String> real = new HashSet<>(STATS_FIELDS);
        real.add("active_connections");
        real.add("inactive_connections");
        REAL_FIELDS = Set.copyOf(real);
    }

    private final IpvsadmSnapshot before;
    private final IpvsadmSnapshot after;
    private final Set<String> extraTags;
    private final List<String> differences = new ArrayList<>();

    private IpvsadmComparison(IpvsadmSnapshot before, IpvsadmSnapshot after, Set<String> extraTags) {
        this.before = before;
        this.after = after;
        this.extraTags = extraTags;
    }

    /**
     * Every difference between {@code metrics} and the snapshots; empty when they agree.
     *
     * @param extraTags tags the gatherer may add besides the plugin's own, such as {@code host}
     */
    static List<String> compare(List<ParsedMetric> metrics, IpvsadmSnapshot before, IpvsadmSnapshot after,
                                Set<String> extraTags) {
        IpvsadmComparison comparison = new IpvsadmComparison(before, after, extraTags);
        comparison.run(metrics);
        return List.copyOf(comparison.differences);
    }

    private void run(List<ParsedMetric> metrics) {
        if (!before.services().keySet().equals(after.services().keySet())) {
            differences.add("the IPVS table changed during the gather: " + before.services().keySet()
                    + " became " + after.services().keySet());
            return;
        }
        Set<String> seenServices = new HashSet<>();
        Set<String> seenReals = new HashSet<>();
        for (ParsedMetric metric : metrics) {
            switch (metric.name()) {
                case VIRTUAL -> checkVirtual(metric, seenServices);
                case REAL -> checkReal(metric, seenReals);
                default -> differences.add("unexpected measurement: " + metric);
            }
        }
        for (Service service : before.all()) {
            if (!seenServices.contains(service.key())) {
                differences.add("no " + VIRTUAL + " metric for service " + service.key());
            }
            for (RealServer real : service.reals()) {
                if (!seenReals.contains(service.key() + " -> " + real.key())) {
                    differences.add("no " + REAL + " metric for " + real.key() + " of service " + service.key());
                }
            }
        }
    }

    private void checkVirtual(ParsedMetric metric, Set<String> seen) {
        Map<String, String> tags = metric.tags();
        String key = tags.containsKey("fwmark")
                ? IpvsadmSnapshot.fwmarkKey(parseLong(tags.get("fwmark")), tags.get("address_family"))
                : IpvsadmSnapshot.serviceKey(tags.get("protocol"), tags.get("address"), parseInt(tags.get("port")));
        Service service = before.services().get(key);
        if (service == null) {
            differences.add("metric for a service ipvsadm does not list (" + key + "): " + metric);
            return;
        }
        if (!seen.add(key)) {
            differences.add("service " + key + " reported twice");
        }
        checkTags(metric, expectedTags(service), "service " + key);
        checkFields(metric, STATS_FIELDS, "service " + key);
        checkStats(metric, service.counters(), service.rates(), after.services().get(key).rates(), "service " + key);
    }

    private void checkReal(ParsedMetric metric, Set<String> seen) {
        Map<String, String> tags = metric.tags();
        Service service = parentOf(tags);
        if (service == null) {
            differences.add("real-server metric without a matching service: " + metric);
            return;
        }
        String realKey = IpvsadmSnapshot.realKey(tags.get("address"), parseInt(tags.get("port")));
        RealServer real = service.realServers().get(realKey);
        String where = "real server " + realKey + " of service " + service.key();
        if (real == null) {
            differences.add("metric for a " + where + " that ipvsadm does not list: " + metric);
            return;
        }
        if (!seen.add(service.key() + " -> " + realKey)) {
            differences.add(where + " reported twice");
        }
        checkTags(metric, expectedTags(service, real), where);
        checkFields(metric, REAL_FIELDS, where);
        RealServer realAfter = after.services().get(service.key()).realServers().get(realKey);
        checkStats(metric, real.counters(), real.rates(), realAfter.rates(), where);
        checkEqual(metric, "active_connections", real.activeConnections(), where);
        checkEqual(metric, "inactive_connections", real.inactiveConnections(), where);
    }

    private Service parentOf(Map<String, String> tags) {
        if (tags.containsKey("virtual_fwmark")) {
            // Real servers carry the mark but not the family of their service.
            long mark = parseLong(tags.get("virtual_fwmark"));
            List<Service> candidates = before.all().stream()
                    .filter(service -> service.isFwmark() && service.fwmark() == mark).toList();
            return candidates.size() == 1 ? candidates.get(0) : null;
        }
        return before.services().get(IpvsadmSnapshot.serviceKey(tags.get("virtual_protocol"),
                tags.get("virtual_address"), parseInt(tags.get("virtual_port"))));
    }

    static Map<String, String> expectedTags(Service service) {
        Map<String, String> tags = new TreeMap<>();
        if (service.isFwmark()) {
            tags.put("fwmark", Long.toString(service.fwmark()));
        } else {
            tags.put("protocol", service.protocol());
            tags.put("address", service.address());
            tags.put("port", Integer.toString(service.port()));
        }
        tags.put("address_family", service.family());
        tags.put("sched", service.scheduler());
        tags.put("netmask", expectedNetmaskTag(service));
        return tags;
    }

    static Map<String, String> expectedTags(Service service, RealServer real) {
        Map<String, String> tags = new TreeMap<>();
        tags.put("address", real.address());
        tags.put("port", Integer.toString(real.port()));
        tags.put("address_family", real.family());
        if (service.isFwmark()) {
            tags.put("virtual_fwmark", Long.toString(service.fwmark()));
        } else {
            tags.put("virtual_protocol", service.protocol());
            tags.put("virtual_address", service.address());
            tags.put("virtual_port", Integer.toString(service.port()));
        }
        return tags;
    }

    /**
     * Telegraf's netmask tag is the number of one bits in the kernel's netmask attribute. For IPv4
     * that is the prefix length of the mask (255.255.255.255 unless ipvsadm shows another); for
     * IPv6 the kernel keeps the prefix length itself (128 unless shown), so the tag is the number
     * of one bits of that number: 128 gives 1, 96 gives 2.
     */
    static String expectedNetmaskTag(Service service) {
        if (service.family().equals("inet6")) {
            int prefix = service.netmaskText() == null ? 128 : Integer.parseInt(service.netmaskText());
            return Integer.toString(Integer.bitCount(prefix));
        }
        if (service.netmaskText() == null) {
            return "32";
        }
        int ones = 0;
        for (String octet : service.netmaskText().split("\\.")) {
            ones += Integer.bitCount(Integer.parseInt(octet));
        }
        return Integer.toString(ones);
    }

    private void checkTags(ParsedMetric metric, Map<String, String> expected, String where) {
        Map<String, String> actual = new TreeMap<>(metric.tags());
        actual.keySet().removeAll(extraTags);
        if (!actual.equals(expected)) {
            differences.add(where + ": tags " + actual + " but expected " + expected);
        }
    }

    private void checkFields(ParsedMetric metric, Set<String> expected, String where) {
        if (!metric.fields().keySet().equals(expected)) {
            differences.add(where + ": fields " + new TreeSet<>(metric.fields().keySet()) + " but expected "
                    + new TreeSet<>(expected));
        }
    }

    private void checkStats(ParsedMetric metric, Counters counters, Rates ratesBefore, Rates ratesAfter, String where) {
        checkEqual(metric, "connections", counters.connections(), where);
        checkEqual(metric, "pkts_in", counters.packetsIn(), where);
        checkEqual(metric, "pkts_out", counters.packetsOut(), where);
        checkEqual(metric, "bytes_in", counters.bytesIn(), where);
        checkEqual(metric, "bytes_out", counters.bytesOut(), where);
        checkBetween(metric, "cps", ratesBefore.connectionsPerSecond(), ratesAfter.connectionsPerSecond(), where);
        checkBetween(metric, "pps_in", ratesBefore.packetsInPerSecond(), ratesAfter.packetsInPerSecond(), where);
        checkBetween(metric, "pps_out", ratesBefore.packetsOutPerSecond(), ratesAfter.packetsOutPerSecond(), where);
    }

    private void checkEqual(ParsedMetric metric, String field, BigInteger expected, String where) {
        BigInteger actual = metric.integer(field);
        if (!expected.equals(actual)) {
            differences.add(where + ": " + field + "=" + metric.fields().get(field) + " but ipvsadm shows " + expected);
        }
    }

    private void checkBetween(ParsedMetric metric, String field, BigInteger first, BigInteger second, String where) {
        BigInteger actual = metric.integer(field);
        BigInteger low = first.min(second);
        BigInteger high = first.max(second);
        if (actual == null || actual.compareTo(low) < 0 || actual.compareTo(high) > 0) {
            differences.add(where + ": " + field + "=" + metric.fields().get(field) + " is not between ipvsadm's "
                    + first + " (before) and " + second + " (after)");
        }
    }

    private static long parseLong(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int parseInt(String text) {
        return (int) parseLong(text);
    }
}
