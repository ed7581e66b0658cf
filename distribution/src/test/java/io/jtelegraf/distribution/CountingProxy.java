package io.jtelegraf.distribution;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An HTTP relay on loopback in front of a real InfluxDB that records every {@code /write} request
 * with the lines it carried and the status the server gave. InfluxDB overwrites a duplicate point
 * silently, so this is where "each line sent once" is counted: a line counts as delivered when it
 * was in a request the server answered 204. While the server is down the relay answers 502 with
 * a plain-text body, as a reverse proxy does (the agent keeps such batches for a retry).
 *
 * <p>Requests are relayed one at a time (the server's single dispatcher thread), in arrival order.
 */
final class CountingProxy implements AutoCloseable {
    /** Shorter than the agent's write timeout in these tests, so the agent never gives up on a
     *  request the server may still accept (that would be a legitimate second delivery). */
    static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(5);

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY each answer waits
        // for the client's delayed ACK (about 40 ms), which would slow the tests, not the agent.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final String upstream;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private volatile Duration slowFailure;

    /** One relayed {@code /write}: when it was answered, with what, and its lines. */
    record Write(long answeredAtNanos, int status, List<String> lines) {
        boolean delivered() {
            return status == 204;
        }
    }

    CountingProxy(String upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::relay);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * From now on, answers every {@code /write} only after {@code delay}, with 503 and a plain-text
     * body (a busy server behind a proxy; the agent keeps the batch), without relaying it.
     */
    void failSlowly(Duration delay) {
        slowFailure = delay;
    }

    /** Relays every request to the server again. */
    void relayAll() {
        slowFailure = null;
    }

    /** Every write request so far, in order. */
    List<Write> writes() {
        return List.copyOf(writes);
    }

    /** The lines of every write the server answered 204, in order, duplicates included. */
    List<String> deliveredLines() {
        return writes.stream().filter(Write::delivered).flatMap(write -> write.lines().stream()).toList();
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
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
            Duration delay = slowFailure;
            if (delay != null && exchange.getRequestURI().getPath().endsWith("/write")) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                writes.add(new Write(System.nanoTime(), 503, lines(body, encoding)));
                byte[] busy = "server busy".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
                exchange.sendResponseHeaders(503, busy.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(busy);
                }
                return;
            }
            try {
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                answer = response.body();
                response.headers().firstValue("Content-Type")
                        .ifPresent(value -> exchange.getResponseHeaders().set("Content-Type", value));
            } catch (IOException e) {
                status = 502;
                answer = "upstream unavailable".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (exchange.getRequestURI().getPath().endsWith("/write")) {
                writes.add(new Write(System.nanoTime(), status, lines(body, encoding)));
            }
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
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

    @Override
    public void close() {
        server.stop(0);
    }
}
