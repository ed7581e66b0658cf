package io.jtelegraf.outputs.influxdb.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.testkit.TestPluginConfigs;
import io.jtelegraf.testkit.TestPluginContext;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The output's client opens sockets with Nagle's algorithm off, as Go does; otherwise the last
 * piece of every chunked request waited for the server's delayed acknowledgement.
 */
class NoDelaySocketFactoryTest {

    private static OkHttpClient client(String toml) {
        HttpOptions options = HttpOptions.read(TestPluginConfigs.fromToml("outputs.influxdb", toml),
                new TestPluginContext("outputs.influxdb"), HttpOptions.DEFAULT_TIMEOUT);
        return options.newClient(Duration.ZERO);
    }

    @Test
    void theClientsSocketsHaveNoDelay() throws Exception {
        try (Socket socket = client("").socketFactory().createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void socketsBoundToTheLocalAddressHaveNoDelayToo() throws Exception {
        try (Socket socket = client("local_address = \"127.0.0.1\"").socketFactory().createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
            assertThat(socket.getLocalAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        }
    }
}
