package io.jtelegraf.agent.runtime;

import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An output that records batches; each write may be scripted to fail. */
final class FakeOutput implements Output {
    interface WriteBehaviour {
        void write(List<Metric> batch) throws Exception;
    }

    final List<List<Metric>> batches = new CopyOnWriteArrayList<>();
    final AtomicInteger connects = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    volatile WriteBehaviour behaviour = batch -> { };
    volatile Exception connectError;

    @Override
    public void connect() throws Exception {
        connects.incrementAndGet();
        Exception error = connectError;
        if (error != null) {
            throw error;
        }
    }

    @Override
    public void write(List<Metric> metrics) throws Exception {
        batches.add(List.copyOf(metrics));
        behaviour.write(metrics);
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }

    List<String> writtenNames() {
        List<String> names = new ArrayList<>();
        batches.forEach(batch -> batch.forEach(metric -> names.add(metric.name())));
        return names;
    }
}
