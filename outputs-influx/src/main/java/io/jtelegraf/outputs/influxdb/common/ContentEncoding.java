package io.jtelegraf.outputs.influxdb.common;

import io.jtelegraf.spi.PluginConfig;

/** The {@code content_encoding} option: request bodies are gzip-compressed or sent as they are. */
public enum ContentEncoding {
    GZIP,
    IDENTITY;

    /** Reads {@code content_encoding}; empty means gzip, as in Telegraf since 1.17. */
    public static ContentEncoding read(PluginConfig config) {
        String value = config.getString("content_encoding", "gzip");
        return switch (value) {
            case "", "gzip" -> GZIP;
            case "identity" -> IDENTITY;
            default -> throw config.invalid("content_encoding",
                    "must be \"gzip\" or \"identity\", not \"" + value + "\"");
        };
    }
}
