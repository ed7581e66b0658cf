package io.jtelegraf.outputs.influxdb;

/**
 * What one v1 write request came to.
 *
 * @param kind the effect on the metrics
 * @param message the error text for logs (already free of secrets), empty on success
 * @param stuckSignature for a retried failure that will most likely fail the same way forever
 *     (counted for {@code max_retries_per_batch}): the server's answer; null otherwise
 */
record V1Outcome(Kind kind, String message, String stuckSignature) {

    /** The effect on the metrics of the request. */
    enum Kind {
        /** 204: stored. */
        WRITTEN,
        /** The server refused the points for good; they are logged and dropped (Telegraf counts them written). */
        DROPPED,
        /** The database does not exist (spec 7.5). */
        DATABASE_NOT_FOUND,
        /** Anything else: kept and retried. */
        RETRY
    }

    static V1Outcome written() {
        return new V1Outcome(Kind.WRITTEN, "", null);
    }

    static V1Outcome dropped(String message) {
        return new V1Outcome(Kind.DROPPED, message, null);
    }

    static V1Outcome databaseNotFound(String message) {
        return new V1Outcome(Kind.DATABASE_NOT_FOUND, message, null);
    }

    static V1Outcome retry(String message) {
        return new V1Outcome(Kind.RETRY, message, null);
    }

    static V1Outcome stuck(String message, String signature) {
        return new V1Outcome(Kind.RETRY, message, signature);
    }
}
