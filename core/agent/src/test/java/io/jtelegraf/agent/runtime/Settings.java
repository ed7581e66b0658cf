package io.jtelegraf.agent.runtime;

import io.jtelegraf.agent.filter.FilterSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Settings records with Telegraf's defaults, for tests. */
final class Settings {
    private Settings() {
    }

    static AgentSettings agent() {
        return AgentSettings.defaults("h");
    }

    static InputSettings input(String pluginId) {
        return new InputSettings(pluginId, Optional.empty(), Duration.ofSeconds(10), Duration.ZERO, Duration.ZERO,
                Duration.ZERO, true, "", "", "", Map.of(), FilterSpec.NONE);
    }

    static InputSettings unalignedInput(String pluginId) {
        return new InputSettings(pluginId, Optional.empty(), Duration.ofSeconds(10), Duration.ZERO, Duration.ZERO,
                Duration.ZERO, false, "", "", "", Map.of(), FilterSpec.NONE);
    }

    static OutputSettings output(String pluginId, int batch, int limit) {
        return new OutputSettings(pluginId, Optional.empty(), Duration.ofSeconds(10), Duration.ZERO, batch, limit,
                "", "", "", FilterSpec.NONE);
    }
}
