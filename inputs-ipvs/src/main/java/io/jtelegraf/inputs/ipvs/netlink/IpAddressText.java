package io.jtelegraf.inputs.ipvs.netlink;

/**
 * Formats IP addresses exactly as Go's {@code net.IP.String()} does, which is what Telegraf puts
 * into the {@code address} tags: IPv4 dotted quad; IPv6 in RFC 5952 form (lower case, no leading
 * zeros, the longest run of two or more zero groups, the first of equally long runs, written as
 * {@code ::}); an IPv4-mapped IPv6 address {@code ::ffff:a.b.c.d} as plain {@code a.b.c.d}.
 * {@link java.net.Inet6Address#getHostAddress()} does not compress zeros, hence this class.
 */
public final class IpAddressText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private IpAddressText() {
    }

    /** Formats {@code bytes[0..4)} as IPv4 when {@code ipv4}, otherwise {@code bytes[0..16)} as IPv6. */
    public static String format(byte[] bytes, boolean ipv4) {
        if (ipv4) {
            return formatIpv4(bytes, 0);
        }
        if (isIpv4Mapped(bytes)) {
            return formatIpv4(bytes, 12);
        }
        return formatIpv6(bytes);
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static String formatIpv4(byte[] bytes, int offset) {
        char[] out = new char[15];
        int length = 0;
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                out[length++] = '.';
            }
            length = appendDecimal(out, length, bytes[offset + i] & 0xff);
        }
        return new String(out, 0, length);
    }

    private static int appendDecimal(char[] out, int length, int value) {
        if (value >= 100) {
            out[length++] = (char) ('0' + value / 100);
        }
        if (value >= 10) {
            out[length++] = (char) ('0' + value / 10 % 10);
        }
        out[length++] = (char) ('0' + value % 10);
        return length;
    }

    private static String formatIpv6(byte[] bytes) {
        int zeroStart = -1;
        int zeroEnd = -1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && group(bytes, j) == 0) {
                j++;
            }
            // RFC 5952 4.2.2: a single zero group is not compressed; 4.2.3: first longest run wins.
            if (j - i >= 2 && j - i > zeroEnd - zeroStart) {
                zeroStart = i;
                zeroEnd = j;
            }
            i = Math.max(i, j);
        }
        char[] out = new char[39];
        int length = 0;
        for (int i = 0; i < 8; i++) {
            if (i == zeroStart) {
                out[length++] = ':';
                out[length++] = ':';
                i = zeroEnd - 1;
                continue;
            }
            if (i > 0 && i != zeroEnd) {
                out[length++] = ':';
            }
            length = appendHex(out, length, group(bytes, i));
        }
        return new String(out, 0, length);
    }

    private static int group(byte[] bytes, int index) {
        return (bytes[2 * index] & 0xff) << 8 | (bytes[2 * index + 1] & 0xff);
    }

    private static int appendHex(char[] out, int length, int value) {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int digit = (value >>> shift) & 0xf;
            if (digit != 0 || started || shift == 0) {
                out[length++] = HEX[digit];
                started = true;
            }
        }
        return length;
    }
}
