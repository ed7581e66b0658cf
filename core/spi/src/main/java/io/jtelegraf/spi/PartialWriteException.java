package io.jtelegraf.spi;

import java.util.Arrays;

/**
 * Thrown by {@link Output#write} when a batch was written in part: the metrics at
 * {@link #accepted()} indices were written, those at {@link #rejected()} indices can never be
 * written and are dropped, and every other metric of the batch stays buffered for a retry.
 * Indices refer to the list passed to {@code write}.
 */
public class PartialWriteException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int[] accepted;
    private final int[] rejected;

    public PartialWriteException(String message, int[] accepted, int[] rejected, Throwable cause) {
        super(message, cause);
        this.accepted = accepted.clone();
        this.rejected = rejected.clone();
    }

    public PartialWriteException(String message, int[] accepted, int[] rejected) {
        this(message, accepted, rejected, null);
    }

    /** Indices of metrics that were written. */
    public int[] accepted() {
        return accepted.clone();
    }

    /** Indices of metrics dropped for good. */
    public int[] rejected() {
        return rejected.clone();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + ": " + getMessage() + " accepted=" + Arrays.toString(accepted)
                + " rejected=" + Arrays.toString(rejected);
    }
}
