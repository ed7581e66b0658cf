package io.jtelegraf.testkit.influx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on the loopback interface, for servers a test starts. */
public final class LoopbackPorts {
    private LoopbackPorts() {
    }

    /**
     * A port nobody listens on right now. Another process may take it before the caller binds it;
     * tests accept that small race rather than parse a server's log for the port it chose.
     */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
