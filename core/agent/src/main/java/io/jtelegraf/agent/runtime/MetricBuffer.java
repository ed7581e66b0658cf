package io.jtelegraf.agent.runtime;

import io.jtelegraf.spi.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * Telegraf's memory buffer (spec 4.5): a ring of fixed capacity that drops the oldest metric when
 * full. A write takes a batch of the oldest metrics out ({@link #take}) and puts back those to
 * retry at the front ({@link #restoreFront}).
 *
 * <p>Threading: all methods are synchronized; inputs add while an output writes.
 */
final class MetricBuffer {
    private final Metric[] ring;
    private int first;
    private int size;

    MetricBuffer(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("metric_buffer_limit must be positive, got " + capacity);
        }
        this.ring = new Metric[capacity];
    }

    int capacity() {
        return ring.length;
    }

    synchronized int size() {
        return size;
    }

    /** Appends {@code metric}; returns 1 when the oldest metric was dropped to make room, else 0. */
    synchronized int add(Metric metric) {
        int dropped = 0;
        if (size == ring.length) {
            ring[first] = null;
            first = (first + 1) % ring.length;
            size--;
            dropped = 1;
        }
        ring[(first + size) % ring.length] = metric;
        size++;
        return dropped;
    }

    /** Removes and returns up to {@code max} of the oldest metrics, oldest first. */
    synchronized List<Metric> take(int max) {
        int count = Math.min(max, size);
        List<Metric> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(ring[first]);
            ring[first] = null;
            first = (first + 1) % ring.length;
        }
        size -= count;
        return batch;
    }

    /**
     * Puts {@code kept} (oldest first) back in front of everything buffered. When the buffer
     * filled up meanwhile, the oldest of {@code kept} are dropped and the newest that fit are
     * restored, as Telegraf does: the buffer always holds the newest metrics, oldest dropped first.
     *
     * @return how many metrics did not fit and are dropped
     */
    synchronized int restoreFront(List<Metric> kept) {
        int restore = Math.min(kept.size(), ring.length - size);
        int skip = kept.size() - restore;
        first = Math.floorMod(first - restore, ring.length);
        for (int i = 0; i < restore; i++) {
            ring[(first + i) % ring.length] = kept.get(skip + i);
        }
        size += restore;
        return skip;
    }
}
