package io.jtelegraf.outputs.influxdb.common;

import io.jtelegraf.spi.Metric;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.BitSet;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Request bodies of line protocol, plain or gzip-compressed. Both kinds are one-shot: OkHttp then
 * never re-sends a body on its own after the request was started, so a write the server may
 * already have stored is never duplicated behind the output's back.
 */
public final class LineProtocolBodies {
    /** The content type both InfluxDB APIs expect. */
    public static final MediaType LINE_PROTOCOL = MediaType.get("text/plain; charset=utf-8");

    private LineProtocolBodies() {
    }

    /**
     * A body serialized while it is sent, without a length (chunked), as Telegraf's v1 output
     * streams it through a pipe.
     */
    public static RequestBody streaming(MetricEncoder encoder, List<Metric> metrics, ContentEncoding encoding) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return LINE_PROTOCOL;
            }

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public boolean isOneShot() {
                return true;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                OutputStream raw = new NonClosingOutputStream(sink.outputStream());
                if (encoding == ContentEncoding.GZIP) {
                    try (GZIPOutputStream gzip = new GZIPOutputStream(raw, 8192)) {
                        encoder.encode(metrics, gzip);
                    }
                } else {
                    encoder.encode(metrics, raw);
                    raw.flush();
                }
            }
        };
    }

    /**
     * Serializes and compresses in memory, so the request has a Content-Length (Telegraf's v2
     * output does this).
     */
    public static Prepared prepared(MetricEncoder encoder, List<Metric> metrics, ContentEncoding encoding)
            throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.max(256, metrics.size() * 64));
        BitSet skipped;
        if (encoding == ContentEncoding.GZIP) {
            try (GZIPOutputStream gzip = new GZIPOutputStream(buffer, 8192)) {
                skipped = encoder.encode(metrics, gzip);
            }
        } else {
            skipped = encoder.encode(metrics, buffer);
        }
        byte[] bytes = buffer.toByteArray();
        RequestBody body = new RequestBody() {
            @Override
            public MediaType contentType() {
                return LINE_PROTOCOL;
            }

            @Override
            public long contentLength() {
                return bytes.length;
            }

            @Override
            public boolean isOneShot() {
                return true;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(bytes);
            }
        };
        return new Prepared(body, skipped, metrics.size() - skipped.cardinality());
    }

    /**
     * A body ready to send.
     *
     * @param body the request body
     * @param skipped positions of metrics that could not be serialized
     * @param written how many metrics are in the body
     */
    public record Prepared(RequestBody body, BitSet skipped, int written) {
    }

    /** Keeps the encoder's and gzip's close from closing OkHttp's sink, which OkHttp owns. */
    private static final class NonClosingOutputStream extends OutputStream {
        private final OutputStream delegate;

        NonClosingOutputStream(OutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            delegate.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            delegate.flush();
        }

        @Override
        public void close() throws IOException {
            delegate.flush();
        }
    }
}
