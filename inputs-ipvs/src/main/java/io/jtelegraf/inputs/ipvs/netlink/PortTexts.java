package io.jtelegraf.inputs.ipvs.netlink;

/**
 * The decimal text of each port, one String per port number for the whole process. A table
 * repeats a few ports (80, 443, 8080) over thousands of real servers: one String per port instead
 * of one per real server keeps them out of the live heap, and a serializer meets the same object
 * from line to line.
 *
 * <p>Thread-safe: blocks of 256 texts are made on first use; when two threads race, each may make
 * its own block or String, which are equal, and either is correct.
 */
final class PortTexts {
    private static final int BLOCK_BITS = 8;
    private static final String[][] BLOCKS = new String[1 << (16 - BLOCK_BITS)][];

    private PortTexts() {
    }

    /** The decimal text of {@code port}; numbers outside 0..65535 are formatted each time. */
    static String of(int port) {
        if (port < 0 || port > 0xFFFF) {
            return Integer.toString(port);
        }
        String[] block = BLOCKS[port >>> BLOCK_BITS];
        if (block == null) {
            block = new String[1 << BLOCK_BITS];
            BLOCKS[port >>> BLOCK_BITS] = block;
        }
        int index = port & ((1 << BLOCK_BITS) - 1);
        String text = block[index];
        if (text == null) {
            text = Integer.toString(port);
            block[index] = text;
        }
        return text;
    }
}
