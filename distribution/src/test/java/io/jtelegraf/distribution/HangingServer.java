package io.jtelegraf.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on loopback that accepts every connection, reads whatever the client sends and
 * never answers: the "hanging server" of the fault tests. Counts connections accepted and those
 * still open (not yet closed by the client).
 *
 * <p>Threading: one daemon thread accepts, one daemon thread per connection drains it; {@link
 * #close} closes every socket, which ends them.
 */
final class HangingServer implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();

    HangingServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "hanging-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    /** Connections the client has not closed yet. */
    int open() {
        return open.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                accepted.incrementAndGet();
                open.incrementAndGet();
                connections.add(socket);
                Thread drain = new Thread(() -> drain(socket), "hanging-server-conn");
                drain.setDaemon(true);
                drain.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Reads until the client closes; never writes a byte. */
    private void drain(Socket socket) {
        byte[] sink = new byte[8192];
        try (socket; InputStream in = socket.getInputStream()) {
            while (in.read(sink) >= 0) {
                // discard the request: this server never answers
            }
        } catch (IOException e) {
            // reset by the client, or closed by close(): the connection is over either way
        } finally {
            open.decrementAndGet();
            connections.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
