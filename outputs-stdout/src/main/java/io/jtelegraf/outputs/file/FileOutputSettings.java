package io.jtelegraf.outputs.file;

import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.spi.files.RotationPolicy;
import io.jtelegraf.spi.lineprotocol.LineProtocolOptions;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The options of one {@code [[outputs.file]]} table, read and checked. Every supported key is read
 * here, even when it holds the default, so that the runtime can report the others as unknown.
 *
 * @param files where to write; the exact name {@code stdout} is standard output, anything else a
 *     file (so {@code stderr} is a file called stderr, as in Telegraf)
 */
record FileOutputSettings(List<String> files, boolean useBatchFormat, RotationPolicy rotation,
                          Compression compression, int compressionLevel, LineProtocolOptions lineProtocol) {

    /** The one name that means standard output. */
    static final String STDOUT = "stdout";

    private static final Set<Integer> ZIP_LEVELS = Set.of(Compression.DEFAULT_LEVEL, 0, 1, 9);

    static FileOutputSettings read(PluginConfig config) {
        List<String> files = config.getStringList("files", List.of());
        if (files.isEmpty()) {
            files = List.of(STDOUT);
        }
        boolean useBatchFormat = config.getBoolean("use_batch_format", false);
        Duration interval = config.getDuration("rotation_interval", Duration.ZERO);
        long maxSize = config.getSize("rotation_max_size", 0);
        int maxArchives = toInt(config, "rotation_max_archives", config.getLong("rotation_max_archives", 0));
        String dataFormat = config.getString("data_format", "influx");
        if (!dataFormat.equals("influx")) {
            throw config.invalid("data_format", "data format \"" + dataFormat
                    + "\" is not supported; only \"influx\" is supported");
        }
        Compression compression = compression(config);
        int level = toInt(config, "compression_level", config.getLong("compression_level", Compression.DEFAULT_LEVEL));
        if (compression != Compression.IDENTITY && !ZIP_LEVELS.contains(level)) {
            throw config.invalid("compression_level", "invalid compression level " + level
                    + ", only 0, 1 and 9 (or -1 for the default) are supported");
        }
        // Telegraf treats any value up to 0 as "no limit".
        long maxLineBytes = Math.max(0, config.getLong("influx_max_line_bytes", 0));
        LineProtocolOptions lineProtocol = new LineProtocolOptions(
                toInt(config, "influx_max_line_bytes", maxLineBytes),
                config.getBoolean("influx_sort_fields", false),
                config.getBoolean("influx_uint_support", false),
                config.getBoolean("influx_omit_timestamp", false));
        return new FileOutputSettings(List.copyOf(files), useBatchFormat,
                new RotationPolicy(interval, maxSize, maxArchives), compression, level, lineProtocol);
    }

    private static Compression compression(PluginConfig config) {
        String algorithm = config.getString("compression_algorithm", "");
        return switch (algorithm) {
            case "", "identity" -> Compression.IDENTITY;
            case "gzip" -> Compression.GZIP;
            case "zlib" -> Compression.ZLIB;
            case "zstd" -> throw config.invalid("compression_algorithm",
                    "\"zstd\" is not supported by jtelegraf; use \"gzip\" or \"zlib\"");
            default -> throw config.invalid("compression_algorithm", "unknown or unsupported algorithm \""
                    + algorithm + "\"; supported are \"gzip\" and \"zlib\"");
        };
    }

    private static int toInt(PluginConfig config, String key, long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw config.invalid(key, "value " + value + " is out of range");
        }
        return (int) value;
    }
}
