package io.jtelegraf.outputs.file;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * {@code compression_algorithm}: how each written chunk is compressed. As in Telegraf, every chunk
 * (one metric, or one batch with {@code use_batch_format}) becomes a complete gzip or zlib stream
 * of its own; concatenated gzip members decompress as one file with {@code gunzip}.
 */
enum Compression {
    IDENTITY,
    GZIP,
    ZLIB;

    /** {@code compression_level} meaning "the algorithm's default". */
    static final int DEFAULT_LEVEL = -1;

    /** A compressor for one chunk at {@code level}; the identity returns the chunk itself. */
    ChunkEncoder encoder(int level) {
        return switch (this) {
            case IDENTITY -> (bytes, length) -> new Chunk(bytes, length);
            case GZIP -> new StreamEncoder(level, true);
            case ZLIB -> new StreamEncoder(level, false);
        };
    }

    /** The bytes to write for one chunk: {@code bytes[0, length)}. */
    record Chunk(byte[] bytes, int length) {
    }

    /** Encodes one chunk. */
    @FunctionalInterface
    interface ChunkEncoder {
        Chunk encode(byte[] bytes, int length) throws IOException;
    }

    /** gzip or zlib through java.util.zip, one complete stream per chunk. */
    private static final class StreamEncoder implements ChunkEncoder {
        private final int level;
        private final boolean gzip;
        private final ExposedBytes out = new ExposedBytes();

        StreamEncoder(int level, boolean gzip) {
            this.level = level;
            this.gzip = gzip;
        }

        @Override
        public Chunk encode(byte[] bytes, int length) throws IOException {
            out.reset();
            if (gzip) {
                try (LeveledGzip stream = new LeveledGzip(out, level)) {
                    stream.write(bytes, 0, length);
                }
            } else {
                Deflater deflater = new Deflater(level);
                try (DeflaterOutputStream stream = new DeflaterOutputStream(out, deflater)) {
                    stream.write(bytes, 0, length);
                } finally {
                    deflater.end();
                }
            }
            return new Chunk(out.array(), out.size());
        }
    }

    /** GZIPOutputStream offers no level in its constructor; its deflater is protected. */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(ByteArrayOutputStream out, int level) throws IOException {
            super(out);
            def.setLevel(level);
        }
    }

    /** A reusable byte sink whose array can be written without another copy. */
    private static final class ExposedBytes extends ByteArrayOutputStream {
        byte[] array() {
            return buf;
        }
    }
}
