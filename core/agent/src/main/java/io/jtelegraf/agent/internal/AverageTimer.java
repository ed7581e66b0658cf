package io.jtelegraf.agent.internal;

/**
 * The average of the durations recorded since the last read, as Telegraf's timing statistic:
 * reading returns the average and starts over; with nothing recorded it reads 0.
 *
 * <p>Threading: safe from any thread (a short lock keeps sum and count consistent).
 */
public final class AverageTimer {
    private long sumNanos;
    private long count;

    /** Records one duration in nanoseconds. */
    public synchronized void record(long nanos) {
        sumNanos += nanos;
        count++;
    }

    /** The average since the last call, then resets. */
    public synchronized long averageAndReset() {
        if (count == 0) {
            return 0;
        }
        long average = sumNanos / count;
        sumNanos = 0;
        count = 0;
        return average;
    }
}
