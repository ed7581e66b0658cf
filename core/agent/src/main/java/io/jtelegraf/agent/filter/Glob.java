package io.jtelegraf.agent.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled glob pattern with the semantics of gobwas/glob v0.2.3, which Telegraf uses for every
 * name, tag and field filter (spec 2.3).
 *
 * <ul>
 *   <li>{@code *} matches any run of characters that contains no separator (anything when there are
 *       no separators);</li>
 *   <li>{@code **} matches any run of characters, separators included;</li>
 *   <li>{@code ?} matches one character that is not a separator;</li>
 *   <li>{@code [abc]}, {@code [a-z]}, {@code [!x]} match one character of (or not of) a class;</li>
 *   <li>{@code {a,b}} matches one of the alternatives, which may contain any of the above;</li>
 *   <li>{@code \} makes the next character literal.</li>
 * </ul>
 *
 * <p>Threading: immutable, safe to share.
 */
public final class Glob {
    private final String pattern;
    private final Node start;

    private Glob(String pattern, Node start) {
        this.pattern = pattern;
        this.start = start;
    }

    /**
     * Compiles {@code pattern}; every code point of {@code separators} is a separator.
     *
     * @throws IllegalArgumentException for an unclosed class or alternation, or a trailing {@code \}
     */
    public static Glob compile(String pattern, String separators) {
        List<Piece> pieces = new Parser(pattern).parseAll();
        int[] separatorPoints = separators.codePoints().toArray();
        return new Glob(pattern, link(pieces, End.INSTANCE, separatorPoints));
    }

    /** Whether the whole of {@code text} matches. */
    public boolean matches(String text) {
        return start.match(text, 0);
    }

    @Override
    public String toString() {
        return pattern;
    }

    private static Node link(List<Piece> pieces, Node tail, int[] separators) {
        Node next = tail;
        for (int i = pieces.size() - 1; i >= 0; i--) {
            next = pieces.get(i).toNode(next, separators);
        }
        return next;
    }

    private static boolean isSeparator(int codePoint, int[] separators) {
        for (int separator : separators) {
            if (separator == codePoint) {
                return true;
            }
        }
        return false;
    }

    // ---- parse tree -------------------------------------------------------------------------

    private sealed interface Piece permits Text, Star, SuperStar, Single, CharClass, Alternation {
        Node toNode(Node next, int[] separators);
    }

    private record Text(String text) implements Piece {
        @Override
        public Node toNode(Node next, int[] separators) {
            return new LiteralNode(text, next);
        }
    }

    private record Star() implements Piece {
        @Override
        public Node toNode(Node next, int[] separators) {
            return new AnyNode(separators, next);
        }
    }

    private record SuperStar() implements Piece {
        @Override
        public Node toNode(Node next, int[] separators) {
            return new AnyNode(new int[0], next);
        }
    }

    private record Single() implements Piece {
        @Override
        public Node toNode(Node next, int[] separators) {
            return new SingleNode(separators, next);
        }
    }

    /** {@code ranges} holds inclusive [low, high] pairs. */
    private record CharClass(int[] ranges, boolean negated) implements Piece {
        @Override
        public Node toNode(Node next, int[] separators) {
            return new ClassNode(ranges, negated, next);
        }
    }

    private record Alternation(List<List<Piece>> branches) implements Piece {
        @Override
        public Node toNode(Node next, int[] separators) {
            List<Node> heads = new ArrayList<>(branches.size());
            for (List<Piece> branch : branches) {
                heads.add(link(branch, next, separators));
            }
            return new AlternationNode(heads.toArray(new Node[0]));
        }
    }

    /** A recursive-descent parser over code points. */
    private static final class Parser {
        private final String pattern;
        private int pos;

        Parser(String pattern) {
            this.pattern = pattern;
        }

        List<Piece> parseAll() {
            List<Piece> pieces = parseSequence(false);
            if (pos < pattern.length()) {
                throw error("unexpected '" + (char) pattern.codePointAt(pos) + "'");
            }
            return pieces;
        }

        /** Parses up to the end, or inside braces up to an unconsumed ',' or '}'. */
        private List<Piece> parseSequence(boolean inAlternation) {
            List<Piece> pieces = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            while (pos < pattern.length()) {
                int c = pattern.codePointAt(pos);
                if (inAlternation && (c == ',' || c == '}')) {
                    break;
                }
                pos += Character.charCount(c);
                switch (c) {
                    case '\\' -> {
                        if (pos >= pattern.length()) {
                            throw error("pattern ends with an escape character");
                        }
                        int escaped = pattern.codePointAt(pos);
                        pos += Character.charCount(escaped);
                        text.appendCodePoint(escaped);
                    }
                    case '*' -> {
                        flush(text, pieces);
                        if (pos < pattern.length() && pattern.charAt(pos) == '*') {
                            pos++;
                            pieces.add(new SuperStar());
                        } else {
                            pieces.add(new Star());
                        }
                    }
                    case '?' -> {
                        flush(text, pieces);
                        pieces.add(new Single());
                    }
                    case '[' -> {
                        flush(text, pieces);
                        pieces.add(parseClass());
                    }
                    case '{' -> {
                        flush(text, pieces);
                        pieces.add(parseAlternation());
                    }
                    default -> text.appendCodePoint(c);
                }
            }
            flush(text, pieces);
            return pieces;
        }

