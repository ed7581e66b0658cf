package io.jtelegraf.outputs.file;

import java.io.IOException;

/** One entry of {@code files}: standard output or a rotating file. */
interface Destination extends AutoCloseable {

    /** What the destination is called in messages: the {@code files} entry. */
    String name();

    /** Writes one chunk. */
    void write(byte[] bytes, int length) throws IOException;

    /** Called at the end of each Output.write, so buffered bytes leave the process. */
    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
