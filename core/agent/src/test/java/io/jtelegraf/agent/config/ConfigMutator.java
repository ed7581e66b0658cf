package io.jtelegraf.agent.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Damages config text the way editors, copy-paste and tired operators do: characters lost or
 * doubled, quotes swapped, brackets broken, files cut short, garbage inserted, values replaced by
 * ones of the wrong type, lines doubled or swapped. Deterministic for a given {@link Random}.
 */
final class ConfigMutator {

    /** One kind of damage. */
    enum Mutation {
        DELETE_CHARACTER, DUPLICATE_CHARACTER, SWAP_QUOTES, BREAK_BRACKET, TRUNCATE, INSERT_GARBAGE,
        WRONG_TYPE_VALUE, DUPLICATE_LINE, SWAP_LINES
    }

    /** The damaged text and what was done to it, for the failure message. */
    record Mutated(String text, List<String> steps) {
    }

    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^(\\s*[\"']?[A-Za-z0-9_.\\- ]+[\"']?\\s*=\\s*)(.*)$");

    /** Values of every TOML type, including broken and surprising ones. */
    private static final List<String> VALUES = List.of(
            "\"text\"", "'literal'", "\"\"", "42", "-1", "0", "9223372036854775807", "99999999999999999999",
            "1.5", "-0.0", "nan", "inf", "1e400", "true", "false", "[]", "[1, 2]", "[\"a\", 1]", "[[\"a\"]]",
            "{}", "{a = \"b\"}", "{a = 1}", "1979-05-27T07:32:00Z", "07:32:00", "\"10\"", "\"-5s\"", "\"1x\"",
            "\"${UNSET}\"", "\"${REQUIRED:?is needed}\"", "\"@{store:key}\"", "\"\\u00e9\\ud83d\"", "\"\"\"multi\nline\"\"\"",
            "'''raw\\'''", "0x1F", "0o17", "0b101", "1_000", "+inf", "\"\\\"\"", "= 1", "", "\"unterminated", "[",
            "{a = ", "\"\\q\"");

    private static final String GARBAGE = "[]{}\"'=#,.\\$@\n\t \u00e9\u4e2d\ud83d\ude00\u0000\u0007\u007f\ufeff:+-_0aZ";

    private ConfigMutator() {
    }

    static Mutated mutate(String original, Random random, int count) {
        String text = original;
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
            String before = text;
            text = apply(mutation, text, random);
            steps.add(mutation + (before.equals(text) ? " (no change)" : ""));
        }
        return new Mutated(text, List.copyOf(steps));
    }

    static String apply(Mutation mutation, String text, Random random) {
        if (text.isEmpty()) {
            return mutation == Mutation.INSERT_GARBAGE ? garbage(random) : text;
        }
        int at = random.nextInt(text.length());
        return switch (mutation) {
            case DELETE_CHARACTER -> text.substring(0, at) + text.substring(at + 1);
            case DUPLICATE_CHARACTER -> text.substring(0, at + 1) + text.substring(at);
            case SWAP_QUOTES -> swapQuote(text, random);
            case BREAK_BRACKET -> breakBracket(text, random);
            case TRUNCATE -> text.substring(0, at);
            case INSERT_GARBAGE -> text.substring(0, at) + garbage(random) + text.substring(at);
            case WRONG_TYPE_VALUE -> replaceValue(text, random);
            case DUPLICATE_LINE -> duplicateLine(text, random);
            case SWAP_LINES -> swapLines(text, random);
        };
    }

    private static String garbage(Random random) {
        StringBuilder out = new StringBuilder();
        int length = 1 + random.nextInt(6);
        for (int i = 0; i < length; i++) {
            int index = random.nextInt(GARBAGE.length());
            char c = GARBAGE.charAt(index);
            // Keep surrogate pairs whole most of the time; a lone half now and then is garbage too.
            if (Character.isHighSurrogate(c) && random.nextInt(4) > 0) {
                out.append(c).append(GARBAGE.charAt(index + 1));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String swapQuote(String text, Random random) {
        List<Integer> quotes = positionsOf(text, "\"'");
        if (quotes.isEmpty()) {
            return text;
        }
        int at = quotes.get(random.nextInt(quotes.size()));
        char replacement = text.charAt(at) == '"' ? '\'' : '"';
        return text.substring(0, at) + replacement + text.substring(at + 1);
    }

    private static String breakBracket(String text, Random random) {
        List<Integer> brackets = positionsOf(text, "[]{}");
        if (brackets.isEmpty()) {
            return text;
        }
        int at = brackets.get(random.nextInt(brackets.size()));
        String replacement = switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> text.substring(at, at + 1) + text.charAt(at);
            default -> String.valueOf("[]{}".charAt(random.nextInt(4)));
        };
        return text.substring(0, at) + replacement + text.substring(at + 1);
    }

    private static String replaceValue(String text, Random random) {
        Matcher matcher = ASSIGNMENT.matcher(text);
        List<int[]> values = new ArrayList<>();
        while (matcher.find()) {
            values.add(new int[] {matcher.start(2), matcher.end(2)});
        }
        if (values.isEmpty()) {
            return text;
        }
        int[] span = values.get(random.nextInt(values.size()));
        return text.substring(0, span[0]) + VALUES.get(random.nextInt(VALUES.size())) + text.substring(span[1]);
    }

    private static String duplicateLine(String text, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        lines.add(at, lines.get(at));
        return String.join("\n", lines);
    }

    private static String swapLines(String text, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        String line = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, line);
        return String.join("\n", lines);
    }

    private static List<Integer> positionsOf(String text, String characters) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                positions.add(i);
            }
        }
        return positions;
    }
}
