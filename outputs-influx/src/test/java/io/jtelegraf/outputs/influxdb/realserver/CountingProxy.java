package io.jtelegraf.outputs.influxdb.realserver;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A small HTTP relay on loopback in front of a real server that counts what was delivered: every
 * line-protocol line of a {@code /write} request the server answered 204 is counted. When the
 * server is down it answers 502 with a plain-text body, as a reverse proxy would.
 */
final class CountingProxy implements AutoCloseable {
    private final HttpServer server;
    private final String upstream;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Integer> delivered = new ConcurrentHashMap<>();
    private final List<String> encodings = new CopyOnWriteArrayList<>();
    private final List<Integer> statuses = new CopyOnWriteArrayList<>();

    CountingProxy(String upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::relay);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How often each line was delivered to the server. */
    Map<String, Integer> deliveredLines() {
        return Map.copyOf(delivered);
    }

    /** Content-Encoding of every write request seen. */
    List<String> writeEncodings() {
        return List.copyOf(encodings);
    }

    /** The status returned for every write request. */
    List<Integer> writeStatuses() {
        return List.copyOf(statuses);
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            String target = upstream + exchange.getRequestURI();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(5))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            for (String name : List.of("Content-Type", "Content-Encoding", "Authorization")) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    request.header(name, value);
                }
            }
            int status;
            byte[] answer;
            try {
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                answer = response.body();
                response.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
            } catch (IOException e) {
                status = 502;
                answer = "upstream unavailable".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (exchange.getRequestURI().getPath().endsWith("/write")) {
                encodings.add(String.valueOf(encoding));
                statuses.add(status);
                if (status == 204) {
                    for (String line : decode(body, encoding).split("\n")) {
                        if (!line.isEmpty()) {
                            delivered.merge(line, 1, Integer::sum);
                        }
                    }
                }
            }
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private static String decode(byte[] body, String encoding) throws IOException {
        InputStream in = new ByteArrayInputStream(body);
        if ("gzip".equals(encoding)) {
            in = new GZIPInputStream(in);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
