package com.example.jtelegraf.hello;

import io.jtelegraf.spi.Accumulator;
import io.jtelegraf.spi.Input;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.MetricType;
import io.jtelegraf.spi.PluginContext;
import java.time.Instant;

/**
 * Emits one {@code hello} metric per gather, with a field of every type line protocol knows:
 * a string, a signed and an unsigned integer, a float and a boolean.
 */
final class HelloInput implements Input {
    private final String who;
    private final long timestampSeconds;
    private final PluginContext context;
    private long gathers;

    HelloInput(String who, long timestampSeconds, PluginContext context) {
        this.who = who;
        this.timestampSeconds = timestampSeconds;
        this.context = context;
    }

    @Override
    public void gather(Accumulator accumulator) {
        gathers++;
        Instant now = timestampSeconds > 0 ? Instant.ofEpochSecond(timestampSeconds) : context.clock().instant();
        accumulator.addMetric(Metric.builder("hello")
                .type(MetricType.GAUGE)
                .tag("name", who)
                .field("greeting", "hello, " + who)
                .field("count", gathers)
                .field("ratio", 0.5)
                .field("up", true)
                .unsignedField("big", -1L)
                .time(now.getEpochSecond() * 1_000_000_000L + now.getNano())
                .build());
        context.logger().debug("greeted " + who);
    }
}
