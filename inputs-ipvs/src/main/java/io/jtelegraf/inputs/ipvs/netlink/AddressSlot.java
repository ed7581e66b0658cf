package io.jtelegraf.inputs.ipvs.netlink;

import java.util.Arrays;

/**
 * The 16 address bytes of a service or destination plus their family, with the formatted text
 * cached: holders are reused from gather to gather and usually see the same address in the same
 * slot, so the text is built once instead of on every gather.
 */
final class AddressSlot {
    private static final byte[] ZEROS = new byte[16];

    final byte[] bytes = new byte[16];
    private final byte[] textBytes = new byte[16];
    private int textFamily = -1;
    private String text;

    void clear() {
        // An intrinsic copy: cheaper than a fill loop for the once-per-message clear of a holder.
        System.arraycopy(ZEROS, 0, bytes, 0, 16);
    }

    void set(byte[] source) {
        if (source.length != 4 && source.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + source.length);
        }
        clear();
        System.arraycopy(source, 0, bytes, 0, source.length);
    }

    String text(int family) {
        if (text == null || textFamily != family || !Arrays.equals(bytes, textBytes)) {
            text = IpAddressText.format(bytes, family == NetlinkConstants.AF_INET);
            textFamily = family;
            System.arraycopy(bytes, 0, textBytes, 0, 16);
        }
        return text;
    }

    byte[] copy(int family) {
        return Arrays.copyOf(bytes, family == NetlinkConstants.AF_INET ? 4 : 16);
    }
}
