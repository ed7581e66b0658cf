package io.jtelegraf.outputs.influxdb.common;

import io.jtelegraf.spi.Metric;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts how often the same batch failed the same permanent-looking way, for
 * {@code max_retries_per_batch}. Telegraf retries such batches forever (an HTML error page from a
 * proxy, a single metric answered 413, a 5xx "field type conflict"), which blocks the buffer; we
 * drop them after the limit.
 *
 * <p>A batch is recognised by the identity of its first metric: the runtime puts a failed batch
 * back at the front of the buffer, so the retry starts with the same metric instance. A count
 * grows at most once per write call and restarts when the server's answer changes.
 *
 * <p>Threading: used from the output's write only, which the runtime never runs concurrently.
 */
public final class RepeatedFailureTracker {
    /** Few batches fail at once; the bound only keeps forgotten entries from piling up. */
    private static final int MAX_ENTRIES = 256;

    private final int limit;
    private final Map<IdentityKey, Strikes> strikes = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<IdentityKey, Strikes> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private long call;

    /** @param limit attempts before giving up; 0 never gives up */
    public RepeatedFailureTracker(int limit) {
        this.limit = limit;
    }

    /** Marks the start of a write call; failures within one call count once. */
    public void startCall() {
        call++;
    }

    /**
     * Records that the batch starting with {@code head} failed with {@code signature} in this call.
     *
     * @return how many consecutive calls failed with this signature so far, this one included
     */
    public int recordFailure(Metric head, String signature) {
        IdentityKey key = new IdentityKey(head);
        Strikes current = strikes.get(key);
        if (current == null || !current.signature.equals(signature)) {
            current = new Strikes(signature, 0, -1);
        }
        if (current.call != call) {
            current = new Strikes(signature, current.count + 1, call);
        }
        strikes.put(key, current);
        return current.count;
    }

    /** Whether {@code count} failures reach the limit (never, when the limit is 0). */
    public boolean limitReached(int count) {
        return limit > 0 && count >= limit;
    }

    /** The configured limit. */
    public int limit() {
        return limit;
    }

    /** Forgets the batch starting with {@code head}, after it was written or dropped. */
    public void forget(Metric head) {
        if (!strikes.isEmpty()) {
            strikes.remove(new IdentityKey(head));
        }
    }

    /** How many batches are being tracked (for tests). */
    int tracked() {
        return strikes.size();
    }

    private record Strikes(String signature, int count, long call) {
    }

    /** Compares metrics by identity: equal metrics from different gathers are different batches. */
    private static final class IdentityKey {
        private final Metric metric;

        IdentityKey(Metric metric) {
            this.metric = metric;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityKey && ((IdentityKey) other).metric == metric;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(metric);
        }
    }
}
