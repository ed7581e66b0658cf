package io.jtelegraf.agent.config;

/**
 * Removes {@code #} comments from config text the way Telegraf does before it substitutes
 * environment variables (spec 1.2), so a {@code ${VAR}} inside a comment is never expanded and
 * never fails the load. Newlines are kept, so line numbers do not move.
 *
 * <p>A small lexer, not a TOML parser: it knows basic and literal strings (which end at their
 * quote or at a newline), the triple-quoted forms (which may span lines), and a backslash
 * outside strings, which protects the next character.
 */
final class CommentStripper {
    private final String text;
    private final StringBuilder out;
    private int pos;

    private CommentStripper(String text) {
        this.text = text;
        this.out = new StringBuilder(text.length());
    }

    static String strip(String text) {
        CommentStripper stripper = new CommentStripper(text);
        stripper.run();
        return stripper.out.toString();
    }

    private void run() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            switch (c) {
                case '\\' -> escape();
                case '\'' -> {
                    if (startsWith("'''")) {
                        tripleQuoted('\'', false);
                    } else {
                        singleLine('\'', false);
                    }
                }
                case '"' -> {
                    if (startsWith("\"\"\"")) {
                        tripleQuoted('"', true);
                    } else {
                        singleLine('"', true);
                    }
                }
                case '#' -> comment();
                default -> copy(1);
            }
        }
    }

    private boolean startsWith(String token) {
        return text.startsWith(token, pos);
    }

    private void copy(int count) {
        int end = Math.min(text.length(), pos + count);
        out.append(text, pos, end);
        pos = end;
    }

    /** A backslash and the character it protects. */
    private void escape() {
        copy(2);
    }

    private void singleLine(char quote, boolean backslashEscapes) {
        copy(1);
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (backslashEscapes && c == '\\') {
                escape();
                continue;
            }
            copy(1);
            if (c == quote || c == '\n') {
                return;
            }
        }
    }

    private void tripleQuoted(char quote, boolean backslashEscapes) {
        copy(3);
        String closing = String.valueOf(quote).repeat(3);
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (backslashEscapes && c == '\\') {
                escape();
                continue;
            }
            if (startsWith(closing)) {
                copy(3);
                return;
            }
            copy(1);
        }
    }

    private void comment() {
        int newline = text.indexOf('\n', pos);
        if (newline < 0) {
            pos = text.length();
        } else {
            pos = newline;
            copy(1);
        }
    }
}
