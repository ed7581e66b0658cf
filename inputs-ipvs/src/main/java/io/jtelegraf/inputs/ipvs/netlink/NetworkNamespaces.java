package io.jtelegraf.inputs.ipvs.netlink;

import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.CLONE_NEWNET;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.O_CLOEXEC;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.O_RDONLY;

import java.nio.file.Path;

/**
 * Creates a netlink socket inside another network namespace. A socket belongs for its whole life
 * to the namespace of the thread that created it, and {@code setns} changes the namespace of the
 * calling OS thread only. So the socket is created on a short-lived thread of its own that enters
 * the target namespace, creates the socket and returns to its original namespace, and no thread
 * of the agent ever runs in a foreign namespace.
 */
final class NetworkNamespaces {
    private static final String OWN_NAMESPACE = "/proc/thread-self/ns/net";

    private NetworkNamespaces() {
    }

    /** A new generic netlink socket in the namespace of {@code namespaceFile}. */
    static int socketIn(Libc libc, Path namespaceFile) throws IpvsException {
        int[] socket = {-1};
        IpvsException[] failure = {null};
        Thread thread = new Thread(() -> {
            try {
                socket[0] = socketOnThisThread(libc, namespaceFile.toString());
            } catch (IpvsException e) {
                failure[0] = e;
            } catch (RuntimeException e) {
                failure[0] = new IpvsException("cannot open a socket in network namespace " + namespaceFile + ": " + e, e);
            }
        }, "ipvs-netns-socket");
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IpvsException("interrupted while opening a socket in network namespace " + namespaceFile);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return socket[0];
    }

    private static int socketOnThisThread(Libc libc, String namespaceFile) throws IpvsException {
        int original = libc.open(OWN_NAMESPACE, O_RDONLY | O_CLOEXEC);
        try {
            int target = openNamespace(libc, namespaceFile);
            try {
                enter(libc, target, namespaceFile);
            } finally {
                libc.closeQuietly(target);
            }
            int socket;
            try {
                socket = LibcNetlinkTransport.newSocket(libc);
            } catch (IpvsException e) {
                returnQuietly(libc, original);
                throw e;
            }
            try {
                // Going back matters little on a thread that ends now, but keeps it honest.
                enter(libc, original, OWN_NAMESPACE);
            } catch (IpvsException e) {
                libc.closeQuietly(socket);
                throw e;
            }
            return socket;
        } finally {
            libc.closeQuietly(original);
        }
    }

    private static void returnQuietly(Libc libc, int original) {
        try {
            libc.setns(original, CLONE_NEWNET);
        } catch (IpvsException ignored) {
            // The thread ends right after; the socket error is the one worth reporting.
        }
    }

    private static int openNamespace(Libc libc, String namespaceFile) throws IpvsException {
        try {
            return libc.open(namespaceFile, O_RDONLY | O_CLOEXEC);
        } catch (IpvsException e) {
            throw new IpvsException("cannot open network namespace file (netns = \"" + namespaceFile + "\"): "
                    + e.getMessage(), e);
        }
    }

    private static void enter(Libc libc, int namespaceFd, String namespaceFile) throws IpvsException {
        try {
            libc.setns(namespaceFd, CLONE_NEWNET);
        } catch (IpvsException e) {
            String hint = e.errno() == Errno.EPERM
                    ? " (entering another network namespace needs CAP_SYS_ADMIN besides CAP_NET_ADMIN)"
                    : e.errno() == Errno.EINVAL ? " (the file is not a network namespace)" : "";
            throw new IpvsException("cannot enter network namespace " + namespaceFile + ": " + e.getMessage() + hint, e);
        }
    }
}
