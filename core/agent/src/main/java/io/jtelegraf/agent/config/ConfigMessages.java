package io.jtelegraf.agent.config;

import io.jtelegraf.spi.ConfigException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place that words config errors, so every message has the same shape:
 * {@code <file>:<line>: <scope>: key "<key>": <problem>}, where the scope is
 * {@code plugin inputs.ipvs}, {@code [agent]} or {@code [global_tags]}.
 */
final class ConfigMessages {
    static final String AGENT_SCOPE = "[agent]";
    static final String GLOBAL_TAGS_SCOPE = "[global_tags]";

    private static final String UNUSED_TAIL =
            "; this is either a typo or this config option does not exist in this version";

    private ConfigMessages() {
    }

    static String pluginScope(String pluginId) {
        return "plugin " + pluginId;
    }

    static ConfigException keyProblem(ConfigLocation where, String scope, String key, String problem) {
        return new ConfigException(where + ": " + scope + ": key \"" + key + "\": " + problem);
    }

    static ConfigException scopeProblem(ConfigLocation where, String scope, String problem) {
        return new ConfigException(where + ": " + scope + ": " + problem);
    }

    static ConfigException problem(ConfigLocation where, String problem) {
        return new ConfigException(where + ": " + problem);
    }

    /** A key that was set, with the line it was set on. */
    record KeyAtLine(String key, int line) {
    }

    /**
     * The unused-keys error, for example {@code /x.conf:12: plugin inputs.ipvs: unknown keys "foo", "bar"
     * (line 12, 13) but they were not used; this is either a typo or ...}.
     */
    static ConfigException unusedKeys(ConfigLocation tableLocation, String scope, List<KeyAtLine> keys) {
        String names = keys.stream().map(k -> "\"" + k.key() + "\"").collect(Collectors.joining(", "));
        String lines = keys.stream().map(k -> Integer.toString(k.line())).collect(Collectors.joining(", "));
        int firstLine = keys.isEmpty() ? tableLocation.line() : keys.get(0).line();
        String text = keys.size() == 1
                ? "unknown key " + names + " (line " + lines + ") but it was not used"
                : "unknown keys " + names + " (line " + lines + ") but they were not used";
        return new ConfigException(tableLocation.atLine(firstLine) + ": " + scope + ": " + text + UNUSED_TAIL);
    }
}
