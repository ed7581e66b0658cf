package io.jtelegraf.outputs.influxdb.common;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Binds every outgoing socket to {@code local_address} before OkHttp connects it. OkHttp always
 * asks for an unconnected socket, so only {@link #createSocket()} matters; the others are bound
 * too for completeness.
 */
final class LocalAddressSocketFactory extends SocketFactory {
    private final InetSocketAddress localAddress;

    LocalAddressSocketFactory(InetSocketAddress localAddress) {
        this.localAddress = localAddress;
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Socket();
        socket.bind(localAddress);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return new Socket(host, port, localAddress.getAddress(), localAddress.getPort());
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return new Socket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return new Socket(host, port, localAddress.getAddress(), localAddress.getPort());
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localHost, int localPort) throws IOException {
        return new Socket(address, port, localHost, localPort);
    }
}
