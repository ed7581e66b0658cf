package io.jtelegraf.inputs.ipvs.netlink;

import java.util.Arrays;

/**
 * The address texts of one virtual server's real servers, by position in its dump. The kernel
 * lists a service's real servers in the same order from gather to gather, so the texts are
 * formatted once and then found by comparing 16 address bytes (port texts: {@link PortTexts}).
 *
 * <p>Kept per service instead of per holder: the client parses every dump into one shared list of
 * holders, and a cache of a few dozen bytes per real server is all that has to outlive a gather
 * (a holder with its statistics would be ten times that, on tables of 100,000 real servers).
 * Not thread-safe.
 */
final class DestinationTexts {
    private static final int ADDRESS_BYTES = 16;

    private byte[] addresses = new byte[0];
    private int[] families = new int[0];
    private String[] addressTexts = new String[0];

    /** The text of the address {@code bytes} (16, network order) of {@code family} at {@code position}. */
    String address(int position, byte[] bytes, int family) {
        ensure(position);
        int offset = position * ADDRESS_BYTES;
        String text = addressTexts[position];
        if (text == null || families[position] != family
                || !Arrays.equals(addresses, offset, offset + ADDRESS_BYTES, bytes, 0, ADDRESS_BYTES)) {
            text = IpAddressText.format(bytes, family == NetlinkConstants.AF_INET);
            System.arraycopy(bytes, 0, addresses, offset, ADDRESS_BYTES);
            families[position] = family;
            addressTexts[position] = text;
        }
        return text;
    }

    /** Grows the arrays to hold {@code position}; a service's real server count rarely changes. */
    private void ensure(int position) {
        if (position < addressTexts.length) {
            return;
        }
        int capacity = Math.max(position + 1, addressTexts.length + (addressTexts.length >> 1));
        addresses = Arrays.copyOf(addresses, capacity * ADDRESS_BYTES);
        families = Arrays.copyOf(families, capacity);
        addressTexts = Arrays.copyOf(addressTexts, capacity);
    }
}
