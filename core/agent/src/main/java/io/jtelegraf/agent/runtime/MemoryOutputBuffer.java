package io.jtelegraf.agent.runtime;

import io.jtelegraf.agent.buffer.OutputBuffer;
import io.jtelegraf.spi.Metric;
import java.util.List;

/**
 * The memory strategy as an {@link OutputBuffer}: the {@link MetricBuffer} ring, whose take
 * removes a batch and whose restoreFront puts the kept part back.
 *
 * <p>Threading: as {@link MetricBuffer}, every call is synchronized there.
 */
final class MemoryOutputBuffer implements OutputBuffer {
    private final MetricBuffer ring;

    MemoryOutputBuffer(int capacity) {
        this.ring = new MetricBuffer(capacity);
    }

    @Override
    public int capacity() {
        return ring.capacity();
    }

    @Override
    public int size() {
        return ring.size();
    }

    @Override
    public int add(Metric metric) {
        return ring.add(metric);
    }

    @Override
    public List<Metric> take(int max) {
        return ring.take(max);
    }

    @Override
    public int end(List<Metric> kept) {
        // Written and rejected metrics already left the ring with take.
        return kept.isEmpty() ? 0 : ring.restoreFront(kept);
    }

    @Override
    public void close() {
        // Nothing to release: the metrics live on the heap.
    }
}
