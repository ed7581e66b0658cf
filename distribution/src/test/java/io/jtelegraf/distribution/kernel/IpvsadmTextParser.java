package io.jtelegraf.distribution.kernel;

import io.jtelegraf.distribution.kernel.IpvsadmSnapshot.Counters;
import io.jtelegraf.distribution.kernel.IpvsadmSnapshot.Rates;
import io.jtelegraf.distribution.kernel.IpvsadmSnapshot.RealServer;
import io.jtelegraf.distribution.kernel.IpvsadmSnapshot.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the text of ipvsadm 1.31 into an {@link IpvsadmSnapshot}. The three listings share one
 * layout: a service line ({@code TCP  10.0.0.1:80 ...}, {@code UDP  [2001:db8::1]:53 ...},
 * {@code FWM  7 ...} or {@code FWM  8 IPv6 ...}) followed by its real servers
 * ({@code   -> 192.0.2.11:8080 ...}); only the columns after the address differ.
 */
final class IpvsadmTextParser {

    private IpvsadmTextParser() {
    }

    /** Reads {@code PREFIX.stats}, {@code PREFIX.rate} and {@code PREFIX.ln} as umlh_snapshot writes them. */
    static IpvsadmSnapshot read(Path prefix) {
        return parse(lines(prefix, ".stats"), lines(prefix, ".rate"), lines(prefix, ".ln"));
    }

    static IpvsadmSnapshot parse(List<String> statsText, List<String> rateText, List<String> listText) {
        Map<String, Block> stats = blocks(statsText);
        Map<String, Block> rates = blocks(rateText);
        Map<String, Block> list = blocks(listText);
        if (!stats.keySet().equals(rates.keySet()) || !stats.keySet().equals(list.keySet())) {
            throw new IllegalArgumentException("the three ipvsadm listings show different services: "
                    + stats.keySet() + " / " + rates.keySet() + " / " + list.keySet());
        }
        Map<String, Service> services = new LinkedHashMap<>();
        for (Map.Entry<String, Block> entry : list.entrySet()) {
            String key = entry.getKey();
            services.put(key, service(entry.getValue(), stats.get(key), rates.get(key)));
        }
        return new IpvsadmSnapshot(services);
    }

    private static Service service(Block list, Block stats, Block rates) {
        Header header = list.header;
        String[] rest = header.rest;
        String scheduler = rest.length > 0 ? rest[0] : null;
        String netmask = null;
        for (int i = 1; i + 1 < rest.length; i++) {
            if (rest[i].equals("mask")) {
                netmask = rest[i + 1];
            }
        }
        Map<String, RealServer> reals = new LinkedHashMap<>();
        for (Map.Entry<String, Real> real : list.reals.entrySet()) {
            Real listed = real.getValue();
            Real counted = stats.reals.get(real.getKey());
            Real rated = rates.reals.get(real.getKey());
            if (counted == null || rated == null) {
                throw new IllegalArgumentException("real server " + real.getKey() + " of " + header.key
                        + " is missing from the --stats or --rate listing");
            }
            // -Ln columns after the address: Forward Weight ActiveConn InActConn
            reals.put(real.getKey(), new RealServer(real.getKey(), listed.address, listed.port, listed.family,
                    listed.rest[0], Integer.parseInt(listed.rest[1]), new BigInteger(listed.rest[2]),
                    new BigInteger(listed.rest[3]), counters(counted.rest), rates(rated.rest)));
        }
        return new Service(header.key, header.protocol, header.address, header.port, header.fwmark, header.family,
                scheduler, netmask, counters(stats.header.rest), rates(rates.header.rest), reals);
    }

    private static Counters counters(String[] columns) {
        BigInteger[] v = numbers(columns);
        return new Counters(v[0], v[1], v[2], v[3], v[4]);
    }

    private static Rates rates(String[] columns) {
        BigInteger[] v = numbers(columns);
        return new Rates(v[0], v[1], v[2], v[3], v[4]);
    }

    private static BigInteger[] numbers(String[] columns) {
        if (columns.length != 5) {
            throw new IllegalArgumentException("expected five numbers, got " + Arrays.toString(columns));
        }
        return Arrays.stream(columns).map(BigInteger::new).toArray(BigInteger[]::new);
    }

    private static Map<String, Block> blocks(List<String> text) {
        Map<String, Block> blocks = new LinkedHashMap<>();
        Block current = null;
        for (String line : text) {
            String[] tokens = line.trim().split("\\s+");
            if (line.isBlank() || line.startsWith("IP Virtual Server") || line.startsWith("Prot ")) {
                continue;
            }
            if (tokens[0].equals("->")) {
                if (tokens[1].startsWith("RemoteAddress")) {
                    continue;
                }
                if (current == null) {
                    throw new IllegalArgumentException("real server line before any service: " + line);
                }
                Real real = real(tokens);
                current.reals.put(IpvsadmSnapshot.realKey(real.address, real.port), real);
            } else {
                current = new Block(header(line, tokens));
                if (blocks.put(current.header.key, current) != null) {
                    throw new IllegalArgumentException("service listed twice: " + line);
                }
            }
        }
        return blocks;
    }

    private static Header header(String line, String[] tokens) {
        String protocol = switch (tokens[0]) {
            case "TCP" -> "tcp";
            case "UDP" -> "udp";
            case "SCTP" -> "sctp";
            case "FWM" -> null;
            default -> throw new IllegalArgumentException("unknown service line: " + line);
        };
        if (protocol == null) {
            long mark = Long.parseLong(tokens[1]);
            boolean inet6 = tokens.length > 2 && tokens[2].equals("IPv6");
            String family = inet6 ? "inet6" : "inet";
            String[] rest = Arrays.copyOfRange(tokens, inet6 ? 3 : 2, tokens.length);
            return new Header(IpvsadmSnapshot.fwmarkKey(mark, family), null, null, null, mark, family, rest);
        }
        Endpoint endpoint = endpoint(tokens[1]);
        return new Header(IpvsadmSnapshot.serviceKey(protocol, endpoint.address, endpoint.port), protocol,
                endpoint.address, endpoint.port, null, endpoint.family, Arrays.copyOfRange(tokens, 2, tokens.length));
    }

    private static Real real(String[] tokens) {
        Endpoint endpoint = endpoint(tokens[1]);
        return new Real(endpoint.address, endpoint.port, endpoint.family, Arrays.copyOfRange(tokens, 2, tokens.length));
    }

    /** {@code 10.0.0.1:80} or {@code [2001:db8::1]:80}. */
    private static Endpoint endpoint(String text) {
        if (text.startsWith("[")) {
            int close = text.indexOf("]:");
            return new Endpoint(text.substring(1, close), Integer.parseInt(text.substring(close + 2)), "inet6");
        }
        int colon = text.lastIndexOf(':');
        return new Endpoint(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)), "inet");
    }

    private static List<String> lines(Path prefix, String suffix) {
        Path file = prefix.resolveSibling(prefix.getFileName() + suffix);
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ipvsadm snapshot " + file, e);
        }
    }

    private record Endpoint(String address, int port, String family) {
    }

    private record Header(String key, String protocol, String address, Integer port, Long fwmark, String family,
                          String[] rest) {
    }

    private record Real(String address, int port, String family, String[] rest) {
    }

    private static final class Block {
        final Header header;
        final Map<String, Real> reals = new LinkedHashMap<>();

        Block(Header header) {
            this.header = header;
        }
    }
}
