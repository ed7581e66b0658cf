package io.jtelegraf.outputs.file;

import io.jtelegraf.spi.Logger;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.Output;
import io.jtelegraf.spi.files.RotatingFileWriter;
import io.jtelegraf.spi.lineprotocol.LineBuffer;
import io.jtelegraf.spi.lineprotocol.LineProtocolSerializer;
import io.jtelegraf.spi.lineprotocol.SerializationException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code [[outputs.file]]}: writes metrics as line protocol to standard output and/or files, as
 * Telegraf's file output does.
 *
 * <ul>
 *   <li>Without {@code use_batch_format}, every metric is serialized, compressed and written on its
 *       own; a metric that cannot be serialized is logged at debug level and skipped. A write
 *       error on one destination keeps the later destinations from getting that metric; the other
 *       metrics are still written, and then the error is thrown so the batch is retried (and
 *       written again to the destinations that had it).</li>
 *   <li>With {@code use_batch_format}, the batch is one chunk; serialization, compression and
 *       write errors are logged and not thrown, so the batch is not retried.</li>
 * </ul>
 *
 * <p>Lifecycle and threading as {@link Output}: {@code connect} opens the destinations,
 * {@code write} calls never overlap, {@code close} closes (and rotates, if due) the files.
 */
final class FileOutput implements Output {
    private final FileOutputSettings settings;
    private final Logger log;
    private final Clock clock;
    private final Supplier<OutputStream> stdout;
    private final LineProtocolSerializer serializer;
    private final Compression.ChunkEncoder encoder;
    private final LineBuffer buffer = new LineBuffer();
    private List<Destination> destinations = List.of();

    FileOutput(FileOutputSettings settings, Logger log, Clock clock, Supplier<OutputStream> stdout) {
        this.settings = settings;
        this.log = log;
        this.clock = clock;
        this.stdout = stdout;
        this.serializer = new LineProtocolSerializer(settings.lineProtocol());
        this.encoder = settings.compression().encoder(settings.compressionLevel());
    }

    @Override
    public void connect() throws IOException {
        List<Destination> opened = new ArrayList<>();
        try {
            for (String name : settings.files()) {
                opened.add(open(name));
            }
        } catch (IOException e) {
            closeAll(opened);
            throw e;
        }
        destinations = List.copyOf(opened);
    }

    private Destination open(String name) throws IOException {
        if (name.equals(FileOutputSettings.STDOUT)) {
            return new StdoutDestination(stdout.get());
        }
        try {
            RotatingFileWriter writer = RotatingFileWriter.open(Path.of(name), settings.rotation(), clock,
                    error -> log.error("unable to rotate the file \"" + name + "\": " + describe(error)));
            return new RotatingFileDestination(name, writer);
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot open file \"" + name + "\": " + describe(e), e);
        }
    }

    @Override
    public void write(List<Metric> metrics) throws IOException {
        if (settings.useBatchFormat()) {
            writeBatch(metrics);
        } else {
            writeEach(metrics);
        }
    }

    private void writeEach(List<Metric> metrics) throws IOException {
        IOException failure = null;
        for (Metric metric : metrics) {
            buffer.reset();
            try {
                serializer.append(metric, buffer);
            } catch (SerializationException e) {
                log.debug("Could not serialize metric: " + e.getMessage());
                continue;
            }
            try {
                writeToAll(encoder.encode(buffer.array(), buffer.length()));
            } catch (IOException e) {
                failure = e;
            }
        }
        try {
            flushAll();
        } catch (IOException e) {
            failure = e;
        }
        if (failure != null) {
            throw new IOException("failed to write message: " + failure.getMessage(), failure);
        }
    }

    private void writeBatch(List<Metric> metrics) {
        buffer.reset();
        serializer.appendBatch(metrics, buffer,
                (index, metric, reason) -> log.debug("Could not serialize metric: " + reason.getMessage()));
        Compression.Chunk chunk;
        try {
            chunk = encoder.encode(buffer.array(), buffer.length());
        } catch (IOException e) {
            log.error("Could not compress metrics: " + describe(e));
            return;
        }
        try {
            writeToAll(chunk);
            flushAll();
        } catch (IOException e) {
            log.error("Error writing to file: " + e.getMessage());
        }
    }

    /** Writes to each destination in order; the first failure stops the later ones. */
    private void writeToAll(Compression.Chunk chunk) throws IOException {
        for (Destination destination : destinations) {
            try {
                destination.write(chunk.bytes(), chunk.length());
            } catch (IOException e) {
                throw new IOException("\"" + destination.name() + "\": " + describe(e), e);
            }
        }
    }

    private void flushAll() throws IOException {
        IOException failure = null;
        for (Destination destination : destinations) {
            try {
                destination.flush();
            } catch (IOException e) {
                failure = new IOException("\"" + destination.name() + "\": " + describe(e), e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws IOException {
        List<Destination> open = destinations;
        destinations = List.of();
        closeAll(open);
    }

    private static void closeAll(List<Destination> open) throws IOException {
        IOException failure = null;
        for (Destination destination : open) {
            try {
                destination.close();
            } catch (IOException e) {
                failure = new IOException("closing \"" + destination.name() + "\": " + describe(e), e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** An exception's message, or its type when it has none (NoSuchFileException has just a path). */
    private static String describe(Exception e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        if (message == null || message.isEmpty()) {
            return type;
        }
        return e instanceof java.nio.file.FileSystemException ? type + ": " + message : message;
    }
}
