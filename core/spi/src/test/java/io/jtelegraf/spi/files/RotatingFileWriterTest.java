package io.jtelegraf.spi.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileWriterTest {
    /** 2024-05-01T00:00:00Z, the example of Telegraf's archive names. */
    private static final Instant MAY_FIRST = Instant.ofEpochSecond(1714521600L);

    @TempDir
    Path dir;

    private final SteppingClock clock = new SteppingClock(MAY_FIRST);

    @Test
    void appendsToAnExistingFile() throws IOException {
        Path file = dir.resolve("metrics.out");
        Files.writeString(file, "old\n");
        try (RotatingFileWriter writer = open(file, RotationPolicy.NONE)) {
            write(writer, "new\n");
        }
        assertThat(Files.readString(file)).isEqualTo("old\nnew\n");
        assertThat(names()).containsExactly("metrics.out");
    }

    @Test
    void createsParentDirectories() throws IOException {
        Path file = dir.resolve("a/b/metrics.out");
        try (RotatingFileWriter writer = open(file, RotationPolicy.NONE)) {
            write(writer, "x\n");
        }
        assertThat(Files.readString(file)).isEqualTo("x\n");
    }

    @Test
    void rotatesWhenTheSizeReachesTheMaximum() throws IOException {
        Path file = dir.resolve("metrics.out");
        try (RotatingFileWriter writer = open(file, new RotationPolicy(Duration.ZERO, 10, -1))) {
            write(writer, "12345");
            assertThat(names()).containsExactly("metrics.out");
            write(writer, "67890");
            assertThat(names()).containsExactly("metrics.2024-05-01-1714521600.out", "metrics.out");
            assertThat(Files.readString(dir.resolve("metrics.2024-05-01-1714521600.out"))).isEqualTo("1234567890");
            assertThat(Files.readString(file)).isEmpty();
            write(writer, "next");
        }
        assertThat(Files.readString(file)).isEqualTo("next");
    }

    @Test
    void oneWriteMayTakeTheFilePastTheMaximum() throws IOException {
        Path file = dir.resolve("metrics.out");
        try (RotatingFileWriter writer = open(file, new RotationPolicy(Duration.ZERO, 4, -1))) {
            write(writer, "123456789");
        }
        assertThat(Files.readString(dir.resolve("metrics.2024-05-01-1714521600.out"))).isEqualTo("123456789");
    }

    @Test
    void rotatesOnWriteOnceTheIntervalHasPassed() throws IOException {
        Path file = dir.resolve("metrics.out");
        try (RotatingFileWriter writer = open(file, new RotationPolicy(Duration.ofHours(1), 0, -1))) {
            write(writer, "a");
            clock.advance(Duration.ofMinutes(60));
            write(writer, "b");
            assertThat(names()).as("exactly at the interval it is not yet due").containsExactly("metrics.out");
            clock.advance(Duration.ofSeconds(1));
            write(writer, "c");
            // The write that finds the file due still goes into it; the rotation follows.
            assertThat(Files.readString(dir.resolve("metrics.2024-05-01-1714525201.out"))).isEqualTo("abc");
            assertThat(Files.readString(file)).isEmpty();
        }
    }

    @Test
    void rotatesAtCloseWhenDue() throws IOException {
        Path file = dir.resolve("metrics.out");
        RotatingFileWriter writer = open(file, new RotationPolicy(Duration.ofHours(1), 0, -1));
        write(writer, "a");
        clock.advance(Duration.ofHours(2));
        writer.close();
        assertThat(names()).containsExactly("metrics.2024-05-01-1714528800.out", "metrics.out");
        assertThat(Files.readString(file)).isEmpty();
    }

    @Test
    void keepsTheFileAtCloseWhenNotDue() throws IOException {
        Path file = dir.resolve("metrics.out");
        RotatingFileWriter writer = open(file, new RotationPolicy(Duration.ofHours(1), 100, 0));
        write(writer, "a");
        writer.close();
        writer.close();
        assertThat(names()).containsExactly("metrics.out");
        assertThatThrownBy(() -> write(writer, "late")).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void rotatesAnOldExistingFileWhenOpened() throws IOException {
        Path file = dir.resolve("metrics.out");
        Files.writeString(file, "yesterday");
        Files.setLastModifiedTime(file, FileTime.from(MAY_FIRST.minus(Duration.ofHours(25))));
        try (RotatingFileWriter writer = open(file, new RotationPolicy(Duration.ofHours(24), 0, -1))) {
            assertThat(Files.readString(dir.resolve("metrics.2024-05-01-1714521600.out"))).isEqualTo("yesterday");
            write(writer, "today");
        }
        assertThat(Files.readString(file)).isEqualTo("today");
    }

    @Test
    void rotatesAnOversizedExistingFileWhenOpened() throws IOException {
        Path file = dir.resolve("metrics.out");
        Files.writeString(file, "0123456789");
        try (RotatingFileWriter writer = open(file, new RotationPolicy(Duration.ZERO, 10, -1))) {
            assertThat(names()).containsExactly("metrics.2024-05-01-1714521600.out", "metrics.out");
        }
    }

    @Test
    void keepsOnlyTheNewestArchives() throws IOException {
        Path file = dir.resolve("metrics.out");
        Files.writeString(dir.resolve("metrics.out.bak"), "not an archive");
        Files.writeString(dir.resolve("other.2024-04-01-1.out"), "not ours");
        try (RotatingFileWriter writer = open(file, new RotationPolicy(Duration.ZERO, 1, 2))) {
            for (int i = 0; i < 4; i++) {
                write(writer, Integer.toString(i));
                clock.advance(Duration.ofSeconds(1));
            }
        }
        assertThat(names()).containsExactly("metrics.2024-05-01-1714521602.out", "metrics.2024-05-01-1714521603.out",
                "metrics.out", "metrics.out.bak", "other.2024-04-01-1.out");
        assertThat(Files.readString(dir.resolve("metrics.2024-05-01-1714521603.out"))).isEqualTo("3");
    }

    @Test
    void zeroArchivesDeletesEveryArchive() throws IOException {
        Path file = dir.resolve("metrics.out");
        try (RotatingFileWriter writer = open(file, new RotationPolicy(Duration.ZERO, 1, 0))) {
            write(writer, "a");
            clock.advance(Duration.ofSeconds(1));
            write(writer, "b");
        }
        assertThat(names()).containsExactly("metrics.out");
    }

    @Test
    void minusOneKeepsEveryArchive() throws IOException {
        Path file = dir.resolve("metrics.out");
        try (RotatingFileWriter writer = open(file, new RotationPolicy(Duration.ZERO, 1, -1))) {
            for (int i = 0; i < 3; i++) {
                write(writer, "x");
                clock.advance(Duration.ofSeconds(1));
            }
        }
        assertThat(names()).hasSize(4);
    }

    @Test
    void archiveNameOfAFileWithoutExtension() throws IOException {
        Path file = dir.resolve("metrics");
        try (RotatingFileWriter writer = open(file, new RotationPolicy(Duration.ZERO, 1, -1))) {
            write(writer, "x");
        }
        assertThat(names()).containsExactly("metrics", "metrics.2024-05-01-1714521600");
    }

    @Test
    void archiveNameKeepsOnlyTheLastExtension() throws IOException {
        Path file = dir.resolve("app.metrics.log");
        try (RotatingFileWriter writer = open(file, new RotationPolicy(Duration.ZERO, 1, -1))) {
            write(writer, "x");
        }
        assertThat(names()).containsExactly("app.metrics.2024-05-01-1714521600.log", "app.metrics.log");
    }

    @Test
    void archiveDateIsTakenInTheClockZone() throws IOException {
        Path file = dir.resolve("metrics.out");
        SteppingClock tokyo = new SteppingClock(MAY_FIRST.minus(Duration.ofHours(1)), ZoneId.of("Asia/Tokyo"));
        try (RotatingFileWriter writer = open(file, new RotationPolicy(Duration.ZERO, 1, -1), tokyo)) {
            write(writer, "x");
        }
        // 2024-04-30T23:00Z is already May 1st in Tokyo.
        assertThat(names()).contains("metrics.2024-05-01-1714518000.out");
    }

    @Test
    void failedRotationIsReportedAndWritingGoesOn() throws IOException {
        Path file = dir.resolve("metrics.out");
        // A non-empty directory where the archive should go makes the rename fail.
        Files.createDirectories(dir.resolve("metrics.2024-05-01-1714521600.out/blocker"));
        List<IOException> errors = new ArrayList<>();
        try (RotatingFileWriter writer = RotatingFileWriter.open(file, new RotationPolicy(Duration.ZERO, 2, -1), clock,
                errors::add)) {
            write(writer, "ab");
            assertThat(errors).hasSize(1);
            write(writer, "cd");
        }
        assertThat(Files.readString(file)).isEqualTo("abcd");
        assertThat(errors).hasSizeGreaterThanOrEqualTo(2);
    }

    private RotatingFileWriter open(Path file, RotationPolicy policy) throws IOException {
        return open(file, policy, clock);
    }

    private static RotatingFileWriter open(Path file, RotationPolicy policy, Clock clock) throws IOException {
        return RotatingFileWriter.open(file, policy, clock, e -> {
            throw new AssertionError("unexpected rotation failure", e);
        });
    }

    private static void write(RotatingFileWriter writer, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writer.write(bytes, 0, bytes.length);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /** A clock the test moves by hand; core/spi cannot use the testkit, which depends on it. */
    private static final class SteppingClock extends Clock {
        private Instant now;
        private final ZoneId zone;

        SteppingClock(Instant start) {
            this(start, ZoneOffset.UTC);
        }

        SteppingClock(Instant start, ZoneId zone) {
            this.now = start;
            this.zone = zone;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new SteppingClock(now, newZone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
