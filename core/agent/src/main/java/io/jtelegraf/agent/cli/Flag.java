package io.jtelegraf.agent.cli;

import java.util.List;

/**
 * One flag of a command: the names it answers to, whether it takes a value, its help line and
 * what it sets in the command's options. The parser and the help text are both made from these,
 * so a flag is described in one place only.
 *
 * <p>A name is written without dashes; as in Go's flag package (which Telegraf's command line
 * uses), {@code -name} and {@code --name} are the same flag.
 *
 * @param <T> the options the flag sets
 */
final class Flag<T> {
    /**
     * Sets flags' values in the options of one command, by the flag's first name. Each options
     * class has one implementation with a switch per kind of flag, rather than a lambda per flag:
     * each lambda call site costs a start about 0.1 ms when the command tree is built
     * (BENCHMARKS.md, "Fourth round"). A name without a case is a programming error, which the
     * tests find by setting every flag of the command tree.
     */
    interface Setter<T> {
        /** A flag with a text value. */
        default void text(T options, String name, String value) {
            throw unhandled(name);
        }

        /** A switch, on or off. */
        default void toggle(T options, String name, boolean on) {
            throw unhandled(name);
        }

        /** A flag with a whole number. */
        default void integer(T options, String name, int value) {
            throw unhandled(name);
        }
    }

    private enum Kind { TEXT, TOGGLE, INTEGER }

    private final List<String> names;
    private final String valueLabel;
    private final String help;
    private final boolean hidden;
    private final Kind kind;
    private final Setter<T> setter;

    private Flag(List<String> names, String valueLabel, String help, boolean hidden, Kind kind, Setter<T> setter) {
        this.names = names;
        this.valueLabel = valueLabel;
        this.help = help;
        this.hidden = hidden;
        this.kind = kind;
        this.setter = setter;
    }

    /** A switch: {@code --name} alone turns it on; {@code --name=false} turns it off, as in Go. */
    static <T> Flag<T> toggle(List<String> names, String help, Setter<T> setter) {
        return new Flag<>(names, null, help, false, Kind.TOGGLE, setter);
    }

    /** A flag that takes a text value. */
    static <T> Flag<T> text(List<String> names, String valueLabel, String help, Setter<T> setter) {
        return new Flag<>(names, valueLabel, help, false, Kind.TEXT, setter);
    }

    /** A flag that takes a whole number, written as Go's flag package reads it ({@link GoInteger}). */
    static <T> Flag<T> integer(List<String> names, String valueLabel, String help, Setter<T> setter) {
        return new Flag<>(names, valueLabel, help, false, Kind.INTEGER, setter);
    }

    /** The error of a {@link Setter} asked for a flag it has no case for. */
    static IllegalStateException unhandled(String name) {
        return new IllegalStateException("no setter for flag --" + name);
    }

    private static UsageException invalid(String value, String typed, String reason) {
        return new UsageException("invalid value \"" + value + "\" for flag " + typed + ": " + reason);
    }

    /** The same flag, left out of the help text (for options meant for tests and the launcher). */
    Flag<T> hidden() {
        return new Flag<>(names, valueLabel, help, true, kind, setter);
    }

    /** Whether this flag answers to {@code name} (given without dashes). */
    boolean answersTo(String name) {
        return names.contains(name);
    }

    /** A switch takes no separate value: {@code --test true} leaves {@code true} as a word, as in Go. */
    boolean takesValue() {
        return valueLabel != null;
    }

    /**
     * Applies the flag. {@code value} is {@code null} for a switch given without {@code =value}.
     *
     * @throws UsageException when the value does not fit the flag
     */
    void apply(T options, String typed, String value) {
        String name = names.get(0);
        switch (kind) {
            case TOGGLE -> setter.toggle(options, name, value == null || parseBoolean(typed, value));
            case TEXT -> setter.text(options, name, value);
            case INTEGER -> setter.integer(options, name, parseInteger(typed, value));
        }
    }

    private static int parseInteger(String typed, String value) {
        try {
            return GoInteger.parseInt(value);
        } catch (GoInteger.SyntaxException e) {
            throw invalid(value, typed, "not a whole number");
        } catch (GoInteger.RangeException e) {
            // Go's wording tells the two apart too.
            throw invalid(value, typed, "out of range");
        }
    }

    List<String> names() {
        return names;
    }

    /** What the help shows after the names, such as {@code FILE}; {@code null} for a switch. */
    String valueLabel() {
        return valueLabel;
    }

    String help() {
        return help;
    }

    boolean isHidden() {
        return hidden;
    }

    /** Go's {@code strconv.ParseBool}, the spellings {@code --test=...} accepts in Telegraf. */
    private static boolean parseBoolean(String typed, String value) {
        return switch (value) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "0", "f", "F", "false", "FALSE", "False" -> false;
            default -> throw new UsageException("invalid boolean value \"" + value + "\" for flag " + typed);
        };
    }

}
