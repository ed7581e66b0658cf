package io.jtelegraf.outputs.influxdb.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * A MockWebServer whose answer to every request is computed by a function, recording each
 * request with its body decoded (gunzipped when the request says gzip).
 */
public final class ScriptedServer implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Integer> connections = new CopyOnWriteArrayList<>();
    private volatile Function<Seen, MockResponse> script = request -> status(204);

    /** One received request. */
    public record Seen(String method, String path, String query, Headers headers, String body) {
        /** The body's lines (line protocol). */
        public List<String> lines() {
            return body.isEmpty() ? List.of() : List.of(body.split("\n"));
        }

        public String header(String name) {
            return headers.get(name);
        }
    }

    public ScriptedServer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Seen one = new Seen(request.getMethod(), request.getUrl().encodedPath(),
                        request.getUrl().encodedQuery(), request.getHeaders(), decode(request));
                seen.add(one);
                connections.add(request.getConnectionIndex());
                return script.apply(one);
            }
        });
    }

    /** Serves HTTPS with the given server socket factory; call before {@link #start()}. */
    public ScriptedServer https(SSLSocketFactory factory) {
        server.useHttps(factory);
        return this;
    }

    /** Asks clients for a certificate and refuses those without; call before {@link #start()}. */
    public ScriptedServer requireClientAuth() {
        server.requireClientAuth();
        return this;
    }

    public ScriptedServer start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public ScriptedServer answer(Function<Seen, MockResponse> newScript) {
        this.script = newScript;
        return this;
    }

    /** The base URL, such as {@code http://127.0.0.1:port/}. */
    public String url(String path) {
        return server.url(path).toString();
    }

    public int port() {
        return server.getPort();
    }

    public List<Seen> requests() {
        return List.copyOf(seen);
    }

    /** Requests to paths ending in {@code suffix}, e.g. "/write". */
    public List<Seen> requests(String suffix) {
        return seen.stream().filter(s -> s.path().endsWith(suffix)).toList();
    }

    /** The server-side connection index of each request, in order. */
    public List<Integer> connectionIndexes() {
        return List.copyOf(connections);
    }

    public static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    public static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    public static MockResponse html(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "text/html").body(body).build();
    }

    @Override
    public void close() {
        server.close();
    }

    private static String decode(RecordedRequest request) {
        if (request.getBody() == null) {
            return "";
        }
        byte[] bytes = request.getBody().toByteArray();
        if ("gzip".equals(request.getHeaders().get("Content-Encoding"))) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
