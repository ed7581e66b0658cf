package io.jtelegraf.inputs.ipvs.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DestinationTextsTest {
    private static byte[] ipv4(int a, int b, int c, int d) {
        byte[] bytes = new byte[16];
        bytes[0] = (byte) a;
        bytes[1] = (byte) b;
        bytes[2] = (byte) c;
        bytes[3] = (byte) d;
        return bytes;
    }

    @Test
    void theSameAddressAtThePositionGivesTheSameStringAgain() {
        DestinationTexts texts = new DestinationTexts();
        String first = texts.address(3, ipv4(10, 0, 0, 1), NetlinkConstants.AF_INET);

        assertThat(first).isEqualTo("10.0.0.1");
        assertThat(texts.address(3, ipv4(10, 0, 0, 1), NetlinkConstants.AF_INET)).isSameAs(first);
    }

    @Test
    void aChangedAddressOrFamilyIsFormattedAnew() {
        DestinationTexts texts = new DestinationTexts();
        texts.address(0, ipv4(10, 0, 0, 1), NetlinkConstants.AF_INET);

        assertThat(texts.address(0, ipv4(10, 0, 0, 2), NetlinkConstants.AF_INET)).isEqualTo("10.0.0.2");
        assertThat(texts.address(0, ipv4(10, 0, 0, 2), NetlinkConstants.AF_INET6)).isEqualTo("a00:2::");
        // Positions are independent, and growing keeps what was there.
        assertThat(texts.address(100, ipv4(192, 168, 1, 1), NetlinkConstants.AF_INET)).isEqualTo("192.168.1.1");
        assertThat(texts.address(0, ipv4(10, 0, 0, 2), NetlinkConstants.AF_INET6)).isEqualTo("a00:2::");
    }
}
