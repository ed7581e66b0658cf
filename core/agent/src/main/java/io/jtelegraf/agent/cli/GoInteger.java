package io.jtelegraf.agent.cli;

/**
 * Whole numbers as Telegraf's command line reads them: Go's flag package takes an integer flag's
 * value with base prefixes, so {@code --test-wait 010} is 8 seconds there and must be here too.
 * The forms: an optional sign, then decimal digits, or {@code 0x}/{@code 0X} and hexadecimal
 * digits, {@code 0o}/{@code 0O} or a leading {@code 0} and octal digits, {@code 0b}/{@code 0B}
 * and binary digits; an underscore may stand between two digits (a base prefix counts as one),
 * as in {@code 1_000}.
 */
final class GoInteger {
    /** A value that is not a whole number in any of the forms above. */
    static final class SyntaxException extends Exception {
        SyntaxException() {
            super(null, null, false, false);
        }
    }

    /** A whole number that does not fit the type asked for. */
    static final class RangeException extends Exception {
        RangeException() {
            super(null, null, false, false);
        }
    }

    private GoInteger() {
    }

    /** The value of {@code text} as an int. */
    static int parseInt(String text) throws SyntaxException, RangeException {
        long value = parseLong(text);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new RangeException();
        }
        return (int) value;
    }

    /** The value of {@code text} as a long. */
    static long parseLong(String text) throws SyntaxException, RangeException {
        int at = 0;
        boolean negative = false;
        if (!text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
            negative = text.charAt(0) == '-';
            at = 1;
        }
        int radix = 10;
        // Whether the last character read was a digit; a base prefix counts as one.
        boolean afterDigit = false;
        if (text.length() - at >= 2 && text.charAt(at) == '0') {
            radix = switch (Character.toLowerCase(text.charAt(at + 1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                case 'b' -> 2;
                // "0" followed by more: octal, the zero being the prefix.
                default -> 0;
            };
            at += radix == 0 ? 1 : 2;
            radix = radix == 0 ? 8 : radix;
            afterDigit = true;
        }
        // Accumulated below zero, where Long.MIN_VALUE fits too.
        long value = 0;
        int digits = 0;
        try {
            for (int i = at; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '_') {
                    if (!afterDigit) {
                        throw new SyntaxException();
                    }
                    afterDigit = false;
                    continue;
                }
                // Character.digit also takes non-ASCII digits, which Go does not.
                int digit = c < 0x80 ? Character.digit(c, radix) : -1;
                if (digit < 0) {
                    throw new SyntaxException();
                }
                value = Math.subtractExact(Math.multiplyExact(value, radix), digit);
                afterDigit = true;
                digits++;
            }
        } catch (ArithmeticException e) {
            throw new RangeException();
        }
        if (digits == 0 || !afterDigit) {
            // Nothing after a prefix or a sign, or an underscore at the end.
            throw new SyntaxException();
        }
        if (!negative && value == Long.MIN_VALUE) {
            throw new RangeException();
        }
        return negative ? value : -value;
    }
}
