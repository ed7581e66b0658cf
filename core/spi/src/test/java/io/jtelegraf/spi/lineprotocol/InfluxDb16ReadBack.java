package io.jtelegraf.spi.lineprotocol;

/**
 * What InfluxDB 1.6.7 gives back for a string Telegraf's serializer wrote in one position of a
 * line, as found by experiment against the real server (outputs-influx's
 * {@code RealInfluxDbRoundTripTest} asserts it for every case it writes). Strings that read back
 * unchanged are the rule; the exceptions,
 * listed in RELIABILITY.md, are:
 * <ul>
 *   <li>TAB, LF, FF and CR in names, tag keys, tag values and field keys: Telegraf writes
 *       {@code \t}, {@code \n}, {@code \f}, {@code \r}, which InfluxDB does not unescape, so they
 *       read back as a backslash and a letter. (Raw in string values, and read back raw.)</li>
 *   <li>Measurement names: InfluxDB unescapes {@code \,} {@code \ } {@code \=} {@code \"}, and
 *       does so twice, so a backslash the user wrote before any of {@code , = "} or a space is
 *       lost ({@code a\,b} reads back {@code a,b}, and some such names, for example with a
 *       leading or trailing space, are not found by {@code SELECT} at all); a trailing backslash escapes the comma before
 *       the tags, which then become part of the name; leading NUL characters are dropped (a name
 *       of only NULs is refused); a name starting with {@code #} makes the line a comment,
 *       silently dropped.</li>
 *   <li>Tag keys and values: trailing backslashes are trimmed by Telegraf itself; everything else,
 *       a backslash before a special character included, reads back unchanged.</li>
 *   <li>Field keys: a backslash before a comma, space or {@code =}, or any backslash at the end,
 *       makes InfluxDB refuse the line (HTTP 400); a backslash before {@code "} is lost; leading
 *       NULs are dropped.</li>
 *   <li>String field values: always unchanged.</li>
 * </ul>
 * Java itself writes a lone surrogate as {@code ?}; the model starts from that text.
 */
public final class InfluxDb16ReadBack {

    /** Where the string was written. */
    public enum Role { MEASUREMENT, TAG_KEY, TAG_VALUE, FIELD_KEY, STRING_VALUE }

    /** The outcome of writing one line and querying it back. */
    public record Outcome(Kind kind, String value) {
        public static Outcome readBack(String value) {
            return new Outcome(Kind.READ_BACK, value);
        }

        public static final Outcome REFUSED_BY_SERIALIZER = new Outcome(Kind.REFUSED_BY_SERIALIZER, null);
        public static final Outcome REJECTED = new Outcome(Kind.REJECTED, null);
        public static final Outcome NOT_FOUND = new Outcome(Kind.NOT_FOUND, null);
        public static final Outcome TAG_OMITTED = new Outcome(Kind.TAG_OMITTED, null);

        /** Whether {@code actual}, which is never READ_BACK_OR_NOT_FOUND, is what this outcome allows. */
        public boolean allows(Outcome actual) {
            if (kind == Kind.READ_BACK_OR_NOT_FOUND) {
                return actual.equals(NOT_FOUND) || actual.equals(readBack(value));
            }
            return equals(actual);
        }

        @Override
        public String toString() {
            return switch (kind) {
                case READ_BACK -> "read back " + Printable.of(value);
                case READ_BACK_OR_NOT_FOUND -> "read back " + Printable.of(value) + " or not found";
                default -> kind.toString();
            };
        }
    }

    public enum Kind {
        /** Stored and found; {@code value} is what the query returns. */
        READ_BACK,
        /** The serializer drops it (empty name, empty field key: no field left). */
        REFUSED_BY_SERIALIZER,
        /** Telegraf leaves an empty tag out. */
        TAG_OMITTED,
        /** InfluxDB answers 400. */
        REJECTED,
        /** InfluxDB answers 204 but the query does not find the point with its case tag. */
        NOT_FOUND,
        /** Either read back as {@code value} (not the original) or not found. */
        READ_BACK_OR_NOT_FOUND
    }

