package io.jtelegraf.outputs.file;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output, buffered: the chunks of one write call are collected and handed to the stream
 * in large writes, flushed when the call ends. Closing flushes but leaves the stream open, since
 * the process still owns it.
 */
final class StdoutDestination implements Destination {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final BufferedOutputStream out;

    StdoutDestination(OutputStream stdout) {
        this.out = new BufferedOutputStream(stdout, BUFFER_BYTES);
    }

    @Override
    public String name() {
        return FileOutputSettings.STDOUT;
    }

    @Override
    public void write(byte[] bytes, int length) throws IOException {
        out.write(bytes, 0, length);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
