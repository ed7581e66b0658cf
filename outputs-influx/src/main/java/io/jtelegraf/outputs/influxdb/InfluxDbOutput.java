package io.jtelegraf.outputs.influxdb;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * {@code [[outputs.influxdb]]}: writes line protocol to InfluxDB 1.x over HTTP(S), following
 * Telegraf's rules (spec 7) with the changes listed in the module README.
 *
 * <p>Each batch is split by database/retention-policy tag into groups. Each group is sent to the
 * URLs in a random order (a new order per write) until one takes it. The first group that no URL
 * takes stops the batch: groups already written are reported as accepted (Telegraf re-sends
 * them), the rest stay buffered.
 *
 * <p>Lifecycle and threading: as {@link Output}; one OkHttp client per instance, created in
 * {@link #connect}, shared by all URLs, released in {@link #close}.
 */
public final class InfluxDbOutput implements Output {
    private final InfluxDbConfig config;
    private final MetricEncoder encoder;
    private final Logger log;
    private final Redactor redactor;
    private final Random random;
    private final RepeatedFailureTracker stuckBatches;
    private OkHttpClient client;
    private List<V1Endpoint> endpoints = List.of();

    InfluxDbOutput(InfluxDbConfig config, PluginContext context, MetricEncoder encoder, Random random) {
        this.config = config;
        this.encoder = encoder;
        this.redactor = config.redactor();
        this.log = new RedactingLogger(context.logger(), redactor);
        this.random = random;
        this.stuckBatches = new RepeatedFailureTracker(config.http().maxRetriesPerBatch());
    }

    /** Creates the client and, unless {@code skip_database_creation}, the database; never fails on that. */
    @Override
    public void connect() {
        client = config.http().newClient(Duration.ZERO);
        List<V1Endpoint> created = new ArrayList<>();
        for (HttpUrl url : config.urls()) {
            created.add(new V1Endpoint(url, config, client, encoder, log));
        }
        endpoints = List.copyOf(created);
        if (config.skipDatabaseCreation()) {
            return;
        }
        for (V1Endpoint endpoint : endpoints) {
            String error = endpoint.createDatabase(config.database());
            if (error != null) {
                log.warn("When writing to [" + endpoint.displayUrl() + "]: database \"" + config.database()
                        + "\" creation failed: " + error);
            }
        }
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
        List<V1Endpoint> order = new ArrayList<>(endpoints);
        Collections.shuffle(order, random);
        BatchResult result = new BatchResult(metrics.size());
        for (DatabaseRouting.Group group : DatabaseRouting.group(config, metrics)) {
            Metric head = metrics.get(group.indices().get(0));
            GroupWrite outcome = writeGroup(group, head, order);
            switch (outcome.state()) {
                case DONE -> {
                    result.accept(group.indices());
                    stuckBatches.forget(head);
                }
                case GIVEN_UP -> {
                    result.reject(group.indices());
                    stuckBatches.forget(head);
                }
                default -> {
                    result.fail(outcome.message());
                }
            }
            if (result.failed()) {
                break;
            }
        }
        result.finish(redactor);
    }

    @Override
    public void close() {
        if (client != null) {
            HttpOptions.shutdown(client);
            client = null;
        }
    }

    private GroupWrite writeGroup(DatabaseRouting.Group group, Metric head, List<V1Endpoint> order) {
        String database = group.database();
        boolean everyFailureWasDatabaseNotFound = true;
        for (V1Endpoint endpoint : order) {
            if (config.routesByTag() && !config.skipDatabaseCreation() && !endpoint.hasCreated(database)) {
                String error = endpoint.createDatabase(database);
                if (error != null) {
                    log.warn("When writing to [" + endpoint.displayUrl() + "]: database \"" + database
                            + "\" creation failed: " + error);
                }
            }
            V1Outcome outcome = endpoint.write(database, group.retentionPolicy(), group.metrics());
            switch (outcome.kind()) {
                case WRITTEN, DROPPED:
                    return GroupWrite.done();
                case DATABASE_NOT_FOUND:
                    log.error("When writing to [" + endpoint.displayUrl() + "]: " + outcome.message());
                    if (config.skipDatabaseCreation()) {
                        continue;
                    }
                    String error = endpoint.createDatabase(database);
                    if (error == null) {
                        return GroupWrite.failed("database \"" + database + "\" created on ["
                                + endpoint.displayUrl() + "]; retry write");
                    }
                    log.error("When writing to [" + endpoint.displayUrl() + "]: database \"" + database
                            + "\" not found and failed to recreate: " + error);
                    continue;
                default:
                    everyFailureWasDatabaseNotFound = false;
                    log.error("When writing to [" + endpoint.displayUrl() + "]: " + outcome.message());
                    if (outcome.stuckSignature() != null && givesUp(group, head, endpoint, outcome)) {
                        return GroupWrite.givenUp();
                    }
            }
        }
        if (everyFailureWasDatabaseNotFound) {
            // Decided change: Telegraf silently drops the batch here; we keep it and say so.
            String message = "database \"" + database + "\" not found on any URL; keeping "
                    + group.metrics().size() + " metrics for a retry (create the database or enable database creation)";
            log.error(message);
            return GroupWrite.failed(message);
        }
        return GroupWrite.failed("could not write any address");
    }

    private boolean givesUp(DatabaseRouting.Group group, Metric head, V1Endpoint endpoint, V1Outcome outcome) {
        int attempts = stuckBatches.recordFailure(head, outcome.stuckSignature());
        if (!stuckBatches.limitReached(attempts)) {
            return false;
        }
        log.error("Dropping " + group.metrics().size() + " metrics for database \"" + group.database()
                + "\": " + attempts + " attempts failed the same way (max_retries_per_batch = "
                + stuckBatches.limit() + "); last answer from [" + endpoint.displayUrl() + "]: " + outcome.message());
        return true;
    }

    /** How one group's write ended. */
    private record GroupWrite(State state, String message) {
        enum State { DONE, GIVEN_UP, FAILED }

        static GroupWrite done() {
            return new GroupWrite(State.DONE, "");
        }

        static GroupWrite givenUp() {
            return new GroupWrite(State.GIVEN_UP, "");
        }

        static GroupWrite failed(String message) {
            return new GroupWrite(State.FAILED, message);
        }
    }
}
