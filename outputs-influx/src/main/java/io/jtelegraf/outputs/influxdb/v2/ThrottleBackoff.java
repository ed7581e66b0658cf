package io.jtelegraf.outputs.influxdb.v2;

import java.time.Duration;

/**
 * How long a v2 URL is left alone after 429/502/503/504 (spec 8.3, Telegraf PRs #8662/#9619):
 * the longer of {@code count² / 40} seconds (capped at 60 s) and the server's Retry-After (seconds,
 * fractions allowed, capped at 600 s; an unparsable value such as an HTTP date counts as 10 s).
 */
final class ThrottleBackoff {
    static final double MAX_BACKOFF_SECONDS = 60;
    static final double MAX_RETRY_AFTER_SECONDS = 600;
    static final double UNPARSABLE_RETRY_AFTER_SECONDS = 10;

    private ThrottleBackoff() {
    }

    /**
     * @param consecutiveFailures the URL's throttle count, this answer included (1 or more)
     * @param retryAfter the Retry-After header, or null
     */
    static Duration delay(int consecutiveFailures, String retryAfter) {
        double backoff = Math.min((double) consecutiveFailures * consecutiveFailures / 40.0, MAX_BACKOFF_SECONDS);
        double seconds = backoff;
        if (retryAfter != null && !retryAfter.isBlank()) {
            seconds = Math.max(backoff, Math.min(parseRetryAfter(retryAfter), MAX_RETRY_AFTER_SECONDS));
        }
        return Duration.ofNanos((long) (seconds * 1_000_000_000L));
    }

    private static double parseRetryAfter(String value) {
        try {
            double seconds = Double.parseDouble(value.trim());
            if (Double.isNaN(seconds) || seconds < 0) {
                return UNPARSABLE_RETRY_AFTER_SECONDS;
            }
            return seconds;
        } catch (NumberFormatException e) {
            return UNPARSABLE_RETRY_AFTER_SECONDS;
        }
    }
}
