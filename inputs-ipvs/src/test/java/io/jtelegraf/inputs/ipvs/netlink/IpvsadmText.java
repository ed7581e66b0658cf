package io.jtelegraf.inputs.ipvs.netlink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output of {@code ipvsadm -L -n ...} parsed into services and their real servers, each with
 * the columns after its address as strings. Service keys look like {@code "TCP 10.10.0.1:80"},
 * {@code "UDP [2001:db8:10::1]:53"}, {@code "FWM 100"} or {@code "FWM 200 IPv6"}; real server keys
 * like {@code "192.168.100.11:8080"}.
 */
public final class IpvsadmText {

    /** One service line and the real server lines under it. */
    public record Service(String key, List<String> columns, Map<String, List<String>> realServers) {
        public long number(int column) {
            return Long.parseLong(columns.get(column));
        }

        public long realServerNumber(String realServer, int column) {
            List<String> row = realServers.get(realServer);
            if (row == null) {
                throw new AssertionError("ipvsadm shows no real server " + realServer + " under " + key);
            }
            return Long.parseLong(row.get(column));
        }

        /** The value after {@code word} in the columns ("persistent 600" -> "600"), or null. */
        public String after(String word) {
            int index = columns.indexOf(word);
            return index < 0 ? null : columns.get(index + 1);
        }
    }

    private final Map<String, Service> services;

    private IpvsadmText(Map<String, Service> services) {
        this.services = services;
    }

    public static IpvsadmText load(String path) {
        return parse(Recording.text(path));
    }

    static IpvsadmText parse(String text) {
        Map<String, Service> services = new LinkedHashMap<>();
        Service current = null;
        for (String line : text.split("\n")) {
            List<String> tokens = new ArrayList<>(Arrays.asList(line.trim().split("\\s+")));
            if (line.startsWith("  -> ") && current != null && !tokens.get(1).equals("RemoteAddress:Port")) {
                current.realServers().put(tokens.get(1), List.copyOf(tokens.subList(2, tokens.size())));
            } else if (List.of("TCP", "UDP", "SCTP", "FWM").contains(tokens.get(0))) {
                int keyLength = tokens.get(0).equals("FWM") && tokens.size() > 2 && tokens.get(2).equals("IPv6") ? 3 : 2;
                String key = String.join(" ", tokens.subList(0, keyLength));
                current = new Service(key, List.copyOf(tokens.subList(keyLength, tokens.size())), new LinkedHashMap<>());
                services.put(key, current);
            }
        }
        return new IpvsadmText(services);
    }

    public Map<String, Service> services() {
        return services;
    }

    public Service service(String key) {
        Service service = services.get(key);
        if (service == null) {
            throw new AssertionError("ipvsadm shows no service " + key + "; it shows " + services.keySet());
        }
        return service;
    }

    /** The ipvsadm key of a parsed service. */
    public static String keyOf(VirtualServer service) {
        if (service.fwmark() > 0) {
            return "FWM " + service.fwmark() + (service.addressFamily() == 10 ? " IPv6" : "");
        }
        String protocol = switch (service.protocol()) {
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 132 -> "SCTP";
            default -> throw new AssertionError("protocol " + service.protocol());
        };
        return protocol + " " + hostPort(service.addressFamily(), service.addressText(), service.port());
    }

    public static String keyOf(RealServer realServer) {
        return hostPort(realServer.addressFamily(), realServer.addressText(), realServer.port());
    }

    private static String hostPort(int family, String address, int port) {
        return (family == 10 ? "[" + address + "]" : address) + ":" + port;
    }
}
