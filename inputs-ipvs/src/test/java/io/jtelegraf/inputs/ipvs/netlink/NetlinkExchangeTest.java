package io.jtelegraf.inputs.ipvs.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The message walk of one datagram, against recorded kernel answers. */
class NetlinkExchangeTest {
    private final List<Integer> handled = new ArrayList<>();
    private final NetlinkExchange.MessageHandler recorder = (buffer, offset, length) -> handled.add(offset);

    /** The datagram at the start of an array as large as the exchange's copy of each datagram. */
    private static byte[] buffer(byte[] datagram) {
        return Arrays.copyOf(datagram, NetlinkTransport.REPLY_BUFFER_SIZE);
    }

    private static int sequence(byte[] datagram) {
        return ByteBuffer.wrap(datagram).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
    }

    /** The errno errors/results.json records for a capture, e.g. "-95 (ENOTSUP)" gives 95. */
    private static int recordedErrno(String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\": \"-(\\d+) ").matcher(Recording.text("errors/results.json"));
        assertThat(matcher.find()).as("results.json entry for " + name).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown_cmd", "dest_without_dump_flag", "get_service_doit_unknown", "get_service_doit_no_attr",
            "policy_violation_extack", "policy_violation_noextack", "wrong_family_id", "getfamily_unknown_extack"})
    void errorAnswersBecomeKernelErrorsWithTheirErrno(String capture) {
        byte[] datagram = Recording.load("errors/" + capture + ".hex").allReplies().get(0);
        int errno = recordedErrno(capture);

        assertThatThrownBy(() -> NetlinkExchange.walk(buffer(datagram), datagram.length, sequence(datagram), 0x1c, recorder))
                .isInstanceOf(KernelErrorException.class)
                .hasMessage(Errno.text(errno))
                .extracting(e -> ((IpvsException) e).errno()).isEqualTo(errno);
        assertThat(handled).isEmpty();
    }

    @Test
    void anAcknowledgementEndsADoRequest() throws IpvsException {
        List<byte[]> replies = Recording.load("raw/02_get_info.hex").allReplies();
        byte[] info = replies.get(0);
        byte[] ack = replies.get(1);

        assertThat(NetlinkExchange.walk(buffer(info), info.length, sequence(info), 0x1c, recorder)).isTrue();
        assertThat(handled).containsExactly(0);
        assertThat(NetlinkExchange.walk(buffer(ack), ack.length, sequence(ack), 0x1c, recorder)).isTrue();
    }

    @Test
    void aDumpDatagramHandsOverEveryMessageAndDoneEndsIt() throws IpvsException {
        List<byte[]> replies = Recording.load("errors/dump_with_ack_flag.hex").allReplies();
        byte[] services = replies.get(0);
        byte[] done = replies.get(1);

        assertThat(NetlinkExchange.walk(buffer(services), services.length, sequence(services), 0x1c, recorder)).isFalse();
        assertThat(handled).hasSizeGreaterThan(1);
        assertThat(NetlinkExchange.walk(buffer(done), done.length, sequence(done), 0x1c, recorder)).isTrue();
    }

    @Test
    void messagesOfOtherSequenceNumbersOrTypesAreIgnored() throws IpvsException {
        byte[] services = Recording.load("raw/04_get_service_dump.hex").allReplies().get(0);

        assertThat(NetlinkExchange.walk(buffer(services), services.length, sequence(services) + 1, 0x1c, recorder)).isFalse();
        assertThat(NetlinkExchange.walk(buffer(services), services.length, sequence(services), 0x1d, recorder)).isFalse();
        assertThat(handled).isEmpty();
    }

    @Test
    void aMessageLongerThanItsDatagramIsMalformed() {
        byte[] services = Recording.load("raw/04_get_service_dump.hex").allReplies().get(0);

        assertThatThrownBy(() -> NetlinkExchange.walk(buffer(services), 100, sequence(services), 0x1c, recorder))
                .isInstanceOf(MalformedReplyException.class)
                .hasMessageContaining("does not fit the 100-byte datagram");
    }
}
