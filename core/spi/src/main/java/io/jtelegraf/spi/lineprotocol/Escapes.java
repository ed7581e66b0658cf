package io.jtelegraf.spi.lineprotocol;

/**
 * Writes text into a {@link LineBuffer} as UTF-8 with line protocol's backslash escapes. ASCII
 * characters that need no escape are copied byte by byte; only other characters take the slower
 * branches. A lone surrogate is written as {@code ?}, as {@link String#getBytes} would.
 */
final class Escapes {
    /** Measurement names: tab, newline, form feed, carriage return, comma and space. */
    static final byte NAME = 1;
    /** Tag keys, tag values and field keys: as {@link #NAME}, plus {@code =}. */
    static final byte KEY = 2;
    /** Inside a quoted string field value: only {@code "} and {@code \}. */
    static final byte STRING = 4;

    /** Per ASCII character, the contexts in which it is escaped. */
    private static final byte[] ESCAPED_IN = new byte[128];
    /** Per ASCII character, the character written after the backslash. */
    private static final byte[] AFTER_BACKSLASH = new byte[128];

    static {
        escape('\t', 't', NAME | KEY);
        escape('\n', 'n', NAME | KEY);
        escape('\f', 'f', NAME | KEY);
        escape('\r', 'r', NAME | KEY);
        escape(',', ',', NAME | KEY);
        escape(' ', ' ', NAME | KEY);
        escape('=', '=', KEY);
        escape('"', '"', STRING);
        escape('\\', '\\', STRING);
    }

    private Escapes() {
    }

    private static void escape(char c, char written, int contexts) {
        ESCAPED_IN[c] = (byte) contexts;
        AFTER_BACKSLASH[c] = (byte) written;
    }

    /** Writes the first {@code end} characters of {@code text} escaped for {@code context}. */
    static void write(LineBuffer out, String text, int end, byte context) {
        // Three bytes per UTF-16 unit covers every case: an escape is 2, a BMP character at most
        // 3, a surrogate pair 4 for two units.
        byte[] bytes = out.ensure(3 * end);
        int pos = out.length;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if ((ESCAPED_IN[c] & context) == 0) {
                    bytes[pos++] = (byte) c;
                } else {
                    bytes[pos++] = '\\';
                    bytes[pos++] = AFTER_BACKSLASH[c];
                }
            } else if (c < 0x800) {
                bytes[pos++] = (byte) (0xc0 | (c >> 6));
                bytes[pos++] = (byte) (0x80 | (c & 0x3f));
            } else if (!Character.isSurrogate(c)) {
                bytes[pos++] = (byte) (0xe0 | (c >> 12));
                bytes[pos++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                bytes[pos++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                bytes[pos++] = (byte) (0xf0 | (codePoint >> 18));
                bytes[pos++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
                bytes[pos++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
                bytes[pos++] = (byte) (0x80 | (codePoint & 0x3f));
            } else {
                bytes[pos++] = '?';
            }
        }
        out.length = pos;
    }

    /**
     * The length of {@code text} without its trailing backslashes. Line protocol cannot encode a
     * tag key or value that ends in a backslash (it would escape the following separator), so
     * Telegraf trims them. Escaping never adds a trailing backslash, so trimming before escaping
     * gives the same result as Telegraf's trimming after it.
     */
    static int lengthWithoutTrailingBackslashes(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\\') {
            end--;
        }
        return end;
    }
}
