package io.jtelegraf.agent.config;

import io.jtelegraf.spi.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Telegraf features jtelegraf does not implement. Each one fails the load with file, line and a
 * sentence saying so, because silently ignoring them would run a different pipeline than the
 * user wrote: processor, aggregator and secret-store tables, {@code @{store:key}} secret
 * references, and {@code metricpass} CEL filters.
 */
final class UnsupportedFeatures {
    /** Telegraf's secret-store reference syntax. */
    private static final Pattern SECRET_REFERENCE = Pattern.compile("@\\{\\w+:\\w+\\}");

    private UnsupportedFeatures() {
    }

    /** {@code [[processors.x]]}, {@code [[aggregators.x]]}, {@code [[secretstores.x]]}. */
    static ConfigException unsupportedSection(ConfigLocation where, String section, String name) {
        String what = switch (section) {
            case "processors" -> "processor plugins";
            case "aggregators" -> "aggregator plugins";
            default -> "secret stores";
        };
        return ConfigMessages.problem(where, "[[" + section + "." + name + "]]: jtelegraf does not support "
                + what + "; remove this table");
    }

    static void rejectInPluginTable(TomlPluginConfig config) {
        if (config.table().get("metricpass").isPresent()) {
            throw config.invalid("metricpass", "jtelegraf does not support metricpass (CEL expressions);"
                    + " use namepass, namedrop, tagpass or tagdrop instead");
        }
        rejectSecretReferences(config.table(), config.scope());
    }

    /** Fails on the first string value, at any depth, that holds an {@code @{store:key}} reference. */
    static void rejectSecretReferences(ConfigTable table, String scope) {
        for (Map.Entry<String, ConfigTable.Value> entry : table.entries().entrySet()) {
            ConfigTable.Value found = find(entry.getValue());
            if (found != null) {
                // The value itself is not shown: it may hold a credential next to the reference.
                throw ConfigMessages.keyProblem(table.location().atLine(found.line()), scope, entry.getKey(),
                        "jtelegraf does not support secret-store references such as @{store:key};"
                                + " put the value in the file or in an environment variable instead");
            }
        }
    }

    private static ConfigTable.Value find(ConfigTable.Value value) {
        Object content = value.value();
        if (content instanceof String text) {
            return SECRET_REFERENCE.matcher(text).find() ? value : null;
        } else if (content instanceof ConfigTable table) {
            for (ConfigTable.Value nested : table.entries().values()) {
                ConfigTable.Value found = find(nested);
                if (found != null) {
                    return found;
                }
            }
        } else if (content instanceof List<?> items) {
            for (Object item : items) {
                ConfigTable.Value found = find((ConfigTable.Value) item);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
