package io.jtelegraf.spi.files;

import java.time.Duration;
import java.util.Objects;

/**
 * When a {@link RotatingFileWriter} rotates and how many archives it keeps, as Telegraf's
 * {@code rotation_interval}, {@code rotation_max_size} and {@code rotation_max_archives} (and the
 * agent's {@code logfile_rotation_*}) describe it.
 *
 * @param interval rotate once the file's modification time plus this has passed; zero or
 *     negative turns time-based rotation off
 * @param maxSizeBytes rotate once the file holds at least this many bytes; zero or negative turns
 *     size-based rotation off
 * @param maxArchives how many archives to keep after a rotation: 0 deletes them all, -1 (or any
 *     negative value) keeps them all
 */
public record RotationPolicy(Duration interval, long maxSizeBytes, int maxArchives) {

    /** No rotation: the file only grows. */
    public static final RotationPolicy NONE = new RotationPolicy(Duration.ZERO, 0, -1);

    public RotationPolicy {
        Objects.requireNonNull(interval, "interval");
    }

    /** Whether any rotation is configured. */
    public boolean rotates() {
        return timed() || sized();
    }

    boolean timed() {
        return !interval.isNegative() && !interval.isZero();
    }

    boolean sized() {
        return maxSizeBytes > 0;
    }

    boolean keepsAllArchives() {
        return maxArchives < 0;
    }
}
