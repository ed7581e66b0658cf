package io.jtelegraf.outputs.influxdb.v2;

import io.jtelegraf.outputs.influxdb.common.BatchResult;
import io.jtelegraf.outputs.influxdb.common.ContentEncoding;
import io.jtelegraf.outputs.influxdb.common.HttpAnswer;
import io.jtelegraf.outputs.influxdb.common.LineProtocolBodies;
import io.jtelegraf.outputs.influxdb.common.MetricEncoder;
import io.jtelegraf.outputs.influxdb.common.Redactor;
import io.jtelegraf.outputs.influxdb.common.RepeatedFailureTracker;
import io.jtelegraf.spi.Logger;
import io.jtelegraf.spi.Metric;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * One configured v2 URL: sends bucket groups to {@code /api/v2/write}, halves batches answered
 * 413, and keeps the URL's throttle state (spec 8.3). It never sleeps: while throttled it refuses
 * to send until the retry time has passed.
 *
 * <p>Threading: used by one output's write only, never concurrently.
 */
final class V2Endpoint {
    private final HttpUrl base;
    private final String displayUrl;
    private final InfluxDbV2Config config;
    private final OkHttpClient client;
    private final MetricEncoder encoder;
    private final Logger log;
    private final Clock clock;
    private final RepeatedFailureTracker stuckBatches;
    private int throttleCount;
    private Instant retryTime = Instant.MIN;

    V2Endpoint(HttpUrl url, InfluxDbV2Config config, OkHttpClient client, MetricEncoder encoder, Logger log,
               Clock clock, RepeatedFailureTracker stuckBatches) {
        this.config = config;
        this.client = client;
        this.encoder = encoder;
        this.log = log;
        this.clock = clock;
        this.stuckBatches = stuckBatches;
        this.displayUrl = Redactor.describe(url);
        this.base = url.newBuilder().username("").password("").fragment(null).build();
    }

    String displayUrl() {
        return displayUrl;
    }

    /** Whether the URL is throttled now; then nothing is sent to it. */
    boolean throttled() {
        return clock.instant().isBefore(retryTime);
    }

    Instant retryTime() {
        return retryTime;
    }

    /**
     * Sends every group in turn, recording accepted, rejected and kept metrics in {@code result}.
     * Stops at the first failure that is not local to one metric.
     */
    void write(List<BucketRouting.Group> groups, List<Metric> batch, BatchResult result) {
        for (BucketRouting.Group group : groups) {
            if (throttled()) {
                result.fail("retry time has not elapsed (throttled until " + retryTime + ")");
                return;
            }
            if (send(group.bucket(), group.metrics(), group.indices(), batch, result) == Flow.STOP) {
                return;
            }
        }
    }

    private enum Flow { CONTINUE, STOP }