    private InfluxDb16ReadBack() {
    }

    public static Outcome expected(Role role, String original) {
        String text = ReferenceLineProtocol.asOnTheWire(original);
        return switch (role) {
            case STRING_VALUE -> Outcome.readBack(text);
            case TAG_KEY, TAG_VALUE -> tag(text);
            case FIELD_KEY -> fieldKey(text);
            case MEASUREMENT -> measurement(text);
        };
    }

    private static Outcome tag(String text) {
        String wire = ReferenceLineProtocol.trimTrailingBackslashes(ReferenceLineProtocol.escapeKey(text));
        return wire.isEmpty() ? Outcome.TAG_OMITTED : Outcome.readBack(unescape(wire, ", ="));
    }

    private static Outcome fieldKey(String text) {
        if (text.isEmpty()) {
            return Outcome.REFUSED_BY_SERIALIZER;
        }
        String wire = withoutLeadingNuls(ReferenceLineProtocol.escapeKey(text));
        // InfluxDB checks the fields skipping a backslash and the byte after it, so an unescaped
        // separator breaks the field; it then finds the '=' as the first one not preceded by a
        // backslash, so any backslash at the end of the key (even an escaped pair) swallows it.
        if (wire.endsWith("\\")) {
            return Outcome.REJECTED;
        }
        for (int i = 0; i < wire.length(); i++) {
            char c = wire.charAt(i);
            if (c == '\\') {
                if (i + 1 >= wire.length()) {
                    return Outcome.REJECTED;
                }
                i++;
            } else if (c == ',' || c == ' ' || c == '=') {
                return Outcome.REJECTED;
            }
        }
        return Outcome.readBack(unescape(wire, ", =\""));
    }

    private static Outcome measurement(String text) {
        if (text.isEmpty()) {
            return Outcome.REFUSED_BY_SERIALIZER;
        }
        String wire = withoutLeadingNuls(ReferenceLineProtocol.escapeName(text));
        if (wire.isEmpty()) {
            return Outcome.REJECTED;
        } else if (wire.startsWith("#")) {
            return Outcome.NOT_FOUND;
        } else if (text.endsWith("\\")) {
            return Outcome.NOT_FOUND;
        }
        // InfluxDB unescapes the name twice on its way into the index. Where the second pass
        // changes it (a backslash the user wrote before an escaped character), SELECT finds the
        // series under the twice-unescaped name in some cases and not at all in others (seen with
        // a leading or trailing space and with a backslash left over): lost either way.
        String once = unescape(wire, ", =\"");
        String twice = unescape(once, ", =\"");
        return once.equals(twice) ? Outcome.readBack(once) : new Outcome(Kind.READ_BACK_OR_NOT_FOUND, twice);
    }

    /** InfluxDB's unescaping: a backslash followed by one of {@code specials} becomes that character. */
    static String unescape(String text, String specials) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && specials.indexOf(text.charAt(i + 1)) >= 0) {
                out.append(text.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String withoutLeadingNuls(String text) {
        int start = 0;
        while (start < text.length() && text.charAt(start) == '\u0000') {
            start++;
        }
        return text.substring(start);
    }

    /** Shows control characters as escapes in messages. */
    public static final class Printable {
        private Printable() {
        }

        public static String of(String text) {
            if (text == null) {
                return "null";
            }
            StringBuilder out = new StringBuilder("\"");
            text.codePoints().forEach(cp -> {
                if (cp < 0x20 || cp == 0x7f || (cp >= 0xd800 && cp <= 0xdfff)) {
                    out.append(String.format("\\u%04x", cp));
                } else if (cp == '"' || cp == '\\') {
                    out.append('\\').appendCodePoint(cp);
                } else {
                    out.appendCodePoint(cp);
                }
            });
            return out.append('"').toString();
        }
    }
}
