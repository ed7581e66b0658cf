package io.jtelegraf.outputs.influxdb.realserver;

import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.Output;
import io.jtelegraf.spi.PartialWriteException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The runtime's retry contract (spec 4.5) in a few lines, for tests: metrics wait in a buffer; a
 * flush writes the oldest batch; a normal return removes it, a partial write removes accepted and
 * rejected metrics, any other error keeps the whole batch at the front for the next flush.
 */
final class SimulatedBuffer {
    private final Output output;
    private final int batchSize;
    private final List<Metric> buffer = new ArrayList<>();

    SimulatedBuffer(Output output, int batchSize) {
        this.output = output;
        this.batchSize = batchSize;
    }

    void add(List<Metric> metrics) {
        buffer.addAll(metrics);
    }

    int size() {
        return buffer.size();
    }

    /** Writes batches until the buffer is empty or a write fails; returns whether it emptied. */
    boolean flush() {
        while (!buffer.isEmpty()) {
            List<Metric> batch = List.copyOf(buffer.subList(0, Math.min(batchSize, buffer.size())));
            try {
                output.write(batch);
                buffer.subList(0, batch.size()).clear();
            } catch (PartialWriteException e) {
                Set<Integer> settled = new HashSet<>();
                for (int i : e.accepted()) {
                    settled.add(i);
                }
                for (int i : e.rejected()) {
                    settled.add(i);
                }
                List<Metric> kept = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    if (!settled.contains(i)) {
                        kept.add(batch.get(i));
                    }
                }
                buffer.subList(0, batch.size()).clear();
                buffer.addAll(0, kept);
                return false;
            } catch (Exception e) {
                return false;
            }
        }
        return true;
    }
}
