package io.jtelegraf.outputs.influxdb;

import io.jtelegraf.outputs.influxdb.common.HttpAnswer;
import io.jtelegraf.outputs.influxdb.common.Json;
import io.jtelegraf.outputs.influxdb.common.PermanentErrors;
import io.jtelegraf.spi.Logger;

/**
 * Telegraf's v1 response rules (spec 7.4), evaluated in order, with our two decided changes:
 * 401 and 403 are kept for a retry instead of dropped, and answers that would be retried forever
 * although they can never succeed are marked as stuck for {@code max_retries_per_batch}.
 *
 * <p>Logs what Telegraf logs for dropped points; the caller logs retried failures.
 */
final class V1ResponseRules {
    private V1ResponseRules() {
    }

    static V1Outcome classify(HttpAnswer answer, String url, Logger log) {
        int status = answer.status();
        if (status == 204) {
            return V1Outcome.written();
        }
        String body = answer.body();
        if (!body.isEmpty() && (answer.truncated() || !Json.isValid(body))) {
            // Not JSON: most likely a proxy's error page. Telegraf retries it whatever the status.
            String message = answer.statusLine() + ": " + answer.bodyForLog();
            if (status >= 400 && status < 500 && !PermanentErrors.isTransientClientStatus(status)) {
                return V1Outcome.stuck(message, answer.status() + " " + answer.bodyForLog());
            }
            return V1Outcome.retry(message);
        }
        String description = body.isEmpty() ? null : Json.stringMember(Json.parse(body), "error");
        String text = description == null ? "" : description;
        if (text.contains("database not found")) {
            return V1Outcome.databaseNotFound(answer.statusLine() + ": " + text);
        }
        if (status == 401 || status == 403) {
            // Decided change: Telegraf drops these (any 4xx); a fixed password should not lose data.
            return V1Outcome.retry(describe(answer, text) + " (kept for retry: check username and password)");
        }
        if (status >= 400 && status < 500) {
            log.error("When writing to [" + url + "]: failed to write metrics (will be dropped: "
                    + answer.statusLine() + "): " + text);
            return V1Outcome.dropped(describe(answer, text));
        }
        if (text.contains("retention policy not found")) {
            log.error("When writing to [" + url + "]: received error " + text);
            return V1Outcome.dropped(text);
        }
        if (text.contains("hinted handoff queue not empty")) {
            return V1Outcome.dropped(text);
        }
        if (text.contains("points beyond retention policy")) {
            log.warn("When writing to [" + url + "]: received error " + text);
            return V1Outcome.dropped(text);
        }
        if (text.contains("partial write") || text.contains("unable to parse")) {
            log.error("When writing to [" + url + "]: received error " + text + "; discarding points");
            return V1Outcome.dropped(text);
        }
        String message = describe(answer, text);
        if (status >= 500 && PermanentErrors.describesBadData(text)) {
            return V1Outcome.stuck(message, status + " " + text);
        }
        return V1Outcome.retry(message);
    }

    private static String describe(HttpAnswer answer, String description) {
        return description.isEmpty() ? answer.statusLine() : answer.statusLine() + ": " + description;
    }
}
