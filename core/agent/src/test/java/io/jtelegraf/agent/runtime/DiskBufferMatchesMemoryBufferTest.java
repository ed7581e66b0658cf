package io.jtelegraf.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.agent.buffer.DiskBuffer;
import io.jtelegraf.agent.buffer.OutputBuffer;
import io.jtelegraf.agent.testing.RecordingLogger;
import io.jtelegraf.spi.Metric;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The disk buffer keeps the memory buffer's contract: the same random sequence of adds, batches,
 * successes, failures, partial writes and overflows gives the same batches, sizes and drop
 * counts from both.
 */
class DiskBufferMatchesMemoryBufferTest {
    @TempDir
    Path temp;

    private static Metric m(long n) {
        return Metric.builder("m").field("n", n).time(n).build();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void sameResultsForTheSameOperations(long seed) throws IOException {
        Random random = new Random(seed);
        int capacity = 1 + random.nextInt(20);
        OutputBuffer memory = new MemoryOutputBuffer(capacity);
        try (DiskBuffer disk = DiskBuffer.open(temp.resolve("b"), capacity, false, 300, new RecordingLogger())) {
            long next = 0;
            for (int step = 0; step < 300; step++) {
                int adds = random.nextInt(4);
                for (int i = 0; i < adds; i++) {
                    Metric metric = m(next++);
                    assertThat(disk.add(metric)).as("drops at step %d", step).isEqualTo(memory.add(metric));
                }
                assertThat(disk.size()).as("size at step %d", step).isEqualTo(memory.size());
                int max = 1 + random.nextInt(6);
                List<Metric> fromMemory = memory.take(max);
                List<Metric> fromDisk = disk.take(max);
                assertThat(fromDisk).as("batch at step %d", step).isEqualTo(fromMemory);
                if (fromMemory.isEmpty()) {
                    continue;
                }
                int addsInFlight = random.nextInt(3);
                for (int i = 0; i < addsInFlight; i++) {
                    Metric metric = m(next++);
                    assertThat(disk.add(metric)).isEqualTo(memory.add(metric));
                }
                int outcome = random.nextInt(3);
                boolean[] keep = new boolean[fromMemory.size()];
                for (int i = 0; i < keep.length; i++) {
                    keep[i] = outcome == 1 || (outcome == 2 && random.nextBoolean());
                }
                assertThat(disk.end(subset(fromDisk, keep))).as("end at step %d", step)
                        .isEqualTo(memory.end(subset(fromMemory, keep)));
                assertThat(disk.size()).isEqualTo(memory.size());
            }
            assertThat(drain(disk)).isEqualTo(drain(memory));
        }
    }

    private static List<Metric> subset(List<Metric> batch, boolean[] keep) {
        List<Metric> kept = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                kept.add(batch.get(i));
            }
        }
        return kept;
    }

    private static List<Metric> drain(OutputBuffer buffer) {
        List<Metric> all = new ArrayList<>();
        for (List<Metric> batch = buffer.take(5); !batch.isEmpty(); batch = buffer.take(5)) {
            all.addAll(batch);
            buffer.end(List.of());
        }
        return all;
    }
}
