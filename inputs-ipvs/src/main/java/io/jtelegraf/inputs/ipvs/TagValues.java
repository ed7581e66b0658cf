package io.jtelegraf.inputs.ipvs;

/** Tag texts as Telegraf writes them. */
final class TagValues {
    private static final String[] SMALL_NUMBERS = new String[256];

    static {
        for (int i = 0; i < SMALL_NUMBERS.length; i++) {
            SMALL_NUMBERS[i] = Integer.toString(i);
        }
    }

    private TagValues() {
    }

    /** "inet" for AF_INET (2), "inet6" for AF_INET6 (10), else the number. */
    static String addressFamily(int family) {
        return switch (family) {
            case 2 -> "inet";
            case 10 -> "inet6";
            default -> decimal(family);
        };
    }

    /** "tcp" (6), "udp" (17), "sctp" (132), else the number. */
    static String protocol(int protocol) {
        return switch (protocol) {
            case 6 -> "tcp";
            case 17 -> "udp";
            case 132 -> "sctp";
            default -> decimal(protocol);
        };
    }

    /** An unsigned 32-bit number as decimal text; small ones without allocating. */
    static String decimal(int value) {
        return value >= 0 && value < SMALL_NUMBERS.length ? SMALL_NUMBERS[value] : Integer.toUnsignedString(value);
    }
}
