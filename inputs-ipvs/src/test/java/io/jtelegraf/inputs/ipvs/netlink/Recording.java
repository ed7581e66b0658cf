package io.jtelegraf.inputs.ipvs.netlink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A golden {@code .hex} capture: "send" lines (one request datagram each), each followed by the
 * "recv" lines (reply datagrams) read for it. "peek" lines (libnl's size probes, the same bytes
 * as the following recv) and comments are ignored.
 */
final class Recording {

    /** One request and the datagrams received after it. */
    record Exchange(byte[] request, List<byte[]> replies) {
    }

    private final String name;
    private final List<Exchange> exchanges;

    private Recording(String name, List<Exchange> exchanges) {
        this.name = name;
        this.exchanges = exchanges;
    }

    /** Loads {@code golden/<path>} from the test resources. */
    static Recording load(String path) {
        String resource = "/golden/" + path;
        try (InputStream in = Recording.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return parse(path, new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        String resource = "/golden/" + path;
        try (InputStream in = Recording.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Recording parse(String name, String text) {
        List<Exchange> exchanges = new ArrayList<>();
        byte[] request = null;
        List<byte[]> replies = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("send ")) {
                if (request != null) {
                    exchanges.add(new Exchange(request, List.copyOf(replies)));
                }
                request = HexFormat.of().parseHex(line.substring(5).trim());
                replies = new ArrayList<>();
            } else if (line.startsWith("recv ")) {
                if (replies == null) {
                    throw new IllegalArgumentException(name + ": recv before any send");
                }
                replies.add(HexFormat.of().parseHex(line.substring(5).trim()));
            }
        }
        if (request != null) {
            exchanges.add(new Exchange(request, List.copyOf(replies)));
        }
        return new Recording(name, List.copyOf(exchanges));
    }

    String name() {
        return name;
    }

    List<Exchange> exchanges() {
        return exchanges;
    }

    /** All reply datagrams of all exchanges, in order. */
    List<byte[]> allReplies() {
        List<byte[]> all = new ArrayList<>();
        exchanges.forEach(exchange -> all.addAll(exchange.replies()));
        return all;
    }

    @Override
    public String toString() {
        return name;
    }
}
