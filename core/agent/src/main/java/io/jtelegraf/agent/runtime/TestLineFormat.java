package io.jtelegraf.agent.runtime;

import io.jtelegraf.spi.Metric;

/**
 * Turns a metric into the line {@code --test} prints after {@code "> "}: one line-protocol line
 * with its trailing newline, fields sorted by key, unsigned integers as {@code 123u} (spec 3).
 * The CLI passes the SPI's line-protocol serializer configured that way.
 */
@FunctionalInterface
public interface TestLineFormat {

    /**
     * @throws Exception when the metric cannot be serialized; the metric is then skipped, as
     *     Telegraf skips it
     */
    String format(Metric metric) throws Exception;
}
