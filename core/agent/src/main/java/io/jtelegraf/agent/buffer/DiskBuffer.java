package io.jtelegraf.agent.buffer;

import io.jtelegraf.spi.Logger;
import io.jtelegraf.spi.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * An {@link OutputBuffer} on disk ({@code buffer_strategy = "disk"}): metrics survive a crash or
 * kill of the agent and are delivered after a restart. At most the batch in flight at the crash
 * is sent twice.
 *
 * <p>Storage, in the output's own folder (see {@link BufferFolder}): an append-only log of
 * {@link Segment} files, each record one metric ({@link MetricCodec}), and an {@link AckFile}
 * holding the index of the first record not yet delivered. Every metric is written to the log
 * with its own write call before {@link #add} returns, so it survives the process dying right
 * after; with {@code buffer_disk_sync} the log is also forced to stable storage by a
 * {@link GroupSync} (one fdatasync covers everything appended meanwhile), so it survives a power
 * failure too, except what arrived during the last sync. Batches are read back from the files;
 * memory holds positions, not metrics.
 *
 * <p>Transactions: {@link #take} reads a batch from the read position. {@link #end} marks what
 * was written or rejected as removed, rewinds to the batch start when metrics are kept for a
 * retry, and moves the acknowledged mark over the removed prefix; the mark is stored after every
 * write that moved it. Removed records behind a kept one (a partial write) stay in the log until
 * the kept one is delivered; that list lives in memory only, so after a crash they are sent again.
 *
 * <p>{@code metric_buffer_limit}: when full, {@link #add} drops the oldest waiting metric by
 * moving the read position past it, as the memory buffer does. Fully acknowledged segments are
 * deleted, so disk use stays near the limit times the record size plus one segment.
 *
 * <p>Recovery ({@link #open}): segments are checked record by record; a torn or damaged tail is
 * cut off with a warning, and the read position starts at the stored mark.
 *
 * <p>Threading: all state is guarded by this object's lock; adds from gather threads and the
 * flush thread's take/end are serialized. I/O happens under the lock.
 */
public final class DiskBuffer implements OutputBuffer {
    /** Segments roll over at this size. */
    public static final long DEFAULT_SEGMENT_BYTES = 4L << 20;

    private final BufferFolder folder;
    private final Path path;
    private final int capacity;
    private final boolean sync;
    private final long segmentBytes;
    private final Logger logger;
    private final AckFile ackFile;
    private final GroupSync groupSync;
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    /** Indexes at or after the mark that are gone (written, rejected, dropped) but still in the log. */
    private final TreeSet<Long> removed = new TreeSet<>();
    private long writeIndex;
    private long ackIndex;
    private long persistedAck = -1;
    private Position cursor;
    private Position batchStart;
    private List<Metric> batch;
    private long[] batchIndexes;
    private int queued;
    private int droppedOnOpen;
    private int recovered;
    private long failedAppends;
    private boolean closed;

    /** Where a record starts: its index, the base index of its segment, its byte offset there. */
    private record Position(long index, long segment, long offset) {
    }

    private DiskBuffer(BufferFolder folder, int capacity, boolean sync, long segmentBytes, Logger logger) {
        this.folder = folder;
        this.path = folder.path();
        this.capacity = capacity;
        this.sync = sync;
        this.segmentBytes = segmentBytes;
        this.logger = logger;
        this.ackFile = new AckFile(path, sync);
        this.groupSync = sync ? new GroupSync(path.toString(), logger) : null;
    }

    /**
     * Opens (or creates) the buffer in {@code folder} and recovers what a previous run left.
     *
     * @param capacity {@code metric_buffer_limit}; older metrics beyond it are dropped at once
     * @param sync {@code buffer_disk_sync}: force every append and mark to stable storage
     * @param logger the output's logger, for recovery warnings and I/O errors
     * @throws IOException when the folder cannot be created, written or locked, with a message
     *     naming it
     */
    public static DiskBuffer open(Path folder, int capacity, boolean sync, Logger logger) throws IOException {
        return open(folder, capacity, sync, DEFAULT_SEGMENT_BYTES, logger);
    }

    /**
     * As {@link #open(Path, int, boolean, Logger)}, with segments rolling over at
     * {@code segmentBytes} instead of {@link #DEFAULT_SEGMENT_BYTES} (tests use small ones).
     */
    public static DiskBuffer open(Path folder, int capacity, boolean sync, long segmentBytes, Logger logger)
            throws IOException {
        if (capacity <= 0) {
            throw new IllegalArgumentException("metric_buffer_limit must be positive, got " + capacity);
        }
        BufferFolder locked = BufferFolder.open(folder);
        DiskBuffer buffer = new DiskBuffer(locked, capacity, sync, segmentBytes, logger);
        try {
            buffer.recover();
        } catch (IOException | RuntimeException e) {
            buffer.closeFiles();
            throw new IOException("cannot use disk buffer folder " + folder + ": " + BufferFolder.reason(
                    e instanceof IOException io ? io : new IOException(e.toString(), e)), e);
        }
        return buffer;
    }

    /**
     * The folder name of an output instance inside {@code buffer_directory}: plugin id, alias
     * (percent-encoded beyond letters, digits, '_' and '-') and the position among outputs with
     * the same id and alias, e.g. {@code outputs.influxdb_v2.0}; stable across restarts.
     */
    public static String folderName(String pluginId, java.util.Optional<String> alias, int position) {
        return BufferFolder.name(pluginId, alias, position);
    }

    /** The output's buffer folder. */
    public Path folder() {
        return path;
    }

    /** Metrics found on disk at open, before any over the limit were dropped. */
    public int recoveredOnOpen() {
        return recovered;
    }

    /** Recovered metrics dropped at open because they exceeded {@code metric_buffer_limit}. */
    public int droppedOnOpen() {
        return droppedOnOpen;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public synchronized int size() {
        return queued;
    }

    @Override
    public int add(Metric metric) {
        // Encoding needs no lock; only the file and the positions do.
        byte[] payload = MetricCodec.encode(metric);
        synchronized (this) {
            if (closed) {
                return 1;
            }
            if (payload.length > Segment.MAX_RECORD) {
                logger.error("Metric " + metric.name() + " is too large for the disk buffer (" + payload.length
                        + " bytes); dropped");
                return 1;
            }
            try {
                append(payload);
            } catch (IOException e) {
                if (failedAppends++ == 0) {
                    logger.error("Cannot write to the disk buffer in " + path + ": " + BufferFolder.reason(e)
                            + "; new metrics are dropped until writing works again");
                }
                return 1;
            }
            if (failedAppends > 0) {
                logger.warn("Writing to the disk buffer in " + path + " works again; " + failedAppends
                        + " metrics could not be stored and were dropped");
                failedAppends = 0;
            }
            queued++;
            int dropped = 0;
            while (queued > capacity && dropOldest()) {
                dropped++;
            }
            if (dropped > 0 && batchStart == null) {
                advanceAck();
                deleteAckedSegments();
            }
            return dropped;
        }
    }

    @Override
    public synchronized List<Metric> take(int max) {
        if (batchStart != null) {
            throw new IllegalStateException("a batch of the disk buffer in " + path + " is still in flight");
        }
        if (closed || max <= 0 || queued == 0) {
            return List.of();
        }
        skipRemoved();
        Position start = cursor;
        int limit = Math.min(max, queued);
        List<Metric> metrics = new ArrayList<>(limit);
        long[] indexes = new long[limit];
        while (metrics.size() < limit) {
            cursor = normalize(cursor);
            if (cursor.index() >= writeIndex) {
                break;
            }
            Segment segment = segments.get(cursor.segment());
            long index = cursor.index();
            try {
                if (removed.contains(index)) {
                    cursor = new Position(index + 1, segment.base(), segment.next(cursor.offset()));
                    continue;
                }
                byte[] payload = segment.read(cursor.offset());
                cursor = new Position(index + 1, segment.base(), Segment.next(cursor.offset(), payload));
                indexes[metrics.size()] = index;
                metrics.add(MetricCodec.decode(payload));
            } catch (CorruptRecordException e) {
                abandonRestOfSegment(cursor, e.getMessage());
            } catch (MalformedRecordException e) {
                removed.add(index);
                queued--;
                logger.error("Disk buffer in " + path + ": record " + index + " cannot be read (" + e.getMessage()
                        + "); skipped");
            } catch (IOException e) {
                logger.error("Cannot read the disk buffer in " + path + ": " + BufferFolder.reason(e));
                break;
            }
        }
        if (metrics.isEmpty()) {
            return List.of();
        }
        batchStart = start;
        batch = metrics;
        batchIndexes = Arrays.copyOf(indexes, metrics.size());
        queued -= metrics.size();
        return metrics;
    }

    @Override
    public synchronized int end(List<Metric> kept) {
        if (batchStart == null) {
            if (!kept.isEmpty()) {
                throw new IllegalStateException("no batch of the disk buffer in " + path + " is in flight");
            }
            return 0;
        }
        boolean[] keep = new boolean[batch.size()];
        int matched = 0;
        for (int i = 0; i < batch.size() && matched < kept.size(); i++) {
            if (batch.get(i) == kept.get(matched)) {
                keep[i] = true;
                matched++;
            }
        }
        if (matched != kept.size()) {
            throw new IllegalArgumentException("kept metrics must be metrics of the batch, in batch order");
        }
        // As the memory buffer: when metrics added meanwhile left too little room, the oldest
        // kept metrics are dropped and the newest that fit are restored.
        int dropped = Math.max(0, kept.size() - (capacity - queued));
        int restored = kept.size() - dropped;
        int keptSeen = 0;
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i] || keptSeen++ < dropped) {
                removed.add(batchIndexes[i]);
            }
        }
        queued += restored;
        if (restored > 0) {
            // Kept metrics are read again from the log; the removed ones around them are skipped.
            cursor = batchStart;
        }
        batchStart = null;
        batch = null;
        batchIndexes = null;
        advanceAck();
        persistAck();
        deleteAckedSegments();
        return dropped;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        persistAck();
        closeFiles();
    }

    private void recover() throws IOException {
        AckFile.Mark mark = ackFile.read();
        if (mark.problem() != null) {
            logger.warn("Disk buffer in " + path + ": the acknowledgement file " + path.resolve(AckFile.NAME)
                    + " is unusable (" + mark.problem() + "); everything still on disk will be sent again");
        }
        List<Long> bases = segmentBases();
        for (int i = 0; i < bases.size(); i++) {
            long base = bases.get(i);
            long maxRecords = i + 1 < bases.size() ? bases.get(i + 1) - base : Long.MAX_VALUE;
            Path file = path.resolve(Segment.fileName(base));
            Segment.Recovered result;
            try {
                result = Segment.recover(file, base, maxRecords);
            } catch (CorruptRecordException e) {
                Path aside = file.resolveSibling(file.getFileName() + ".damaged");
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                logger.warn("Disk buffer in " + path + ": " + e.getMessage() + "; moved aside to " + aside);
                continue;
            }
            if (result.damaged()) {
                logger.warn("Disk buffer in " + path + ": " + file.getFileName() + " ends in a torn or damaged record ("
                        + result.damage() + ") at byte " + result.damagedAt() + "; kept its "
                        + result.segment().records() + " whole records and cut off " + result.discardedBytes()
                        + " bytes");
            }
            segments.put(base, result.segment());
        }
        long firstBase = segments.isEmpty() ? 0 : segments.firstKey();
        long mark0 = mark.index() >= 0 ? mark.index() : firstBase;
        persistedAck = mark.index();
        writeIndex = Math.max(segments.isEmpty() ? 0 : segments.lastEntry().getValue().endIndex(), mark0);
        ackIndex = Math.max(mark0, firstBase);
        for (Map.Entry<Long, Segment> entry = segments.firstEntry(); entry != null
                && entry.getValue().endIndex() <= ackIndex; entry = segments.firstEntry()) {
            deleteSegment(entry.getValue());
        }
        if (segments.isEmpty()) {
            Segment fresh = Segment.create(path, writeIndex, sync);
            segments.put(fresh.base(), fresh);
        }
        queued = 0;
        for (Segment segment : segments.values()) {
            queued += (int) Math.max(0, segment.endIndex() - Math.max(segment.base(), ackIndex));
        }
        recovered = queued;
        cursor = positionOf(ackIndex);
        while (queued > capacity && dropOldest()) {
            droppedOnOpen++;
        }
        advanceAck();
        persistAck();
        deleteAckedSegments();
        if (recovered > 0) {
            logger.info("Disk buffer in " + path + ": " + recovered + " metrics recovered"
                    + (droppedOnOpen > 0 ? ", the oldest " + droppedOnOpen + " of them dropped as they exceed"
                    + " metric_buffer_limit " + capacity : ""));
        }
    }

    private List<Long> segmentBases() throws IOException {
        try (Stream<Path> files = Files.list(path)) {
            return files.map(file -> Segment.baseOf(file.getFileName().toString()))
                    .filter(base -> base >= 0).sorted().toList();
        }
    }

    /** The position of record {@code index}, which is at or after the first segment's base. */
    private Position positionOf(long index) throws IOException {
        Map.Entry<Long, Segment> entry = segments.floorEntry(index);
        Segment segment = entry != null ? entry.getValue() : segments.firstEntry().getValue();
        Position position = new Position(segment.base(), segment.base(), Segment.FILE_HEADER);
        long target = Math.min(index, segment.endIndex());
        while (position.index() < target) {
            position = new Position(position.index() + 1, segment.base(), segment.next(position.offset()));
        }
        return normalize(position);
    }

    /** Moves a position at the end of a segment to the start of the next one, if any. */
    private Position normalize(Position position) {
        Position at = position;
        Segment segment = segments.get(at.segment());
        while (segment != null && at.offset() >= segment.length()) {
            Map.Entry<Long, Segment> higher = segments.higherEntry(segment.base());
            if (higher == null) {
                break;
            }
            segment = higher.getValue();
            at = new Position(segment.base(), segment.base(), Segment.FILE_HEADER);
        }
        return at;
    }

    private void append(byte[] payload) throws IOException {
        Segment active = segments.lastEntry().getValue();
        if (active.length() >= segmentBytes && active.records() > 0) {
            if (sync) {
                // The group sync follows the new segment from now on; the old one is finished here.
                active.force();
            }
            active = Segment.create(path, writeIndex, sync);
            segments.put(active.base(), active);
        }
        active.append(payload);
        writeIndex++;
        if (groupSync != null) {
            groupSync.appended(active);
        }
    }

    /** Moves the read position past removed records. */
    private void skipRemoved() {
        cursor = normalize(cursor);
        while (cursor.index() < writeIndex && removed.contains(cursor.index())) {
            Segment segment = segments.get(cursor.segment());
            try {
                cursor = normalize(new Position(cursor.index() + 1, segment.base(), segment.next(cursor.offset())));
            } catch (IOException e) {
                abandonRestOfSegment(cursor, e.getMessage());
                cursor = normalize(cursor);
            }
        }
    }

    /** Drops the oldest waiting metric; false when none is left. */
    private boolean dropOldest() {
        skipRemoved();
        if (cursor.index() >= writeIndex) {
            return false;
        }
        Segment segment = segments.get(cursor.segment());
        try {
            Position next = new Position(cursor.index() + 1, segment.base(), segment.next(cursor.offset()));
            removed.add(cursor.index());
            cursor = normalize(next);
            queued--;
        } catch (IOException e) {
            abandonRestOfSegment(cursor, e.getMessage());
        }
        return true;
    }

    /**
     * A record that passed the checks at open is unreadable now (damage on disk): cuts the
     * segment off before it, so that the read position can move on, and reports the loss.
     */
    private void abandonRestOfSegment(Position at, String problem) {
        Segment segment = segments.get(at.segment());
        long end = segment.endIndex();
        int lost = 0;
        for (long index = at.index(); index < end; index++) {
            if (!removed.remove(index)) {
                lost++;
            }
        }
        queued -= lost;
        boolean last = segment == segments.lastEntry().getValue();
        try {
            segment.truncate(at.offset(), (int) (at.index() - segment.base()));
        } catch (IOException e) {
            logger.error("Disk buffer in " + path + ": cannot cut off " + segment.path() + ": " + BufferFolder.reason(e));
        }
        if (last) {
            // Nothing after the cut was delivered or acknowledged, so its indexes can be reused.
            writeIndex = segment.endIndex();
        }
        logger.error("Disk buffer in " + path + ": " + problem + "; the " + lost + " metrics from there to the end of "
                + segment.path().getFileName() + " are lost");
    }

    /** Moves the acknowledged mark over removed records; only between transactions. */
    private void advanceAck() {
        skipRemoved();
        if (cursor.index() > ackIndex) {
            ackIndex = cursor.index();
            removed.headSet(ackIndex).clear();
        }
    }

    private void persistAck() {
        if (ackIndex == persistedAck) {
            return;
        }
        try {
            ackFile.write(ackIndex);
            persistedAck = ackIndex;
        } catch (IOException e) {
            logger.error("Cannot store the acknowledged position of the disk buffer in " + path + ": "
                    + BufferFolder.reason(e) + "; after a restart more metrics may be sent twice");
        }
    }

    /** Deletes segments whose every record is before the acknowledged mark, keeping the last. */
    private void deleteAckedSegments() {
        while (segments.size() > 1) {
            Segment first = segments.firstEntry().getValue();
            long nextBase = segments.higherKey(first.base());
            if (nextBase > ackIndex || cursor.segment() == first.base()) {
                return;
            }
            deleteSegment(first);
        }
    }

    private void deleteSegment(Segment segment) {
        segments.remove(segment.base());
        try {
            segment.close();
            Files.deleteIfExists(segment.path());
        } catch (IOException e) {
            logger.warn("Disk buffer in " + path + ": cannot delete " + segment.path() + ": " + BufferFolder.reason(e));
        }
    }

    private void closeFiles() {
        if (groupSync != null) {
            groupSync.close();
        }
        for (Segment segment : segments.values()) {
            try {
                segment.close();
            } catch (IOException e) {
                logger.warn("Disk buffer in " + path + ": cannot close " + segment.path() + ": " + BufferFolder.reason(e));
            }
        }
        segments.clear();
        try {
            folder.close();
        } catch (IOException e) {
            logger.warn("Disk buffer in " + path + ": cannot release its lock: " + BufferFolder.reason(e));
        }
    }
}
