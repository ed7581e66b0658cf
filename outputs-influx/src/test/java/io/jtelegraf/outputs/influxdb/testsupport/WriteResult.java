package io.jtelegraf.outputs.influxdb.testsupport;

import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.Output;
import io.jtelegraf.spi.PartialWriteException;
import java.util.Arrays;
import java.util.List;

/**
 * What an output's write did with a batch, in the runtime's terms (spec 4.5): returned normally
 * (all accepted), partial (accepted/rejected indices, the rest kept), or failed (all kept).
 *
 * @param returnedNormally write returned without an exception
 * @param accepted indices accepted (all, on a normal return)
 * @param rejected indices dropped for good
 * @param error the exception thrown, or null
 */
public record WriteResult(boolean returnedNormally, int[] accepted, int[] rejected, Exception error) {

    public static WriteResult of(Output output, List<Metric> batch) {
        try {
            output.write(batch);
            int[] all = new int[batch.size()];
            Arrays.setAll(all, i -> i);
            return new WriteResult(true, all, new int[0], null);
        } catch (PartialWriteException e) {
            return new WriteResult(false, e.accepted(), e.rejected(), e);
        } catch (Exception e) {
            return new WriteResult(false, new int[0], new int[0], e);
        }
    }

    /** The whole batch stays buffered for a retry. */
    public boolean keptAll() {
        return !returnedNormally && accepted.length == 0 && rejected.length == 0;
    }

    /** Every metric was dropped for good as rejected. */
    public boolean rejectedAll(int size) {
        return !returnedNormally && rejected.length == size && accepted.length == 0;
    }

    public String message() {
        return error == null ? "" : error.getMessage();
    }
}
