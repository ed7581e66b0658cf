package io.jtelegraf.agent.runtime;

import io.jtelegraf.spi.Logger;
import io.jtelegraf.spi.PluginContext;
import java.time.Clock;
import java.util.Optional;

/** The {@link PluginContext} the runtime hands to a factory's {@code create}. */
record RuntimePluginContext(Logger logger, Clock clock, String pluginId, Optional<String> alias, String agentVersion)
        implements PluginContext {
}
