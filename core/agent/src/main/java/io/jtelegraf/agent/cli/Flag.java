package io.jtelegraf.agent.cli;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.ObjIntConsumer;

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
    /** Sets a flag's value in the options; {@code typed} is the flag as the user wrote it, for messages. */
    @FunctionalInterface
    interface Setter<T> {
        void set(T options, String typed, String value);
    }

    private final List<String> names;
    private final String valueLabel;
    private final String help;
    private final boolean hidden;
    private final Setter<T> setter;

    private Flag(List<String> names, String valueLabel, String help, boolean hidden, Setter<T> setter) {
        this.names = names;
        this.valueLabel = valueLabel;
        this.help = help;
        this.hidden = hidden;
        this.setter = setter;
    }

    /** A switch: {@code --name} alone turns it on; {@code --name=false} turns it off, as in Go. */
    static <T> Flag<T> toggle(List<String> names, String help, BooleanSetter<T> setter) {
        return new Flag<>(names, null, help, false,
                (options, typed, value) -> setter.set(options, value == null || parseBoolean(typed, value)));
    }

    /** A flag that takes a text value. */
    static <T> Flag<T> text(List<String> names, String valueLabel, String help, BiConsumer<T, String> setter) {
        return new Flag<>(names, valueLabel, help, false, (options, typed, value) -> setter.accept(options, value));
    }

    /** A flag that takes a whole number, written as Go's flag package reads it ({@link GoInteger}). */
    static <T> Flag<T> integer(List<String> names, String valueLabel, String help, ObjIntConsumer<T> setter) {
        return new Flag<>(names, valueLabel, help, false, (options, typed, value) -> {
            try {
                setter.accept(options, GoInteger.parseInt(value));
            } catch (GoInteger.SyntaxException e) {
                throw invalid(value, typed, "not a whole number");
            } catch (GoInteger.RangeException e) {
                // Go's wording tells the two apart too.
                throw invalid(value, typed, "out of range");
            }
        });
    }

    private static UsageException invalid(String value, String typed, String reason) {
        return new UsageException("invalid value \"" + value + "\" for flag " + typed + ": " + reason);
    }

    /** The same flag, left out of the help text (for options meant for tests and the launcher). */
    Flag<T> hidden() {
        return new Flag<>(names, valueLabel, help, true, setter);
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
        setter.set(options, typed, value);
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

    /** Sets a switch. */
    @FunctionalInterface
    interface BooleanSetter<T> {
        void set(T options, boolean on);
    }
}
