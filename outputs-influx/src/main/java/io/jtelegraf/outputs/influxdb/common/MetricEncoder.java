package io.jtelegraf.outputs.influxdb.common;

import io.jtelegraf.spi.Metric;
import java.io.IOException;
import java.io.OutputStream;
import java.util.BitSet;
import java.util.List;

/**
 * Turns a batch of metrics into request-body bytes (InfluxDB line protocol). The HTTP layer only
 * sees this interface, so it can be tested with any encoder.
 *
 * <p>Threading: an instance is used by one output instance, which the runtime never calls
 * concurrently; implementations need not be thread-safe.
 */
public interface MetricEncoder {

    /**
     * Writes every serializable metric of {@code metrics} to {@code out}, in order.
     *
     * @return the positions in {@code metrics} that could not be serialized and were skipped
     *     (empty when all were written)
     * @throws IOException only when {@code out} fails
     */
    BitSet encode(List<Metric> metrics, OutputStream out) throws IOException;
}
