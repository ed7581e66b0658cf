package io.jtelegraf.spi.lineprotocol;

/**
 * A metric that cannot be written as line protocol at all. Its message is Telegraf's: the quoted
 * series (name and tags as they would be written) when known, then the reason, for example
 * {@code "cpu,host=a": no serializable fields}. Batch serialization skips such metrics.
 */
public final class SerializationException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a metric cannot be serialized; the text is Telegraf's. */
    public enum Reason {
        /** The measurement name is empty. */
        INVALID_NAME("invalid name"),
        /** No field is left after dropping NaN, infinite and empty-key fields. */
        NO_SERIALIZABLE_FIELDS("no serializable fields"),
        /** A single field does not fit {@code influx_max_line_bytes}. */
        NEED_MORE_SPACE("need more space");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** Telegraf's wording. */
        public String text() {
            return text;
        }
    }

    private final Reason reason;
    private final String series;

    SerializationException(Reason reason, String series) {
        super(series.isEmpty() ? reason.text() : GoQuote.quote(series) + ": " + reason.text());
        this.reason = reason;
        this.series = series;
    }

    public Reason reason() {
        return reason;
    }

    /** The escaped name and tags of the metric, or empty when the name is invalid. */
    public String series() {
        return series;
    }
}
