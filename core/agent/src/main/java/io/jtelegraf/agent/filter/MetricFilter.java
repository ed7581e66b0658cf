package io.jtelegraf.agent.filter;

import io.jtelegraf.spi.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The filters of one plugin instance, compiled once from a {@link FilterSpec} (spec 2.3).
 *
 * <p>Selectors ({@link #select}) decide whether a metric goes on: namepass/namedrop on the name,
 * then tagpass/tagdrop on the tags. Modifiers ({@link #modify}) remove fields and tags:
 * fieldinclude/fieldexclude and taginclude/tagexclude. The caller drops a metric left without
 * fields. {@code metricpass} (CEL) is not supported.
 *
 * <p>Threading: immutable, safe to share between threads.
 */
public final class MetricFilter {
    /** A filter that passes everything and modifies nothing. */
    public static final MetricFilter NONE = compile(FilterSpec.NONE);

    private final StringMatcher namePass;
    private final StringMatcher nameDrop;
    private final List<TagRule> tagPass;
    private final List<TagRule> tagDrop;
    private final StringMatcher fieldInclude;
    private final StringMatcher fieldExclude;
    private final StringMatcher tagInclude;
    private final StringMatcher tagExclude;

    private MetricFilter(FilterSpec spec) {
        this.namePass = compile("namepass", spec.namePass(), spec.namePassSeparators());
        this.nameDrop = compile("namedrop", spec.nameDrop(), spec.nameDropSeparators());
        this.tagPass = tagRules("tagpass", spec.tagPass());
        this.tagDrop = tagRules("tagdrop", spec.tagDrop());
        this.fieldInclude = compile("fieldinclude", spec.fieldInclude(), "");
        this.fieldExclude = compile("fieldexclude", spec.fieldExclude(), "");
        this.tagInclude = compile("taginclude", spec.tagInclude(), "");
        this.tagExclude = compile("tagexclude", spec.tagExclude(), "");
    }

    /**
     * Compiles every pattern list of {@code spec}.
     *
     * @throws IllegalArgumentException naming the option and the pattern when a glob is invalid
     */
    public static MetricFilter compile(FilterSpec spec) {
        return new MetricFilter(spec);
    }

    /** Whether the metric passes namepass/namedrop and tagpass/tagdrop. */
    public boolean select(Metric metric) {
        String name = metric.name();
        if (namePass != null && !namePass.matches(name)) {
            return false;
        }
        if (nameDrop != null && nameDrop.matches(name)) {
            return false;
        }
        return tagsPass(metric);
    }

    /** Whether {@link #modify} can change anything; lets callers skip copying a metric. */
    public boolean hasModifiers() {
        return fieldInclude != null || fieldExclude != null || tagInclude != null || tagExclude != null;
    }

    /** Removes the fields and tags the modifiers do not keep. */
    public void modify(Metric.Builder metric) {
        if (fieldInclude != null || fieldExclude != null) {
            for (int i = metric.fieldCount() - 1; i >= 0; i--) {
                if (!keeps(fieldInclude, fieldExclude, metric.fieldKey(i))) {
                    metric.removeFieldAt(i);
                }
            }
        }
        if (tagInclude != null || tagExclude != null) {
            for (int i = metric.tagCount() - 1; i >= 0; i--) {
                if (!keeps(tagInclude, tagExclude, metric.tagKey(i))) {
                    metric.removeTagAt(i);
                }
            }
        }
    }

    private static boolean keeps(StringMatcher include, StringMatcher exclude, String key) {
        return (include == null || include.matches(key)) && (exclude == null || !exclude.matches(key));
    }

    private boolean tagsPass(Metric metric) {
        if (!tagPass.isEmpty() && !anyTagMatches(tagPass, metric)) {
            return false;
        }
        return tagDrop.isEmpty() || !anyTagMatches(tagDrop, metric);
    }

    /** OR across keys and values; a key the metric lacks never matches. */
    private static boolean anyTagMatches(List<TagRule> rules, Metric metric) {
        for (TagRule rule : rules) {
            String value = metric.tag(rule.key());
            if (value != null && rule.values() != null && rule.values().matches(value)) {
                return true;
            }
        }
        return false;
    }

    private static List<TagRule> tagRules(String option, Map<String, List<String>> table) {
        List<TagRule> rules = new ArrayList<>();
        // Sorted so that compile errors come out in a stable order.
        new TreeMap<>(table).forEach((key, patterns) ->
                rules.add(new TagRule(key, compile(option + "." + key, patterns, ""))));
        return List.copyOf(rules);
    }

    private static StringMatcher compile(String option, List<String> patterns, String separators) {
        try {
            return StringMatcher.compile(patterns, separators);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    /** One tagpass/tagdrop entry; {@code values} is null for an empty list, which never matches. */
    private record TagRule(String key, StringMatcher values) {
    }
}
