package io.jtelegraf.distribution.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's resource samples of one soak ({@code samples.tsv} of distribution/bench/soak.sh:
 * seconds since the agent started, VmRSS in kB, open descriptors, threads; one line every few
 * seconds) and the two flatness figures: the spread of open descriptors and the RSS slope, both
 * over the samples after warm-up. The first third of the samples is warm-up (class loading, JIT,
 * the first full buffers); the rest is "the last two thirds".
 */
record SoakSamples(List<Sample> all) {

    /** One line of samples.tsv. */
    record Sample(double seconds, long rssKb, int descriptors, int threads) {
        double rssMb() {
            return rssKb / 1024.0;
        }
    }

    SoakSamples {
        all = List.copyOf(all);
    }

    static SoakSamples read(Path file) throws IOException {
        List<Sample> samples = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length != 4) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": expected 4 tab-separated columns, got: " + line);
            }
            samples.add(new Sample(Double.parseDouble(columns[0]), Long.parseLong(columns[1]),
                    Integer.parseInt(columns[2]), Integer.parseInt(columns[3])));
        }
        return new SoakSamples(samples);
    }

    /** The samples after the first third. */
    List<Sample> afterWarmup() {
        return all.subList(all.size() / 3, all.size());
    }

    /** The descriptor count right after warm-up, the value the later ones are compared with. */
    int descriptorsAtWarmupEnd() {
        return afterWarmup().get(0).descriptors();
    }

    /** The largest distance of any later descriptor count from {@link #descriptorsAtWarmupEnd()}. */
    int descriptorDeviationAfterWarmup() {
        int reference = descriptorsAtWarmupEnd();
        return afterWarmup().stream().mapToInt(sample -> Math.abs(sample.descriptors() - reference)).max().orElse(0);
    }

    /** Least-squares slope of VmRSS over time after warm-up, in MB per minute. */
    double rssSlopeMbPerMinute() {
        List<Sample> window = afterWarmup();
        if (window.size() < 2) {
            throw new IllegalStateException("a slope needs at least two samples after warm-up, got " + window.size());
        }
        double n = window.size();
        double sumX = 0;
        double sumY = 0;
        for (Sample sample : window) {
            sumX += sample.seconds() / 60;
            sumY += sample.rssMb();
        }
        double meanX = sumX / n;
        double meanY = sumY / n;
        // Centred sums: numerically stable even for long runs.
        double covariance = 0;
        double variance = 0;
        for (Sample sample : window) {
            double dx = sample.seconds() / 60 - meanX;
            covariance += dx * (sample.rssMb() - meanY);
            variance += dx * dx;
        }
        if (variance == 0) {
            throw new IllegalStateException("all samples after warm-up carry the same time");
        }
        return covariance / variance;
    }

    /** A one-line account for assertion messages. */
    String summary() {
        List<Sample> window = afterWarmup();
        return String.format(java.util.Locale.ROOT,
                "%d samples (%d after warm-up, from %.0f s); fds %d..%d (at warm-up end %d); threads %d..%d;"
                        + " RSS %.1f MB first, %.1f..%.1f MB after warm-up, slope %.3f MB/min",
                all.size(), window.size(), window.get(0).seconds(),
                window.stream().mapToInt(Sample::descriptors).min().orElse(0),
                window.stream().mapToInt(Sample::descriptors).max().orElse(0), descriptorsAtWarmupEnd(),
                window.stream().mapToInt(Sample::threads).min().orElse(0),
                window.stream().mapToInt(Sample::threads).max().orElse(0),
                all.get(0).rssMb(), window.stream().mapToDouble(Sample::rssMb).min().orElse(0),
                window.stream().mapToDouble(Sample::rssMb).max().orElse(0), rssSlopeMbPerMinute());
    }
}
