package io.jtelegraf.outputs.file;

import io.jtelegraf.spi.files.RotatingFileWriter;
import java.io.IOException;

/** A file of {@code files}: each chunk is one write to the rotating file, as in Telegraf. */
final class RotatingFileDestination implements Destination {
    private final String name;
    private final RotatingFileWriter writer;

    RotatingFileDestination(String name, RotatingFileWriter writer) {
        this.name = name;
        this.writer = writer;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void write(byte[] bytes, int length) throws IOException {
        writer.write(bytes, 0, length);
    }

    @Override
    public void flush() {
        // Every chunk went to the file in its own write already.
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
