package io.jtelegraf.distribution;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on loopback that answers every {@code /write} at once with 500 and an InfluxDB
 * style JSON error (a failure the output keeps and retries), and {@code /query} with 200. Counts
 * the writes and the distinct client connections (by remote port) they came on.
 */
final class FailingServer implements AutoCloseable {
    private static final byte[] ERROR = "{\"error\":\"simulated internal error\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY_RESULT = "{\"results\":[{\"statement_id\":0}]}".getBytes(StandardCharsets.UTF_8);

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY each answer waits
        // for the client's delayed ACK (about 40 ms), which would slow the tests, not the agent.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final AtomicInteger writes = new AtomicInteger();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    FailingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int writes() {
        return writes.get();
    }

    /** How many different client connections sent requests. */
    int connections() {
        return clientPorts.size();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            clientPorts.add(exchange.getRemoteAddress().getPort());
            boolean write = exchange.getRequestURI().getPath().endsWith("/write");
            if (write) {
                writes.incrementAndGet();
            }
            byte[] body = write ? ERROR : EMPTY_RESULT;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(write ? 500 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
