package io.jtelegraf.agent.runtime;

import io.jtelegraf.agent.buffer.DiskBuffer;
import java.io.IOException;

/** Opens an output's {@link DiskBuffer} when the agent starts running (not at build time). */
@FunctionalInterface
interface DurableBufferOpener {
    DiskBuffer open() throws IOException;
}