    private Flow send(String bucket, List<Metric> metrics, List<Integer> indices, List<Metric> batch,
                      BatchResult result) {
        LineProtocolBodies.Prepared prepared;
        try {
            prepared = LineProtocolBodies.prepared(encoder, metrics, config.http().encoding());
        } catch (IOException e) {
            result.fail("cannot serialize metrics: " + e.getMessage());
            return Flow.STOP;
        }
        prepared.skipped().stream().forEach(i -> {
            // Telegraf #17949: unserializable metrics are rejected, the rest is sent.
            log.error("Could not serialize metric " + metrics.get(i).name() + "; dropping it");
            result.reject(indices.get(i));
        });
        if (prepared.written() == 0) {
            return Flow.CONTINUE;
        }
        Metric head = batch.get(indices.get(0));
        HttpAnswer answer;
        try {
            answer = HttpAnswer.read(client.newCall(request(bucket, prepared)).execute());
        } catch (IOException e) {
            if (e instanceof InterruptedIOException) {
                client.connectionPool().evictAll();
            }
            result.fail("request failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return Flow.STOP;
        }
        V2Outcome outcome = V2ResponseRules.classify(answer);
        switch (outcome.kind()) {
            case WRITTEN:
                throttleCount = 0;
                acceptAllBut(prepared, indices, result);
                stuckBatches.forget(head);
                return Flow.CONTINUE;
            case TOO_LARGE:
                if (metrics.size() > 1) {
                    int half = metrics.size() / 2;
                    log.debug("When writing to [" + displayUrl + "]: request of " + metrics.size()
                            + " metrics too large (413); splitting it in two");
                    if (send(bucket, metrics.subList(0, half), indices.subList(0, half), batch, result) == Flow.STOP) {
                        return Flow.STOP;
                    }
                    return send(bucket, metrics.subList(half, metrics.size()), indices.subList(half, indices.size()),
                            batch, result);
                }
                // One metric the server will never take; other metrics of the batch may still go through.
                if (!giveUp(head, "413 single metric", outcome.message(), indices, result)) {
                    result.fail(outcome.message() + " (a single metric is larger than the server accepts)");
                }
                return Flow.CONTINUE;
            case THROTTLED:
                throttleCount++;
                Duration delay = ThrottleBackoff.delay(throttleCount, answer.retryAfter());
                retryTime = clock.instant().plus(delay);
                result.fail(outcome.message() + "; throttled, next attempt after " + delay.toMillis() + " ms");
                return Flow.STOP;
            case REJECTED:
                log.error("When writing to [" + displayUrl + "]: failed to write " + prepared.written()
                        + " metrics to bucket \"" + bucket + "\" (will be dropped: " + outcome.message() + ")");
                for (int i = 0; i < indices.size(); i++) {
                    result.reject(indices.get(i));
                }
                stuckBatches.forget(head);
                return Flow.CONTINUE;
            default:
                if (outcome.stuckSignature() != null
                        && giveUp(head, outcome.stuckSignature(), outcome.message(), indices, result)) {
                    return Flow.CONTINUE;
                }
                result.fail(outcome.message());
                return Flow.STOP;
        }
    }

    private boolean giveUp(Metric head, String signature, String answer, List<Integer> indices, BatchResult result) {
        int attempts = stuckBatches.recordFailure(head, signature);
        if (!stuckBatches.limitReached(attempts)) {
            return false;
        }
        log.error("When writing to [" + displayUrl + "]: dropping " + indices.size() + " metrics: " + attempts
                + " attempts failed the same way (max_retries_per_batch = " + stuckBatches.limit()
                + "); last answer: " + answer);
        for (int index : indices) {
            result.reject(index);
        }
        stuckBatches.forget(head);
        return true;
    }

    private static void acceptAllBut(LineProtocolBodies.Prepared prepared, List<Integer> indices, BatchResult result) {
        for (int i = 0; i < indices.size(); i++) {
            if (!prepared.skipped().get(i)) {
                result.accept(indices.get(i));
            }
        }
    }

    private Request request(String bucket, LineProtocolBodies.Prepared prepared) {
        // Parameters already in the URL are kept (PR #15475); org and bucket replace any of the
        // same name. Go encodes them sorted by key.
        Map<String, List<String>> parameters = new TreeMap<>();
        for (String name : base.queryParameterNames()) {
            parameters.put(name, base.queryParameterValues(name).stream().map(v -> v == null ? "" : v).toList());
        }
        parameters.put("bucket", List.of(bucket));
        parameters.put("org", List.of(config.organization()));
        HttpUrl.Builder url = base.newBuilder().query(null);
        List<String> segments = base.pathSegments();
        if (segments.get(segments.size() - 1).isEmpty()) {
            url.setPathSegment(segments.size() - 1, "api");
        } else {
            url.addPathSegment("api");
        }
        url.addPathSegment("v2").addPathSegment("write");
        parameters.forEach((name, values) -> values.forEach(value -> url.addQueryParameter(name, value)));
        Request.Builder request = new Request.Builder().url(url.build()).post(prepared.body());
        if (config.http().encoding() == ContentEncoding.GZIP) {
            request.header("Content-Encoding", "gzip");
        }
        request.header("Authorization", config.authorization());
        request.header("User-Agent", config.http().userAgent());
        // Applied last, as in Telegraf: a User-Agent or Authorization entry here wins.
        for (Map.Entry<String, String> header : config.http().headers().entrySet()) {
            request.header(header.getKey().equalsIgnoreCase("host") ? "Host" : header.getKey(), header.getValue());
        }
        return request.build();
    }
}
