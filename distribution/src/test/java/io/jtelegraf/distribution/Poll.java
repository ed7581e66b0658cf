package io.jtelegraf.distribution;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Deadline-bounded polling for the fault tests: waits for a condition instead of sleeping. */
final class Poll {
    private static final Duration STEP = Duration.ofMillis(100);

    private Poll() {
    }

    /**
     * Checks {@code condition} until it holds; fails naming {@code what} when {@code timeout}
     * passes first.
     */
    static void until(Duration timeout, String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(STEP.toMillis());
        }
    }
}
