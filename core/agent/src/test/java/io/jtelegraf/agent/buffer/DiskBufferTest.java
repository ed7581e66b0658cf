package io.jtelegraf.agent.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.agent.testing.RecordingLogger;
import io.jtelegraf.spi.Metric;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskBufferTest {
    /** Small segments, so a few dozen metrics span several files. */
    private static final long SEGMENT_BYTES = 512;

    @TempDir
    Path temp;

    private final RecordingLogger logger = new RecordingLogger();
    private final List<DiskBuffer> opened = new ArrayList<>();
    private int snapshots;

    @AfterEach
    void closeAll() {
        opened.forEach(DiskBuffer::close);
    }

    private static Metric m(long n) {
        return Metric.builder("m").tag("host", "h").field("n", n).field("s", "value " + n).time(n).build();
    }

    private DiskBuffer open(Path folder, int capacity) throws IOException {
        DiskBuffer buffer = DiskBuffer.open(folder, capacity, true, SEGMENT_BYTES, logger);
        opened.add(buffer);
        return buffer;
    }

    private Path folder() {
        return temp.resolve("buffer");
    }

    private static void addRange(DiskBuffer buffer, int from, int to) {
        for (int n = from; n < to; n++) {
            buffer.add(m(n));
        }
    }

    private static List<Long> numbers(List<Metric> metrics) {
        return metrics.stream().map(metric -> metric.longValue(metric.fieldIndex("n"))).toList();
    }

    private static List<Long> range(long from, long to) {
        List<Long> numbers = new ArrayList<>();
        for (long n = from; n < to; n++) {
            numbers.add(n);
        }
        return numbers;
    }

    /** Takes and acknowledges everything, returning the numbers in delivery order. */
    private static List<Long> drain(DiskBuffer buffer) {
        List<Long> all = new ArrayList<>();
        for (List<Metric> batch = buffer.take(7); !batch.isEmpty(); batch = buffer.take(7)) {
            all.addAll(numbers(batch));
            assertThat(buffer.end(List.of())).isZero();
        }
        return all;
    }

    /**
     * The folder's files as they are now, copied to a new folder: exactly what a SIGKILL at this
     * moment would leave behind (every write went to the kernel before it returned).
     */
    private Path crashCopy(Path folder) throws IOException {
        Path copy = temp.resolve("crash-" + snapshots++);
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals(".lock")) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
        }
        return copy;
    }

    private static List<Path> segmentFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".seg")).sorted().toList();
        }
    }

    @Test
    void deliversInOrderAndAcknowledgesWhatWasWritten() throws IOException {
        DiskBuffer buffer = open(folder(), 100);
        addRange(buffer, 0, 10);

        List<Metric> first = buffer.take(4);
        assertThat(numbers(first)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(buffer.size()).as("the batch in flight does not count").isEqualTo(6);
        assertThat(buffer.end(List.of())).isZero();
        assertThat(first.get(0)).isEqualTo(m(0));

        Path afterOneBatch = crashCopy(folder());
        assertThat(drain(buffer)).isEqualTo(range(4, 10));
        Path afterAll = crashCopy(folder());

        assertThat(drain(open(afterOneBatch, 100))).as("acknowledged metrics are not sent again").isEqualTo(range(4, 10));
        assertThat(open(afterAll, 100).size()).isZero();
    }

    @Test
    void everythingAddedSurvivesACrashWithoutAnyClose() throws IOException {
        DiskBuffer buffer = open(folder(), 1000);
        addRange(buffer, 0, 50);

        DiskBuffer restarted = open(crashCopy(folder()), 1000);

        assertThat(restarted.recoveredOnOpen()).isEqualTo(50);
        assertThat(drain(restarted)).isEqualTo(range(0, 50));
        assertThat(logger.lines()).contains("I! Disk buffer in " + restarted.folder() + ": 50 metrics recovered");
    }

    @Test
    void theBatchInFlightAtACrashIsTheOnlyThingSentTwice() throws IOException {
        DiskBuffer buffer = open(folder(), 100);
        addRange(buffer, 0, 10);
        buffer.take(3);
        buffer.end(List.of());
        buffer.take(3);

        DiskBuffer restarted = open(crashCopy(folder()), 100);

        assertThat(drain(restarted)).as("3..5 were in flight").isEqualTo(range(3, 10));
    }

    @Test
    void aFailedBatchGoesBackToTheFrontAndIsRetriedFirst() throws IOException {
        DiskBuffer buffer = open(folder(), 100);
        addRange(buffer, 0, 5);
        List<Metric> batch = buffer.take(3);
        addRange(buffer, 5, 7);

        assertThat(buffer.end(batch)).isZero();

        assertThat(buffer.size()).isEqualTo(7);
        assertThat(numbers(buffer.take(4))).containsExactly(0L, 1L, 2L, 3L);
        buffer.end(List.of());
        assertThat(drain(open(crashCopy(folder()), 100))).isEqualTo(range(4, 7));
    }

    @Test
    void aPartialWriteKeepsOnlyTheUnsettledMetricsInFront() throws IOException {
        DiskBuffer buffer = open(folder(), 100);
        addRange(buffer, 0, 6);
        List<Metric> batch = buffer.take(4);

        // 0 and 2 written or rejected; 1 and 3 kept for a retry.
        assertThat(buffer.end(List.of(batch.get(1), batch.get(3)))).isZero();

        assertThat(buffer.size()).isEqualTo(4);
        assertThat(drain(buffer)).containsExactly(1L, 3L, 4L, 5L);
        assertThat(open(crashCopy(folder()), 100).size()).isZero();
    }

    @Test
    void keptMetricsMustComeFromTheBatchInOrder() throws IOException {
        DiskBuffer buffer = open(folder(), 100);
        addRange(buffer, 0, 3);
        List<Metric> batch = buffer.take(3);

        assertThatThrownBy(() -> buffer.end(List.of(batch.get(2), batch.get(0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> buffer.end(List.of(m(0)))).as("an equal metric is not the same metric")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> buffer.take(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFullBufferDropsTheOldest() throws IOException {
        DiskBuffer buffer = open(folder(), 3);
        assertThat(buffer.add(m(0)) + buffer.add(m(1)) + buffer.add(m(2))).isZero();

        assertThat(buffer.add(m(3))).isEqualTo(1);
        assertThat(buffer.add(m(4))).isEqualTo(1);

        assertThat(buffer.size()).isEqualTo(3);
        Path crashed = crashCopy(folder());
        assertThat(drain(buffer)).containsExactly(2L, 3L, 4L);
        assertThat(drain(open(crashed, 3))).as("drops are kept across a crash too").containsExactly(2L, 3L, 4L);
    }

    @Test
    void metricsAddedWhileABatchIsInFlightCanPushTheRetryOut() throws IOException {
        DiskBuffer buffer = open(folder(), 3);
        addRange(buffer, 0, 3);
        List<Metric> batch = buffer.take(2);
        addRange(buffer, 3, 5);
        assertThat(buffer.add(m(5))).as("2 is the oldest waiting one").isEqualTo(1);

        assertThat(buffer.end(batch)).as("no room left for the failed batch").isEqualTo(2);

        assertThat(drain(buffer)).containsExactly(3L, 4L, 5L);
    }

    @Test
    void whenOnlyPartOfARetryFitsTheOldestOfItAreDropped() throws IOException {
        DiskBuffer buffer = open(folder(), 4);
        addRange(buffer, 0, 4);
        List<Metric> batch = buffer.take(3);
        addRange(buffer, 4, 6);

        assertThat(buffer.end(batch)).isEqualTo(2);

        assertThat(drain(buffer)).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void aSmallerLimitAtRestartDropsTheOldestAtOnce() throws IOException {
        DiskBuffer buffer = open(folder(), 100);
        addRange(buffer, 0, 10);
        Path crashed = crashCopy(folder());

        DiskBuffer smaller = open(crashed, 4);

        assertThat(smaller.droppedOnOpen()).isEqualTo(6);
        assertThat(smaller.size()).isEqualTo(4);
        assertThat(drain(smaller)).isEqualTo(range(6, 10));
        assertThat(logger.lines()).contains("I! Disk buffer in " + crashed
                + ": 10 metrics recovered, the oldest 6 of them dropped as they exceed metric_buffer_limit 4");
    }

    @Test
    void rollsOverToNewSegmentsAndDeletesAcknowledgedOnes() throws IOException {
        DiskBuffer buffer = open(folder(), 1000);
        addRange(buffer, 0, 60);
        List<Path> written = segmentFiles(folder());
        assertThat(written).as("segments of about %d bytes", SEGMENT_BYTES).hasSizeGreaterThan(3);
        Path crashed = crashCopy(folder());

        assertThat(drain(buffer)).isEqualTo(range(0, 60));

        assertThat(segmentFiles(folder())).as("only the active segment is left").hasSize(1);
        assertThat(drain(open(crashed, 1000))).as("reads across segment files").isEqualTo(range(0, 60));
    }

    @Test
    void indexesGoOnAfterEverySegmentWasDeleted() throws IOException {
        DiskBuffer buffer = open(folder(), 1000);
        addRange(buffer, 0, 60);
        drain(buffer);
        buffer.close();
        opened.remove(buffer);

        DiskBuffer reopened = open(folder(), 1000);
        reopened.add(m(60));

        assertThat(drain(open(crashCopy(folder()), 1000))).containsExactly(60L);
        assertThat(segmentFiles(folder()).get(0).getFileName().toString()).isNotEqualTo(Segment.fileName(0));
    }

    @Test
    void aTornTailIsCutOffWithAWarning() throws IOException {
        DiskBuffer buffer = open(folder(), 100);
        addRange(buffer, 0, 5);
        Path crashed = crashCopy(folder());
        Path segment = segmentFiles(crashed).get(0);
        long size = Files.size(segment);
        long recordSize = (size - Segment.FILE_HEADER) / 5;
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(size - 3);
        }

        DiskBuffer restarted = open(crashed, 100);

        assertThat(restarted.size()).isEqualTo(4);
        assertThat(logger.lines()).anyMatch(line -> line.startsWith("W! Disk buffer in " + crashed + ": "
                + segment.getFileName() + " ends in a torn or damaged record (record cut short) at byte ")
                && line.endsWith("; kept its 4 whole records and cut off " + (recordSize - 3) + " bytes"));
        assertThat(Files.size(segment)).isEqualTo(Segment.FILE_HEADER + 4 * recordSize);
        restarted.add(m(5));
        assertThat(drain(open(crashCopy(crashed), 100))).as("appends continue after the cut")
                .containsExactly(0L, 1L, 2L, 3L, 5L);
    }

    @Test
    void aBadChecksumEndsTheSegmentThere() throws IOException {
        DiskBuffer buffer = open(folder(), 100);
        addRange(buffer, 0, 5);
        Path crashed = crashCopy(folder());
        Path segment = segmentFiles(crashed).get(0);
        long recordSize = (Files.size(segment) - Segment.FILE_HEADER) / 5;
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            long inThirdPayload = Segment.FILE_HEADER + 2 * recordSize + Segment.RECORD_HEADER + 5;
            file.seek(inThirdPayload);
            int b = file.read();
            file.seek(inThirdPayload);
            file.write(b ^ 0x40);
        }

        DiskBuffer restarted = open(crashed, 100);

        assertThat(drain(restarted)).containsExactly(0L, 1L);
        assertThat(logger.lines()).anyMatch(line -> line.contains("(checksum mismatch) at byte "
                + (Segment.FILE_HEADER + 2 * recordSize) + "; kept its 2 whole records and cut off " + 3 * recordSize));
    }

    @Test
    void zerosAfterTheLastRecordAreCutOff() throws IOException {
        DiskBuffer buffer = open(folder(), 100);
        addRange(buffer, 0, 3);
        Path crashed = crashCopy(folder());
        Files.write(segmentFiles(crashed).get(0), new byte[100], java.nio.file.StandardOpenOption.APPEND);

        assertThat(drain(open(crashed, 100))).containsExactly(0L, 1L, 2L);
    }

    @Test
    void damageFoundWhileReadingLosesOnlyTheRestOfThatSegment() throws IOException {
        DiskBuffer buffer = open(folder(), 1000);
        addRange(buffer, 0, 30);
        List<Path> segments = segmentFiles(folder());
        assertThat(segments).hasSizeGreaterThan(2);
        try (RandomAccessFile file = new RandomAccessFile(segments.get(0).toFile(), "rw")) {
            file.seek(Segment.FILE_HEADER + Segment.RECORD_HEADER + 2);
            file.write(0xFF);
        }

        List<Long> delivered = drain(buffer);

        long inFirstSegment = 30 - delivered.size();
        assertThat(delivered).isEqualTo(range(inFirstSegment, 30));
        assertThat(buffer.size()).isZero();
        assertThat(logger.lines()).anyMatch(line -> line.startsWith("E! Disk buffer in " + folder() + ": checksum mismatch")
                && line.endsWith("the " + inFirstSegment + " metrics from there to the end of "
                + segments.get(0).getFileName() + " are lost"));
    }

    @Test
    void anUnusableAckFileMeansEverythingIsSentAgain() throws IOException {
        DiskBuffer buffer = open(folder(), 100);
        addRange(buffer, 0, 4);
        buffer.take(2);
        buffer.end(List.of());
        Path crashed = crashCopy(folder());
        Files.write(crashed.resolve(AckFile.NAME), new byte[] {1, 2, 3});

        DiskBuffer restarted = open(crashed, 100);

        assertThat(drain(restarted)).isEqualTo(range(0, 4));
        assertThat(logger.lines()).anyMatch(line -> line.startsWith("W! Disk buffer in " + crashed)
                && line.contains("is unusable (it has 3 bytes instead of 16); everything still on disk will be sent again"));
    }

    @Test
    void theFolderIsPrivateAndLockedByOneAgent() throws IOException {
        open(folder(), 10);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder()))).isEqualTo("rwx------");
        assertThatThrownBy(() -> open(folder(), 10)).isInstanceOf(IOException.class)
                .hasMessage("cannot use disk buffer folder " + folder() + ": another jtelegraf agent is using it (a"
                        + " second agent with the same buffer_directory, or one that has not finished shutting down)");
    }

    @Test
    void aFileInTheWayIsAClearError() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "x");

        assertThatThrownBy(() -> open(file, 10)).isInstanceOf(IOException.class)
                .hasMessage("cannot use disk buffer folder " + file + ": it exists and is not a directory");
        assertThatThrownBy(() -> open(file.resolve("sub"), 10)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot use disk buffer folder " + file.resolve("sub") + ": it ");
    }

    @Test
    void aFolderThatIsNotWritableIsAClearError() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root may write any folder, so this check cannot be provoked as root");
        Path readOnly = Files.createDirectories(temp.resolve("ro"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-x------"));

        assertThatThrownBy(() -> open(readOnly, 10)).isInstanceOf(IOException.class)
                .hasMessage("cannot use disk buffer folder " + readOnly + ": it is not writable by this user");
    }

    @Test
    void folderNamesAreStableAndDistinct() {
        assertThat(DiskBuffer.folderName("outputs.influxdb_v2", Optional.empty(), 0)).isEqualTo("outputs.influxdb_v2.0");
        assertThat(DiskBuffer.folderName("outputs.influxdb", Optional.of("eu-1_b"), 1)).isEqualTo("outputs.influxdb.eu-1_b.1");
        assertThat(DiskBuffer.folderName("outputs.influxdb", Optional.of("../x y.z"), 0))
                .isEqualTo("outputs.influxdb.%2E%2E%2Fx%20y%2Ez.0");
        assertThat(DiskBuffer.folderName("outputs.file", Optional.of("ü"), 0)).isEqualTo("outputs.file.%C3%BC.0");
    }
}
