package io.jtelegraf.outputs.influxdb.v2;

import io.jtelegraf.outputs.influxdb.common.HttpAnswer;
import io.jtelegraf.outputs.influxdb.common.Json;
import io.jtelegraf.outputs.influxdb.common.PermanentErrors;
import java.util.Map;
import java.util.Set;

/** Telegraf's v2 status table (spec 8.3), plus stuck detection for {@code max_retries_per_batch}. */
final class V2ResponseRules {
    private static final Set<Integer> SUCCESS = Set.of(200, 201, 202, 204, 206, 207, 208);
    private static final Set<Integer> THROTTLE = Set.of(429, 502, 503, 504);

    private V2ResponseRules() {
    }

    static V2Outcome classify(HttpAnswer answer) {
        int status = answer.status();
        if (SUCCESS.contains(status)) {
            return new V2Outcome(V2Outcome.Kind.WRITTEN, "", null);
        }
        String description = describe(answer);
        if (status == 413) {
            return new V2Outcome(V2Outcome.Kind.TOO_LARGE, description, null);
        }
        if (THROTTLE.contains(status)) {
            return new V2Outcome(V2Outcome.Kind.THROTTLED, description, null);
        }
        if (status == 401 || status == 403) {
            return new V2Outcome(V2Outcome.Kind.RETRY, description + " (kept for retry: check the token)", null);
        }
        if (status >= 400 && status < 500) {
            return new V2Outcome(V2Outcome.Kind.REJECTED, description, null);
        }
        String stuck = status >= 500 && PermanentErrors.describesBadData(description) ? description : null;
        return new V2Outcome(V2Outcome.Kind.RETRY, description, stuck);
    }

    /** {@code "400 Bad Request: invalid: unable to parse ..."}: status, the body's code and message, X-Influx-Error. */
    static String describe(HttpAnswer answer) {
        StringBuilder text = new StringBuilder(answer.statusLine());
        String body = answer.body();
        Object document = null;
        if (!body.isBlank() && !answer.truncated() && Json.isValid(body)) {
            document = Json.parse(body);
        }
        String code = Json.stringMember(document, "code");
        String message = Json.stringMember(document, "message");
        if (code != null || message != null) {
            text.append(": ");
            if (code != null) {
                text.append(code);
            }
            if (code != null && message != null) {
                text.append(": ");
            }
            if (message != null) {
                text.append(message);
            }
        } else if (document instanceof Map && Json.stringMember(document, "error") != null) {
            text.append(": ").append(Json.stringMember(document, "error"));
        } else if (!body.isBlank()) {
            text.append(": ").append(answer.bodyForLog());
        }
        if (answer.influxError() != null && !answer.influxError().isEmpty()) {
            text.append(" (X-Influx-Error: ").append(answer.influxError()).append(')');
        }
        return text.toString();
    }
}
