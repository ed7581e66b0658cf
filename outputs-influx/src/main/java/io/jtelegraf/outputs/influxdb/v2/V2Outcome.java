package io.jtelegraf.outputs.influxdb.v2;

/**
 * What one v2 write request came to (spec 8.3).
 *
 * @param kind the effect on the metrics
 * @param message error text for logs, empty on success
 * @param stuckSignature for a kept failure that will most likely repeat forever (counted for
 *     {@code max_retries_per_batch}), the server's answer; null otherwise
 */
record V2Outcome(Kind kind, String message, String stuckSignature) {

    /** The effect on the metrics of the request. */
    enum Kind {
        /** 200, 201, 202, 204, 206, 207, 208. */
        WRITTEN,
        /** 413: split the batch and try the halves. */
        TOO_LARGE,
        /** 429, 502, 503, 504: the URL is throttled; the metrics are kept. */
        THROTTLED,
        /** Other 4xx except 401/403: the metrics are rejected (dropped). */
        REJECTED,
        /** 401, 403, other 5xx, 1xx, 3xx: kept and retried. */
        RETRY
    }
}
