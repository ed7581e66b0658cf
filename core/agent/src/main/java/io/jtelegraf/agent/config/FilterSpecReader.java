package io.jtelegraf.agent.config;

import io.jtelegraf.agent.filter.FilterSpec;
import io.jtelegraf.agent.filter.MetricFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the metric filter options of a plugin table into a {@link FilterSpec} (spec 2.1, 2.3).
 * The legacy {@code pass}/{@code fieldpass} and {@code drop}/{@code fielddrop} lists are appended
 * to {@code fieldinclude}/{@code fieldexclude} with a deprecation warning, as Telegraf does.
 */
final class FilterSpecReader {
    private FilterSpecReader() {
    }

    static FilterSpec read(TomlPluginConfig config, List<String> warnings) {
        List<String> fieldInclude = new ArrayList<>(config.getStringList("fieldinclude", List.of()));
        fieldInclude.addAll(legacy(config, "pass", "0.10.4", "1.35.0", "fieldinclude", warnings));
        fieldInclude.addAll(legacy(config, "fieldpass", "1.29.0", "1.40.0", "fieldinclude", warnings));
        List<String> fieldExclude = new ArrayList<>(config.getStringList("fieldexclude", List.of()));
        fieldExclude.addAll(legacy(config, "drop", "0.10.4", "1.35.0", "fieldexclude", warnings));
        fieldExclude.addAll(legacy(config, "fielddrop", "1.29.0", "1.40.0", "fieldexclude", warnings));
        FilterSpec spec = new FilterSpec(
                config.getStringList("namepass", List.of()),
                config.getString("namepass_separator", ""),
                config.getStringList("namedrop", List.of()),
                config.getString("namedrop_separator", ""),
                tagFilter(config, "tagpass"),
                tagFilter(config, "tagdrop"),
                fieldInclude,
                fieldExclude,
                config.getStringList("taginclude", List.of()),
                config.getStringList("tagexclude", List.of()));
        requireValidPatterns(config, spec);
        return spec;
    }

    /**
     * Compiles the patterns now, so that an invalid glob is a config error naming file, line,
     * plugin and key, not a failure while the agent is being assembled.
     */
    private static void requireValidPatterns(TomlPluginConfig config, FilterSpec spec) {
        try {
            MetricFilter.compile(spec);
        } catch (IllegalArgumentException e) {
            // MetricFilter prefixes the option ("namepass: ...", "tagpass.cpu: ..."); the lists of
            // the legacy keys are merged into fieldinclude/fieldexclude, so name the key written.
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            String option = colon < 0 ? "" : message.substring(0, colon);
            String key = writtenKey(config, option.contains(".") ? option.substring(0, option.indexOf('.')) : option);
            throw config.invalid(key, colon < 0 ? message : message.substring(colon + 2));
        }
    }

    private static String writtenKey(TomlPluginConfig config, String option) {
        List<String> candidates = switch (option) {
            case "fieldinclude" -> List.of("fieldinclude", "fieldpass", "pass");
            case "fieldexclude" -> List.of("fieldexclude", "fielddrop", "drop");
            default -> List.of(option);
        };
        return candidates.stream().filter(k -> config.table().get(k).isPresent()).findFirst().orElse(option);
    }

    private static List<String> legacy(TomlPluginConfig config, String key, String since, String removal,
            String replacement, List<String> warnings) {
        List<String> values = config.getStringList(key, List.of());
        if (config.table().get(key).isPresent()) {
            warnings.add(config.table().locationOf(key) + ": " + config.scope() + ": option \"" + key
                    + "\" is deprecated since " + since + " and will be removed in " + removal + "; use \""
                    + replacement + "\" instead");
        }
        return values;
    }

    /** {@code tagpass}/{@code tagdrop}: a table whose every value is an array of patterns. */
    private static Map<String, List<String>> tagFilter(TomlPluginConfig config, String key) {
        return config.read(key).map(value -> {
            if (!(value instanceof ConfigTable table)) {
                throw config.wrongType(key, "a table of tag names to arrays of patterns such as"
                        + " " + key + " = {cpu = [\"cpu0\"]}", value);
            }
            Map<String, List<String>> filter = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigTable.Value> entry : table.entries().entrySet()) {
                Object patterns = entry.getValue().value();
                if (!(patterns instanceof List)) {
                    throw ConfigMessages.keyProblem(table.locationOf(entry.getKey()), config.scope(), key,
                            "the value of tag \"" + entry.getKey()
                            + "\" must be an array of strings such as " + entry.getKey() + " = [\"value\"], got "
                            + ConfigTable.describeType(patterns));
                }
                filter.put(entry.getKey(), config.stringList(key, patterns));
            }
            return Map.copyOf(filter);
        }).orElse(Map.of());
    }
}
