package io.jtelegraf.outputs.influxdb.common;

import io.jtelegraf.spi.Logger;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.lineprotocol.LineProtocolOptions;
import io.jtelegraf.spi.lineprotocol.LineProtocolSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.BitSet;
import java.util.List;

/**
 * The {@link MetricEncoder} the outputs use: the SPI's line protocol serializer with the options
 * the InfluxDB outputs have ({@code influx_uint_support}, {@code influx_omit_timestamp}; fields in
 * metric order, no line limit). Skipped metrics are logged at debug level, as Telegraf does.
 *
 * <p>Threading: not thread-safe (the serializer keeps scratch buffers); one per output instance.
 */
public final class LineProtocolEncoder implements MetricEncoder {
    private final LineProtocolSerializer serializer;
    private final Logger log;

    public LineProtocolEncoder(HttpOptions options, Logger log) {
        this.serializer = new LineProtocolSerializer(LineProtocolOptions.DEFAULTS
                .withUintSupport(options.uintSupport())
                .withOmitTimestamp(options.omitTimestamp()));
        this.log = log;
    }

    @Override
    public BitSet encode(List<Metric> metrics, OutputStream out) throws IOException {
        BitSet skipped = new BitSet();
        serializer.writeBatch(metrics, out, (index, metric, reason) -> {
            skipped.set(index);
            log.debug("Could not serialize metric: " + reason.getMessage());
        });
        return skipped;
    }
}
