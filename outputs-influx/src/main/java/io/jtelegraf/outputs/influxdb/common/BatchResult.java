package io.jtelegraf.outputs.influxdb.common;

import io.jtelegraf.spi.PartialWriteException;
import java.io.IOException;
import java.util.BitSet;
import java.util.Collection;

/**
 * Collects what happened to each metric of one write call and turns it into the SPI's result:
 * a normal return (all accepted), a {@link PartialWriteException} (some accepted or rejected, the
 * rest kept), or an {@link IOException} (nothing done, all kept).
 *
 * <p>Threading: one per write call.
 */
public final class BatchResult {
    private final int size;
    private final BitSet accepted = new BitSet();
    private final BitSet rejected = new BitSet();
    private String failure;

    public BatchResult(int size) {
        this.size = size;
    }

    public void accept(Collection<Integer> indices) {
        indices.forEach(accepted::set);
    }

    public void accept(int index) {
        accepted.set(index);
    }

    public void reject(Collection<Integer> indices) {
        indices.forEach(rejected::set);
    }

    public void reject(int index) {
        rejected.set(index);
    }

    /** Records why the rest of the batch was not written (the first reason wins). */
    public void fail(String message) {
        if (failure == null) {
            failure = message;
        }
    }

    public boolean failed() {
        return failure != null;
    }

    /** Whether some metric was accepted or rejected. */
    public boolean anyDone() {
        return !accepted.isEmpty() || !rejected.isEmpty();
    }

    /** Why the rest of the batch was not written, or null. */
    public String failure() {
        return failure;
    }

    /**
     * Ends the write call; the exception message goes through {@code redactor}.
     *
     * @throws PartialWriteException when only part of the batch was settled or some was rejected
     * @throws IOException when nothing was settled
     */
    public void finish(Redactor redactor) throws PartialWriteException, IOException {
        BitSet settled = (BitSet) accepted.clone();
        settled.or(rejected);
        boolean complete = settled.cardinality() == size;
        if (complete && rejected.isEmpty()) {
            return;
        }
        if (!complete && settled.isEmpty()) {
            throw new IOException(redactor.redact(failure == null ? "nothing was written" : failure));
        }
        String message = complete
                ? rejected.cardinality() + " of " + size + " metrics were rejected and dropped"
                : (failure == null ? "write incomplete" : failure) + " (" + accepted.cardinality() + " written, "
                        + rejected.cardinality() + " dropped, " + (size - settled.cardinality()) + " kept for retry)";
        throw new PartialWriteException(redactor.redact(message), accepted.stream().toArray(), rejected.stream().toArray());
    }
}
