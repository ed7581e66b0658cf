package io.jtelegraf.outputs.influxdb.v2;

import io.jtelegraf.outputs.influxdb.common.BatchResult;
import io.jtelegraf.outputs.influxdb.common.HttpOptions;
import io.jtelegraf.outputs.influxdb.common.MetricEncoder;
import io.jtelegraf.outputs.influxdb.common.RedactingLogger;
import io.jtelegraf.outputs.influxdb.common.Redactor;
import io.jtelegraf.outputs.influxdb.common.RepeatedFailureTracker;
import io.jtelegraf.spi.Logger;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.Output;
import io.jtelegraf.spi.PluginContext;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * {@code [[outputs.influxdb_v2]]}: writes line protocol to the InfluxDB v2 write API over
 * HTTP(S), following Telegraf's rules (spec 8) with the changes listed in the module README.
 *
 * <p>URLs are tried in a random order per write. A URL that settled part of the batch ends the
 * call with a {@link io.jtelegraf.spi.PartialWriteException}, without trying other URLs, as
 * Telegraf does; a URL that settled nothing is logged and the next one is tried.
 *
 * <p>Lifecycle and threading: as {@link Output}; one OkHttp client per instance, created in
 * {@link #connect}, shared by all URLs, released in {@link #close}.
 */
public final class InfluxDbV2Output implements Output {
    private final InfluxDbV2Config config;
    private final MetricEncoder encoder;
    private final Logger log;
    private final Redactor redactor;
    private final Clock clock;
    private final Random random;
    private final RepeatedFailureTracker stuckBatches;
    private OkHttpClient client;
    private List<V2Endpoint> endpoints = List.of();

    InfluxDbV2Output(InfluxDbV2Config config, PluginContext context, MetricEncoder encoder, Random random) {
        this.config = config;
        this.encoder = encoder;
        this.redactor = config.redactor();
        this.log = new RedactingLogger(context.logger(), redactor);
        this.clock = context.clock();
        this.random = random;
        this.stuckBatches = new RepeatedFailureTracker(config.http().maxRetriesPerBatch());
    }

    @Override
    public void connect() {
        client = config.http().newClient(config.readIdleTimeout());
        List<V2Endpoint> created = new ArrayList<>();
        for (HttpUrl url : config.urls()) {
            created.add(new V2Endpoint(url, config, client, encoder, log, clock, stuckBatches));
        }
        endpoints = List.copyOf(created);
    }

    @Override
    public void write(List<Metric> metrics) throws Exception {
        if (metrics.isEmpty()) {
            return;
        }
        if (client == null) {
            connect();
        }
        stuckBatches.startCall();
        List<BucketRouting.Group> groups = BucketRouting.group(config, metrics);
        List<V2Endpoint> order = new ArrayList<>(endpoints);
        Collections.shuffle(order, random);
        for (V2Endpoint endpoint : order) {
            BatchResult result = new BatchResult(metrics.size());
            if (endpoint.throttled()) {
                log.error("When writing to [" + endpoint.displayUrl() + "]: retry time has not elapsed (throttled until "
                        + endpoint.retryTime() + ")");
                continue;
            }
            endpoint.write(groups, metrics, result);
            if (!result.failed() || result.anyDone()) {
                // Done, or partly done: report it now, without trying other URLs (Telegraf does the same).
                result.finish(redactor);
                return;
            }
            log.error("When writing to [" + endpoint.displayUrl() + "]: " + result.failure());
        }
        throw new IOException("failed to send metrics to any configured server(s)");
    }

    @Override
    public void close() {
        if (client != null) {
            HttpOptions.shutdown(client);
            client = null;
        }
    }
}
