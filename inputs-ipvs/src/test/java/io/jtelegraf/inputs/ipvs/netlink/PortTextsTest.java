package io.jtelegraf.inputs.ipvs.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortTextsTest {
    @Test
    void everyPortHasItsDecimalTextAsOneString() {
        for (int port = 0; port <= 0xFFFF; port++) {
            String text = PortTexts.of(port);
            assertThat(text).isEqualTo(Integer.toString(port));
            assertThat(PortTexts.of(port)).isSameAs(text);
        }
    }

    @Test
    void realServersAndVirtualServersShareThem() {
        RealServer first = new RealServer().port(8080);
        RealServer second = new RealServer().port(8080);
        assertThat(first.portText()).isEqualTo("8080").isSameAs(second.portText());
        assertThat(new VirtualServer().port(8080).portText()).isSameAs(first.portText());
    }

    @Test
    void numbersOutsideThePortRangeAreStillWritten() {
        assertThat(PortTexts.of(-1)).isEqualTo("-1");
        assertThat(PortTexts.of(65536)).isEqualTo("65536");
    }
}
