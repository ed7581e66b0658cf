package io.jtelegraf.inputs.ipvs.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jnr-ffi facade and the real socket transport on the build machine's own kernel. Only the
 * generic netlink controller ("nlctrl", always present) is asked, never the IPVS family: looking
 * IPVS up would make kernels since 5.16 load the ip_vs module by themselves.
 */
class LibcNetlinkTransportTest {

    @BeforeAll
    static void linuxOnly() {
        require(System.getProperty("os.name", "").startsWith("Linux"), "netlink sockets exist on Linux only");
    }

    /** Skips loudly, but fails under CI=true, where the environment is meant to have everything. */
    static void require(boolean condition, String reason) {
        if (!condition) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but the prerequisite is missing: " + reason);
            }
            Assumptions.abort("SKIPPED: " + reason);
        }
    }

    private static int controllerFamilyId(NetlinkTransport transport) throws IpvsException {
        NetlinkExchange exchange = new NetlinkExchange(transport, Duration.ofSeconds(2));
        int sequence = exchange.nextSequence();
        int length = NetlinkRequests.getFamily(transport.requestBuffer(), sequence, "nlctrl");
        int[] familyId = {-1};
        exchange.execute(length, sequence, 0x10, (buffer, offset, size) -> familyId[0] = IpvsReplyParser.familyId(buffer, offset, size));
        return familyId[0];
    }

    @Test
    void aRealSocketResolvesTheControllerFamily() throws IpvsException {
        try (LibcNetlinkTransport transport = LibcNetlinkTransport.open(Duration.ofSeconds(2), null)) {
            assertThat(controllerFamilyId(transport)).isEqualTo(0x10);
            assertThat(controllerFamilyId(transport)).as("the socket is reusable").isEqualTo(0x10);
            assertThat(transport.portId()).isNotZero();
        }
    }

    @Test
    void aReceiveWithoutARequestEndsAtTheReceiveTimeout() throws IpvsException {
        try (LibcNetlinkTransport transport = LibcNetlinkTransport.open(Duration.ofMillis(50), null)) {
            assertThatThrownBy(transport::receive)
                    .isInstanceOf(IpvsException.class)
                    .hasMessageContaining("receive timeout")
                    .extracting(e -> ((IpvsException) e).errno()).isEqualTo(Errno.EAGAIN);
        }
    }

    @Test
    void aRequestTheKernelNeverAnswersEndsAtTheReceiveTimeout() throws IpvsException {
        // nlmsg_type 0 is below NLMSG_MIN_TYPE: the kernel acknowledges such a message only when
        // NLM_F_ACK is set, so without it no reply ever comes (ipvs-netlink notes, section 1.3).
        // This is netlink's core, not IPVS, so the host kernel shows it without a guest.
        try (LibcNetlinkTransport transport = LibcNetlinkTransport.open(Duration.ofMillis(200), null)) {
            transport.requestBuffer().putInt(0, 16).putShort(4, (short) 0)
                    .putShort(6, (short) NetlinkConstants.NLM_F_REQUEST).putInt(8, 1).putInt(12, 0);
            transport.send(16);
            assertThatThrownBy(transport::receive).isInstanceOf(IpvsException.class)
                    .hasMessageContaining("receive timeout")
                    .extracting(e -> ((IpvsException) e).errno()).isEqualTo(Errno.EAGAIN);
        }
    }

    @Test
    void aSystemCallErrorCarriesErrnoAndStrerrorText() throws IpvsException {
        Libc libc = Libc.get();

        assertThatThrownBy(() -> libc.open("/nonexistent/ipvs-test", NetlinkConstants.O_RDONLY))
                .isInstanceOf(IpvsException.class)
                .hasMessage("open /nonexistent/ipvs-test: no such file or directory")
                .extracting(e -> ((IpvsException) e).errno()).isEqualTo(Errno.ENOENT);
    }

    @Test
    void aSocketCanBeOpenedThroughANamespaceFile() throws IpvsException {
        // Our own namespace: setns works the same, and needs CAP_SYS_ADMIN the same.
        try (LibcNetlinkTransport transport = LibcNetlinkTransport.open(Duration.ofSeconds(2), Path.of("/proc/self/ns/net"))) {
            assertThat(controllerFamilyId(transport)).isEqualTo(0x10);
        } catch (IpvsException e) {
            require(e.errno() != Errno.EPERM, "entering a network namespace needs CAP_SYS_ADMIN: " + e.getMessage());
            throw e;
        }
    }

    @Test
    void aMissingNamespaceFileIsNamed() {
        assertThatThrownBy(() -> LibcNetlinkTransport.open(Duration.ofSeconds(1), Path.of("/run/netns/does-not-exist-ipvs-test")))
                .isInstanceOf(IpvsException.class)
                .hasMessageStartingWith("cannot open network namespace file (netns = \"/run/netns/does-not-exist-ipvs-test\")")
                .hasMessageContaining("no such file or directory");
    }

    @Test
    void aFileThatIsNoNamespaceIsRejected(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("plain"), "not a namespace");

        assertThatThrownBy(() -> LibcNetlinkTransport.open(Duration.ofSeconds(1), file))
                .isInstanceOf(IpvsException.class)
                .hasMessageContaining("cannot enter network namespace " + file)
                .hasMessageContaining("invalid argument")
                .hasMessageContaining("not a network namespace");
    }
}
