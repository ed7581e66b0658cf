package io.jtelegraf.agent.filter;

import java.util.List;
import java.util.Set;

/**
 * One compiled filter list (namepass, fieldinclude, a tagpass value list...), built the way
 * Telegraf's {@code filter.Compile} builds it (spec 2.3).
 *
 * <p>Threading: implementations are immutable, safe to share.
 */
public interface StringMatcher {

    /** Whether {@code value} matches any pattern of the list. */
    boolean matches(String value);

    /**
     * Compiles a pattern list.
     *
     * <ul>
     *   <li>An empty list gives {@code null}: the list is "not configured".</li>
     *   <li>With no separators and no element containing {@code *}, {@code ?} or {@code [}, the
     *       list is a set of literal strings (so {@code {a,b}} alone is matched literally).</li>
     *   <li>Otherwise one element is a glob, and several are joined as {@code {e1,e2,...}} into
     *       one glob, as Telegraf does (a comma inside an element therefore splits it).</li>
     * </ul>
     *
     * @param separators every code point is a separator for {@code *} and {@code ?}; "" = none
     * @throws IllegalArgumentException for an invalid glob
     */
    static StringMatcher compile(List<String> patterns, String separators) {
        if (patterns.isEmpty()) {
            return null;
        }
        boolean literal = separators.isEmpty() && patterns.stream().noneMatch(StringMatcher::hasGlobMeta);
        if (literal) {
            Set<String> values = Set.copyOf(patterns);
            return values::contains;
        }
        String pattern = patterns.size() == 1 ? patterns.get(0) : "{" + String.join(",", patterns) + "}";
        return Glob.compile(pattern, separators)::matches;
    }

    private static boolean hasGlobMeta(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }
}
