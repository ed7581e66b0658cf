package io.jtelegraf.outputs.influxdb.common;

import java.util.List;
import java.util.Locale;

/**
 * Recognises server answers that say the data itself is bad, so that retrying the same batch can
 * never succeed. Telegraf retries such answers when they come with a 5xx status or a non-JSON
 * body (issues #2245 and #11005); we count them for {@code max_retries_per_batch}.
 */
public final class PermanentErrors {
    /** Phrases InfluxDB 1.x and 2.x use for data the server will never accept. */
    private static final List<String> BAD_DATA_PHRASES = List.of(
            "type conflict", "unable to parse", "invalid field", "invalid tag", "invalid measurement",
            "invalid number", "invalid boolean", "bad timestamp", "max-values-per-tag",
            "max-series-per-database", "too large");

    private PermanentErrors() {
    }

    /** Whether an error text names a problem with the data rather than with the server. */
    public static boolean describesBadData(String errorText) {
        String lower = errorText.toLowerCase(Locale.ROOT);
        for (String phrase : BAD_DATA_PHRASES) {
            if (lower.contains(phrase)) {
                return true;
            }
        }
        return false;
    }

    /**
     * 4xx statuses that describe a passing or fixable condition (credentials, proxy auth, request
     * timeout, rate limit), so a batch answered with them is not counted as stuck.
     */
    public static boolean isTransientClientStatus(int status) {
        return status == 401 || status == 403 || status == 407 || status == 408 || status == 429;
    }
}
