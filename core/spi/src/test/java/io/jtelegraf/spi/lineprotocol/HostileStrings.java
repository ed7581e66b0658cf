package io.jtelegraf.spi.lineprotocol;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Strings made of the pieces line protocol is most likely to get wrong: its separators, its
 * escape character in every position, quotes, control characters, a comment sign, multi-byte and
 * astral characters, and now and then a lone surrogate.
 */
public final class HostileStrings {
    /** The classes of pieces, listed in RELIABILITY.md. */
    static final List<String> PIECES = List.of(
            // separators and escapes
            ",", " ", "=", "\\", "\\\\", "\"", "'", "#",
            // control characters Telegraf escapes, and ones it does not
            "\t", "\n", "\r", "\f", "\u0000", "\u0001", "\u000b", "\u001f", "\u007f",
            // letters, digits, multi-byte and astral characters
            "a", "b", "Z", "0", "_", "-", ".", "é", "中", "\u2028", "\ufeff", "😀", "\ud834\udd1e",
            // a lone surrogate (written as '?' by Java's UTF-8 encoder)
            "\ud800");

    private HostileStrings() {
    }

    /** For jqwik properties: 0 to {@code maxPieces} pieces. */
    static Arbitrary<String> arbitrary(int maxPieces) {
        return Arbitraries.of(PIECES).list().ofMaxSize(maxPieces).map(pieces -> String.join("", pieces));
    }

    /** For seeded loops: 1 to {@code maxPieces} pieces. */
    public static String next(Random random, int maxPieces) {
        StringBuilder out = new StringBuilder();
        int count = 1 + random.nextInt(maxPieces);
        for (int i = 0; i < count; i++) {
            out.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return out.toString();
    }
}
