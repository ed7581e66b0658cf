package io.jtelegraf.agent.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Environment-variable templates exactly as Telegraf resolves them (spec 1.3): compose-go's
 * grammar with Telegraf's rule that an unresolved reference stays in the text verbatim.
 *
 * <ul>
 *   <li>{@code $NAME} and {@code ${NAME}}: the value when set (even empty), else left as written;</li>
 *   <li>{@code ${NAME:-def}} / {@code ${NAME-def}}: {@code def} when unset or empty / unset;</li>
 *   <li>{@code ${NAME:+alt}} / {@code ${NAME+alt}}: {@code alt} when set and non-empty / set,
 *       else the (empty) value;</li>
 *   <li>{@code ${NAME:?msg}} / {@code ${NAME?msg}}: fails with "required variable NAME is missing
 *       a value: msg" when unset or empty / unset;</li>
 *   <li>{@code $$} is a literal {@code $}; a backslash is not an escape; {@code ${1}}, {@code ${}}
 *       and other invalid templates are left as written.</li>
 * </ul>
 *
 * <p>Defaults and messages may hold templates themselves ({@code ${A:-${B}}}). Those nested
 * templates, and any text after a resolved operator template on the same line, are resolved
 * with compose-go's plain rules, where an unset variable becomes empty instead of staying
 * verbatim: {@code "${A:-x}/${UNSET}"} gives {@code "x/"} in Telegraf, and here too. A template
 * never spans lines.
 */
final class EnvTemplate {

    /** A {@code ${NAME:?msg}} whose variable has no value. */
    static final class MissingValueException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingValueException(String variable, String reason) {
            super(reason.isEmpty()
                    ? "required variable " + variable + " is missing a value"
                    : "required variable " + variable + " is missing a value: " + reason);
        }
    }

    /** A template that is not one; the outermost level leaves it as written. */
    private static final class InvalidTemplateException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidTemplateException() {
            super(null, null, false, false);
        }
    }

    // Alternatives: "$$", "$NAME", "${NAME[op...]}", or "${" followed by anything else (invalid).
    // UNIX_LINES: like Go's regexp, '.' stops only at '\n'.
    private static final Pattern TEMPLATE = Pattern.compile(
            "\\$(?i:(?<escaped>\\$)|(?<named>[_a-z][_a-z0-9]*)"
                    + "|\\{(?:(?<braced>[_a-z][_a-z0-9]*(?::?[-+?](?:.*))?)\\}|(?<invalid>)))",
            Pattern.UNIX_LINES);

    private enum Operator {
        REQUIRED_NON_EMPTY(":?"), REQUIRED("?"), DEFAULT_IF_EMPTY(":-"), DEFAULT_IF_UNSET("-"),
        ALTERNATIVE_IF_NON_EMPTY(":+"), ALTERNATIVE_IF_SET("+");

        final String token;

        Operator(String token) {
            this.token = token;
        }
    }

    private record Resolution(String value, boolean applied) {
    }

    private final Map<String, String> environment;

    EnvTemplate(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /**
     * Resolves every template in {@code text}.
     *
     * @throws MissingValueException for a required variable without a value
     */
    String substitute(String text) {
        return replaceAll(text, true);
    }

    private String replaceAll(String text, boolean outermost) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        Matcher matcher = TEMPLATE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (matcher.find()) {
            out.append(text, last, matcher.start());
            out.append(replace(matcher.group(), outermost));
            last = matcher.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    private String replace(String match, boolean outermost) {
        if (!outermost) {
            return resolve(match).value();
        }
        try {
            Resolution resolution = resolve(match);
            // Telegraf keeps what it cannot resolve, so regex back-references like ${1} survive.
            return resolution.applied() ? resolution.value() : match;
        } catch (InvalidTemplateException e) {
            return match;
        }
    }

    private Resolution resolve(String match) {
        Operator operator = firstOperator(match);
        int closing = firstClosingBrace(match);
        String template = closing < 0 ? match : match.substring(0, closing + 1);
        String rest = closing < 0 ? "" : match.substring(closing + 1);

        Matcher matcher = TEMPLATE.matcher(template);
        if (!matcher.find()) {
            throw new InvalidTemplateException();
        }
        if (nonEmpty(matcher.group("escaped"))) {
            return new Resolution("$", true);
        }
        String named = matcher.group("named");
        boolean braced = !nonEmpty(named);
        String substitution = braced ? matcher.group("braced") : named;
        if (!nonEmpty(substitution)) {
            throw new InvalidTemplateException();
        }
        if (braced) {
            Resolution resolution = apply(operator, substitution);
            if (resolution.applied()) {
                return new Resolution(resolution.value() + replaceAll(rest, false), true);
            }
        }
        String value = environment.get(substitution);
        return new Resolution(value == null ? "" : value, value != null);
    }

    private Resolution apply(Operator operator, String substitution) {
        int at = substitution.indexOf(operator.token);
        if (at < 0) {
            return new Resolution("", false);
        }
        String name = substitution.substring(0, at);
        String argument = replaceAll(substitution.substring(at + operator.token.length()), false);
        String value = environment.get(name);
        boolean set = value != null;
        boolean setNonEmpty = set && !value.isEmpty();
        return switch (operator) {
            case REQUIRED_NON_EMPTY -> {
                if (!setNonEmpty) {
                    throw new MissingValueException(name, argument);
                }
                yield new Resolution(value, true);
            }
            case REQUIRED -> {
                if (!set) {
                    throw new MissingValueException(name, argument);
                }
                yield new Resolution(value, true);
            }
            case DEFAULT_IF_EMPTY -> new Resolution(setNonEmpty ? value : argument, true);
            case DEFAULT_IF_UNSET -> new Resolution(set ? value : argument, true);
            case ALTERNATIVE_IF_NON_EMPTY -> new Resolution(setNonEmpty ? argument : orEmpty(value), true);
            case ALTERNATIVE_IF_SET -> new Resolution(set ? argument : "", true);
        };
    }

    /** The operator written first in the text wins; with none, the first of the list is tried. */
    private static Operator firstOperator(String text) {
        Operator best = Operator.REQUIRED_NON_EMPTY;
        int bestIndex = Integer.MAX_VALUE;
        for (Operator operator : List.of(Operator.values())) {
            int index = text.indexOf(operator.token);
            if (index >= 0 && index < bestIndex) {
                best = operator;
                bestIndex = index;
            }
        }
        return best;
    }

    /** The index of the '}' closing the first '{', counting nested braces. */
    private static int firstClosingBrace(String text) {
        int open = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '}') {
                open--;
                if (open == 0) {
                    return i;
                }
            }
            if (c == '{') {
                open++;
                i++;
            }
        }
        return -1;
    }

    private static boolean nonEmpty(String group) {
        return group != null && !group.isEmpty();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
