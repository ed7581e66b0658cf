package io.jtelegraf.testkit.influx;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An HTTP relay on loopback in front of a real server that records every {@code /write} request
 * with its lines, its {@code Content-Encoding} and the status the server gave. InfluxDB overwrites
 * a duplicate point silently, so this is where "each line delivered once" is counted: a line counts
 * as delivered when it was in a request the server answered 204. While the server is down the relay
 * answers 502 with a plain-text body, as a reverse proxy does; {@link #failSlowly} makes it answer
 * 503 late, like a busy server.
 *
 * <p>Requests are relayed one at a time (the JDK server's single dispatcher thread), in arrival
 * order. The recorded writes are safe to read from any thread.
 */
public final class CountingProxy implements AutoCloseable {
    /** Relay timeout; tests keep their output's write timeout longer, so the output never gives up
     *  on a request the server may still accept (that would be a legitimate second delivery). */
    public static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(5);

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY each answer waits
        // for the client's delayed ACK (about 40 ms), which would slow the tests, not the output.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final String upstream;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private volatile Duration slowFailure;

    /**
     * One relayed {@code /write}: when it was answered ({@link System#nanoTime()}), with what, the
     * request's {@code Content-Encoding} ({@code null} when absent) and its non-empty lines.
     */
    public record Write(long answeredAtNanos, int status, String contentEncoding, List<String> lines) {
        /** Whether the server accepted it (204). */
        public boolean delivered() {
            return status == 204;
        }
    }

    /** Starts relaying to {@code upstream}, a base URL such as {@code http://127.0.0.1:8086}. */
    public CountingProxy(String upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::relay);
        server.start();
    }

    /** The relay's base URL, to configure the output with. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * From now on, answers every {@code /write} only after {@code delay}, with 503 and a plain-text
     * body (a busy server behind a proxy; the output keeps the batch), without relaying it.
     */
    public void failSlowly(Duration delay) {
        slowFailure = delay;
    }

    /** Relays every request to the server again. */
    public void relayAll() {
        slowFailure = null;
    }

    /** Every write request so far, in order. */
    public List<Write> writes() {
        return List.copyOf(writes);
    }

    /** The lines of every write the server answered 204, in order, duplicates included. */
    public List<String> deliveredLines() {
        return writes.stream().filter(Write::delivered).flatMap(write -> write.lines().stream()).toList();
    }

    /** How often each line was delivered (in a write the server answered 204). */
    public Map<String, Integer> deliveryCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        deliveredLines().forEach(line -> counts.merge(line, 1, Integer::sum));
        return Map.copyOf(counts);
    }

    /** The {@code Content-Encoding} of every write request, {@code "null"} where there was none. */
    public List<String> writeEncodings() {
        return writes.stream().map(write -> String.valueOf(write.contentEncoding())).toList();
    }

    /** The status returned for every write request, in order. */
    public List<Integer> writeStatuses() {
        return writes.stream().map(Write::status).toList();
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            boolean isWrite = exchange.getRequestURI().getPath().endsWith("/write");
            Duration delay = slowFailure;
            if (delay != null && isWrite) {
                Thread.sleep(delay.toMillis());
                writes.add(new Write(System.nanoTime(), 503, encoding, lines(body, encoding)));
                answer(exchange, 503, "text/plain", "server busy".getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()))
                    .timeout(UPSTREAM_TIMEOUT)
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            for (String name : List.of("Content-Type", "Content-Encoding", "Authorization")) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    request.header(name, value);
                }
            }
            int status;
            byte[] answer;
            String contentType;
            try {
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                answer = response.body();
                contentType = response.headers().firstValue("Content-Type").orElse(null);
            } catch (IOException e) {
                status = 502;
                answer = "upstream unavailable".getBytes(StandardCharsets.UTF_8);
                contentType = "text/plain";
            }
            if (isWrite) {
                writes.add(new Write(System.nanoTime(), status, encoding, lines(body, encoding)));
            }
            answer(exchange, status, contentType, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static List<String> lines(byte[] body, String encoding) throws IOException {
        InputStream in = new ByteArrayInputStream(body);
        if ("gzip".equals(encoding)) {
            in = new GZIPInputStream(in);
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return Arrays.stream(text.split("\n")).filter(line -> !line.isEmpty()).toList();
    }

    /** Stops the relay at once. */
    @Override
    public void close() {
        server.stop(0);
    }
}
