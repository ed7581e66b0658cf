package com.example.jtelegraf.hello;

import io.jtelegraf.spi.Input;
import io.jtelegraf.spi.InputFactory;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.spi.PluginContext;

/**
 * Registers {@code [[inputs.hello]]}. Listed in
 * {@code META-INF/services/io.jtelegraf.spi.InputFactory}; its sample.conf sits next to it.
 */
public final class HelloInputFactory implements InputFactory {

    @Override
    public String name() {
        return "hello";
    }

    @Override
    public Input create(PluginConfig config, PluginContext context) {
        // Read every option here, even when it keeps its default: the agent reports any key
        // that no plugin read as a typo.
        String who = config.getString("name", "world");
        long timestampSeconds = config.getLong("timestamp", 0);
        if (who.isBlank()) {
            throw config.invalid("name", "must not be empty");
        }
        if (timestampSeconds < 0) {
            throw config.invalid("timestamp", "must be 0 (now) or seconds since the epoch");
        }
        return new HelloInput(who, timestampSeconds, context);
    }
}
