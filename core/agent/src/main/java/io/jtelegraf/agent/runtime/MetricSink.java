package io.jtelegraf.agent.runtime;

import io.jtelegraf.spi.Metric;

/**
 * Where an input's finished metrics go: the fan-out to every output in a normal run, the printer
 * in {@code --test}. Must never block on an output's I/O.
 */
@FunctionalInterface
public interface MetricSink {
    void accept(Metric metric);
}
