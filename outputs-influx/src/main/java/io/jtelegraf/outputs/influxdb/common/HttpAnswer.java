package io.jtelegraf.outputs.influxdb.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import okhttp3.Response;

/**
 * What a server answered: status, the body as text (read up to a limit) and the headers the
 * outputs look at. Reading it closes the response, so the connection returns to the pool.
 *
 * @param status the HTTP status code
 * @param reason the status line's reason phrase (may be empty with HTTP/2)
 * @param body the body text, at most {@link #MAX_BODY} bytes
 * @param truncated whether the body was longer than the limit
 * @param retryAfter the Retry-After header, or null
 * @param influxError the X-Influx-Error header, or null
 */
public record HttpAnswer(int status, String reason, String body, boolean truncated, String retryAfter,
                         String influxError) {
    /** Error bodies are short JSON; a megabyte is far beyond any real one. */
    public static final int MAX_BODY = 1 << 20;
    /** How much of a body goes into a log line. */
    private static final int LOGGED_BODY = 1024;

    /** Reads and closes {@code response}. */
    public static HttpAnswer read(Response response) throws IOException {
        try (response) {
            byte[] bytes;
            boolean truncated = false;
            try (InputStream in = response.body().byteStream()) {
                bytes = in.readNBytes(MAX_BODY);
                if (bytes.length == MAX_BODY && in.read() >= 0) {
                    truncated = true;
                }
            }
            return new HttpAnswer(response.code(), response.message(), new String(bytes, StandardCharsets.UTF_8),
                    truncated, response.header("Retry-After"), response.header("X-Influx-Error"));
        }
    }

    /** The body shortened for a log line. */
    public String bodyForLog() {
        String text = body.strip();
        return text.length() <= LOGGED_BODY ? text : text.substring(0, LOGGED_BODY) + "...";
    }

    /** {@code "413 Request Entity Too Large"}, or just the code when there is no reason phrase. */
    public String statusLine() {
        return reason == null || reason.isEmpty() ? Integer.toString(status) : status + " " + reason;
    }
}