        private Alternation parseAlternation() {
            List<List<Piece>> branches = new ArrayList<>();
            while (true) {
                branches.add(parseSequence(true));
                if (pos >= pattern.length()) {
                    throw error("missing '}'");
                }
                char c = pattern.charAt(pos++);
                if (c == '}') {
                    return new Alternation(branches);
                }
            }
        }

        private CharClass parseClass() {
            boolean negated = false;
            if (pos < pattern.length() && pattern.charAt(pos) == '!') {
                negated = true;
                pos++;
            }
            List<Integer> ranges = new ArrayList<>();
            while (true) {
                if (pos >= pattern.length()) {
                    throw error("missing ']'");
                }
                if (pattern.charAt(pos) == ']') {
                    pos++;
                    break;
                }
                int low = nextClassChar();
                int high = low;
                if (pos + 1 < pattern.length() && pattern.charAt(pos) == '-' && pattern.charAt(pos + 1) != ']') {
                    pos++;
                    high = nextClassChar();
                    if (high < low) {
                        throw error("invalid range " + new String(Character.toChars(low)) + "-"
                                + new String(Character.toChars(high)));
                    }
                }
                ranges.add(low);
                ranges.add(high);
            }
            return new CharClass(ranges.stream().mapToInt(Integer::intValue).toArray(), negated);
        }

        private int nextClassChar() {
            int c = pattern.codePointAt(pos);
            pos += Character.charCount(c);
            if (c == '\\') {
                if (pos >= pattern.length()) {
                    throw error("pattern ends with an escape character");
                }
                c = pattern.codePointAt(pos);
                pos += Character.charCount(c);
            }
            return c;
        }

        private static void flush(StringBuilder text, List<Piece> pieces) {
            if (text.length() > 0) {
                pieces.add(new Text(text.toString()));
                text.setLength(0);
            }
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("invalid glob pattern \"" + pattern + "\": " + problem);
        }
    }

    // ---- matcher: each node matches itself followed by its successor chain -----------------

    private abstract static class Node {
        abstract boolean match(String text, int pos);
    }

    private static final class End extends Node {
        static final End INSTANCE = new End();

        @Override
        boolean match(String text, int pos) {
            return pos == text.length();
        }
    }

    private static final class LiteralNode extends Node {
        private final String literal;
        private final Node next;

        LiteralNode(String literal, Node next) {
            this.literal = literal;
            this.next = next;
        }

        @Override
        boolean match(String text, int pos) {
            return text.startsWith(literal, pos) && next.match(text, pos + literal.length());
        }
    }

    private static final class AnyNode extends Node {
        private final int[] separators;
        private final Node next;

        AnyNode(int[] separators, Node next) {
            this.separators = separators;
            this.next = next;
        }

        @Override
        boolean match(String text, int pos) {
            int p = pos;
            while (true) {
                if (next.match(text, p)) {
                    return true;
                }
                if (p >= text.length()) {
                    return false;
                }
                int c = text.codePointAt(p);
                if (isSeparator(c, separators)) {
                    return false;
                }
                p += Character.charCount(c);
            }
        }
    }

    private static final class SingleNode extends Node {
        private final int[] separators;
        private final Node next;

        SingleNode(int[] separators, Node next) {
            this.separators = separators;
            this.next = next;
        }

        @Override
        boolean match(String text, int pos) {
            if (pos >= text.length()) {
                return false;
            }
            int c = text.codePointAt(pos);
            return !isSeparator(c, separators) && next.match(text, pos + Character.charCount(c));
        }
    }

    private static final class ClassNode extends Node {
        private final int[] ranges;
        private final boolean negated;
        private final Node next;

        ClassNode(int[] ranges, boolean negated, Node next) {
            this.ranges = ranges;
            this.negated = negated;
            this.next = next;
        }

        @Override
        boolean match(String text, int pos) {
            if (pos >= text.length()) {
                return false;
            }
            int c = text.codePointAt(pos);
            boolean inClass = false;
            for (int i = 0; i < ranges.length; i += 2) {
                if (c >= ranges[i] && c <= ranges[i + 1]) {
                    inClass = true;
                    break;
                }
            }
            return inClass != negated && next.match(text, pos + Character.charCount(c));
        }
    }

    private static final class AlternationNode extends Node {
        private final Node[] branches;

        AlternationNode(Node[] branches) {
            this.branches = branches;
        }

        @Override
        boolean match(String text, int pos) {
            for (Node branch : branches) {
                if (branch.match(text, pos)) {
                    return true;
                }
            }
            return false;
        }
    }
}
