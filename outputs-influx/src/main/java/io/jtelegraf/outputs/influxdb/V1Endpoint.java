package io.jtelegraf.outputs.influxdb;

import io.jtelegraf.outputs.influxdb.common.ContentEncoding;
import io.jtelegraf.outputs.influxdb.common.HttpAnswer;
import io.jtelegraf.outputs.influxdb.common.Json;
import io.jtelegraf.outputs.influxdb.common.LineProtocolBodies;
import io.jtelegraf.outputs.influxdb.common.MetricEncoder;
import io.jtelegraf.outputs.influxdb.common.Redactor;
import io.jtelegraf.spi.Logger;
import io.jtelegraf.spi.Metric;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * One configured v1 URL: builds {@code /write} and {@code /query} requests, sends them on the
 * output's shared client and applies the response rules. Remembers which databases it created.
 *
 * <p>Threading: used by one output's write and connect, never concurrently.
 */
final class V1Endpoint {
    private final HttpUrl base;
    private final String displayUrl;
    private final InfluxDbConfig config;
    private final OkHttpClient client;
    private final MetricEncoder encoder;
    private final Logger log;
    private final String authorization;
    private final Set<String> createdDatabases = new HashSet<>();

    V1Endpoint(HttpUrl url, InfluxDbConfig config, OkHttpClient client, MetricEncoder encoder, Logger log) {
        this.config = config;
        this.client = client;
        this.encoder = encoder;
        this.log = log;
        this.displayUrl = Redactor.describe(url);
        this.authorization = config.basicAuthorization(url);
        // User info only ever travels as basic auth, so no request URL (or OkHttp error) carries it.
        this.base = url.newBuilder().username("").password("").query(null).fragment(null).build();
    }

    /** The URL for messages (no user info). */
    String displayUrl() {
        return displayUrl;
    }

    boolean hasCreated(String database) {
        return createdDatabases.contains(database);
    }

    /** POSTs one batch to {@code /write?db=..[&rp=..]}. Never throws: transport errors are RETRY. */
    V1Outcome write(String database, String retentionPolicy, List<Metric> metrics) {
        HttpUrl.Builder url = joined("write");
        // Go encodes the query sorted by key: consistency, db, rp.
        String consistency = config.writeConsistency();
        if (!consistency.isEmpty() && !consistency.equals("one")) {
            url.addQueryParameter("consistency", consistency);
        }
        url.addQueryParameter("db", database);
        if (!retentionPolicy.isEmpty()) {
            url.addQueryParameter("rp", retentionPolicy);
        }
        RequestBody body = LineProtocolBodies.streaming(encoder, metrics, config.http().encoding());
        Request.Builder request = new Request.Builder().url(url.build()).post(body);
        if (config.http().encoding() == ContentEncoding.GZIP) {
            request.header("Content-Encoding", "gzip");
        }
        try {
            HttpAnswer answer = HttpAnswer.read(client.newCall(decorate(request)).execute());
            return V1ResponseRules.classify(answer, displayUrl, log);
        } catch (IOException e) {
            afterTransportFailure(e);
            return V1Outcome.retry(transportMessage(e));
        }
    }

    /**
     * Sends {@code CREATE DATABASE} (spec 7.3). Success and 403 are remembered.
     *
     * @return null on success, otherwise the error text
     */
    String createDatabase(String database) {
        RequestBody form = new FormBody.Builder(StandardCharsets.UTF_8)
                .add("q", "CREATE DATABASE " + quoteIdentifier(database))
                .build();
        Request.Builder request = new Request.Builder().url(joined("query").build()).post(form);
        HttpAnswer answer;
        try {
            answer = HttpAnswer.read(client.newCall(decorate(request)).execute());
        } catch (IOException e) {
            afterTransportFailure(e);
            return transportMessage(e);
        }
        String body = answer.body();
        String prefix = "an error response was received while attempting to create the following database: "
                + database + ". Error: ";
        if (!body.isEmpty() && (answer.truncated() || !Json.isValid(body))) {
            return answer.statusLine() + ": " + prefix + answer.bodyForLog();
        }
        if (body.isBlank()) {
            // Go's decoder fails on an empty body: a 200 counts as success but is not remembered.
            return answer.status() == 200 ? null : answer.statusLine();
        }
        String error = queryError(Json.parse(body));
        if (answer.status() == 200 && error.isEmpty()) {
            createdDatabases.add(database);
            return null;
        }
        if (answer.status() == 403) {
            // Telegraf never retries creation after a 403 (no permission): keep that.
            createdDatabases.add(database);
        }
        return answer.statusLine() + ": " + prefix + error;
    }

    /** Closes pooled connections after a timeout, as Telegraf closes idle ones. */
    private void afterTransportFailure(IOException e) {
        if (e instanceof InterruptedIOException) {
            client.connectionPool().evictAll();
        }
    }

    private String transportMessage(IOException e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof InterruptedIOException) {
            text = "timeout after " + config.http().timeout().toMillis() + " ms (" + text + ")";
        }
        return "request failed: " + text;
    }

    private Request decorate(Request.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        // Custom headers come after basic auth, so they can override Authorization (Telegraf order).
        for (Map.Entry<String, String> header : config.http().headers().entrySet()) {
            request.header(header.getKey().equalsIgnoreCase("host") ? "Host" : header.getKey(), header.getValue());
        }
        // In v1 the user_agent option wins over a User-Agent entry of http_headers.
        request.header("User-Agent", config.http().userAgent());
        return request.build();
    }

    private HttpUrl.Builder joined(String segment) {
        HttpUrl.Builder builder = base.newBuilder();
        List<String> segments = base.pathSegments();
        // "http://h:8086/" and "http://h:8086/prefix/" end in an empty segment: fill it, as
        // Go's path.Join gives "/write" and "/prefix/write".
        if (segments.get(segments.size() - 1).isEmpty()) {
            return builder.setPathSegment(segments.size() - 1, segment);
        }
        return builder.addPathSegment(segment);
    }

    /** InfluxQL identifier quoting as Telegraf does it: backslash, double quote and newline escaped. */
    static String quoteIdentifier(String name) {
        return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    private static String queryError(Object document) {
        String top = Json.stringMember(document, "error");
        if (top != null && !top.isEmpty()) {
            return top;
        }
        if (document instanceof Map && ((Map<?, ?>) document).get("results") instanceof List) {
            for (Object result : (List<?>) ((Map<?, ?>) document).get("results")) {
                String error = Json.stringMember(result, "error");
                if (error != null && !error.isEmpty()) {
                    return error;
                }
            }
        }
        return "";
    }
}
