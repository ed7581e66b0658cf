package io.jtelegraf.distribution.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jtelegraf.distribution.kernel.SoakSamples.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoakSamplesTest {

    /** Samples every 5 s: RSS from {@code rssKb(i)}, descriptors from {@code fds[i]}. */
    private static SoakSamples samples(int count, java.util.function.IntToLongFunction rssKb, int... fds) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(new Sample(i * 5.0, rssKb.applyAsLong(i), fds.length > i ? fds[i] : 40, 20));
        }
        return new SoakSamples(samples);
    }

    @Test
    void slopeOfALinearGrowthAfterWarmupIsItsRate() {
        // 1 MB per sample of 5 s is 12 MB per minute; the warm-up third jumps around.
        SoakSamples soak = samples(36, i -> i < 12 ? 100_000 + (i % 2) * 50_000 : 200_000 + i * 1024L);
        assertThat(soak.rssSlopeMbPerMinute()).isCloseTo(12.0, within(1e-9));
    }

    @Test
    void warmupGrowthDoesNotCountButFlatAfterIsZero() {
        SoakSamples soak = samples(30, i -> i < 10 ? 50_000 + i * 10_000 : 150_000);
        assertThat(soak.rssSlopeMbPerMinute()).isCloseTo(0.0, within(1e-9));
        assertThat(soak.afterWarmup()).hasSize(20);
    }

    @Test
    void descriptorDeviationIsMeasuredFromTheFirstSampleAfterWarmup() {
        int[] fds = {10, 30, 60, 41, 44, 38, 41};
        SoakSamples soak = samples(7, i -> 100_000, fds);
        assertThat(soak.descriptorsAtWarmupEnd()).isEqualTo(60);
        assertThat(soak.descriptorDeviationAfterWarmup()).isEqualTo(22);
        SoakSamples flat = samples(7, i -> 100_000, 10, 30, 41, 42, 40, 43, 41);
        assertThat(flat.descriptorsAtWarmupEnd()).isEqualTo(41);
        assertThat(flat.descriptorDeviationAfterWarmup()).isEqualTo(2);
    }

    @Test
    void readsTheScriptsTabSeparatedFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("samples.tsv");
        Files.writeString(file, "0.0\t102400\t35\t18\n5.1\t104448\t37\t19\n\n10.2\t104448\t37\t19\n");
        SoakSamples soak = SoakSamples.read(file);
        assertThat(soak.all()).containsExactly(new Sample(0.0, 102_400, 35, 18), new Sample(5.1, 104_448, 37, 19),
                new Sample(10.2, 104_448, 37, 19));
        assertThat(soak.all().get(0).rssMb()).isEqualTo(100.0);
    }

    @Test
    void aMalformedLineIsNamedWithItsNumber(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("samples.tsv");
        Files.writeString(file, "0.0\t102400\t35\t18\n5.1 104448\n");
        assertThatThrownBy(() -> SoakSamples.read(file)).hasMessageContaining("samples.tsv:2");
    }

    @Test
    void aSlopeNeedsTwoSamplesAfterWarmup() {
        assertThatThrownBy(() -> samples(1, i -> 1).rssSlopeMbPerMinute()).isInstanceOf(IllegalStateException.class);
    }
}
