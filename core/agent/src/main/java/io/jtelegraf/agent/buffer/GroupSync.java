package io.jtelegraf.agent.buffer;

import io.jtelegraf.spi.Logger;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/**
 * {@code buffer_disk_sync}'s group commit: appends return once their write reached the kernel
 * (which already survives the process being killed), and this thread forces the active segment
 * to stable storage, one fdatasync for everything appended since the previous one. A burst of
 * metrics from a gather therefore costs a few syncs instead of one per metric, and gather threads
 * never wait for the disk; a power failure can lose only what was appended during the last sync.
 *
 * <p>Threading: {@link #appended} from any thread (under the buffer's lock), {@link #close} once.
 */
final class GroupSync implements AutoCloseable {
    private final Logger logger;
    private final String folder;
    private final Thread thread;
    private Segment pending;
    private boolean dirty;
    private boolean closed;
    private boolean failing;

    GroupSync(String folder, Logger logger) {
        this.folder = folder;
        this.logger = logger;
        this.thread = new Thread(this::run, "disk buffer sync " + folder);
        // Daemon: a disk that hangs in fsync must not keep the process from exiting.
        thread.setDaemon(true);
        thread.start();
    }

    /** Records that {@code segment} has data to force. */
    synchronized void appended(Segment segment) {
        pending = segment;
        dirty = true;
        notifyAll();
    }

    /** Forces what is pending one last time and ends the thread (waiting at most 10 s). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            Segment segment;
            synchronized (this) {
                while (!dirty && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (!dirty) {
                    return;
                }
                segment = pending;
                dirty = false;
            }
            force(segment);
        }
    }

    private void force(Segment segment) {
        try {
            segment.force();
            if (failing) {
                failing = false;
                logger.warn("Disk buffer in " + folder + ": syncing to disk works again");
            }
        } catch (ClosedChannelException e) {
            // The segment was fully acknowledged and deleted meanwhile: nothing left to keep.
        } catch (IOException e) {
            if (!failing) {
                failing = true;
                logger.error("Disk buffer in " + folder + ": cannot sync to disk: " + BufferFolder.reason(e)
                        + "; buffered metrics may not survive a power failure");
            }
        }
    }
}
