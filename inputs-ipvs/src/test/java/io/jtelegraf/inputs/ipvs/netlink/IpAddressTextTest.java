package io.jtelegraf.inputs.ipvs.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's net.IP.String() results (what Telegraf tags carry) for the interesting cases. */
class IpAddressTextTest {

    @ParameterizedTest
    @CsvSource({
            "10.10.0.1, 10.10.0.1",
            "0.0.0.0, 0.0.0.0",
            "255.255.255.255, 255.255.255.255",
            "2001:db8:10:0:0:0:0:1, 2001:db8:10::1",
            "0:0:0:0:0:0:0:0, ::",
            "0:0:0:0:0:0:0:1, ::1",
            "1:0:0:0:0:0:0:0, 1::",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:0DB8:ABCD:0012:0:0:0:0, 2001:db8:abcd:12::",
            "0:0:0:0:0:ffff:c000:0201, 192.0.2.1",
            "0:0:0:0:0:0:c000:0201, ::c000:201",
            "64:ff9b:0:0:0:0:c000:201, 64:ff9b::c000:201",
            "fe80:0:0:0:abcd:ef01:0:0, fe80::abcd:ef01:0:0",
    })
    void formatsLikeGo(String literal, String expected) throws UnknownHostException {
        byte[] bytes = InetAddress.getByName(literal).getAddress();
        byte[] sixteen = bytes.length == 16 ? bytes : mappedless(bytes);

        assertThat(IpAddressText.format(sixteen, bytes.length == 4)).isEqualTo(expected);
    }

    /** Java turns "::ffff:a.b.c.d" into an Inet4Address; rebuild the 16 bytes the kernel would send. */
    private static byte[] mappedless(byte[] ipv4) {
        byte[] sixteen = new byte[16];
        System.arraycopy(ipv4, 0, sixteen, 0, 4);
        return sixteen;
    }

    @Property(tries = 2000)
    void ipv6TextIsCanonicalAndDenotesTheSameAddress(@ForAll @Size(8) List<@IntRange(min = 0, max = 3) Integer> kinds,
                                                     @ForAll @Size(8) List<@IntRange(min = 0, max = 0xFFFF) Integer> groups)
            throws UnknownHostException {
        // Kinds 0 and 1 make zero groups frequent, so runs of zeros of every length occur.
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            int group = kinds.get(i) <= 1 ? 0 : groups.get(i);
            bytes[2 * i] = (byte) (group >>> 8);
            bytes[2 * i + 1] = (byte) group;
        }
        String text = IpAddressText.format(bytes, false);

        byte[] parsed = InetAddress.getByName(text).getAddress();
        if (parsed.length == 4) {
            assertThat(text).doesNotContain(":");
            assertThat(bytes).startsWith(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff});
        } else {
            assertThat(parsed).isEqualTo(bytes);
            assertThat(text).isLowerCase().doesNotContain(":::").doesNotContainPattern("(^|:)0[0-9a-f]");
            assertThat(text.split("::", -1).length).isLessThanOrEqualTo(2);
            boolean hasZeroRun = false;
            for (int i = 0; i < 7; i++) {
                hasZeroRun |= (bytes[2 * i] | bytes[2 * i + 1] | bytes[2 * i + 2] | bytes[2 * i + 3]) == 0;
            }
            assertThat(text.contains("::")).as("compressed exactly when two zero groups are adjacent").isEqualTo(hasZeroRun);
        }
    }
}
