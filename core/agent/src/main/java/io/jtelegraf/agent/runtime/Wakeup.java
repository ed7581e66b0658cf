package io.jtelegraf.agent.runtime;

/**
 * A "something changed, look again" flag that ends an {@link EngineClock#awaitUntil} early: a
 * gather finished, a batch is ready, or the agent is stopping. The waiter checks its own state
 * after waking, so one flag serves every reason.
 *
 * <p>Threading: {@link #signal} from any thread; one thread waits on it.
 */
public final class Wakeup {
    private boolean signalled;

    /** Wakes the waiting thread, or makes its next wait return at once. */
    public synchronized void signal() {
        signalled = true;
        notifyAll();
    }

    /** Whether a signal is pending (not yet consumed by a wait). */
    public synchronized boolean isSignalled() {
        return signalled;
    }

    /** Returns and clears the pending signal; called with this object's monitor held by clocks. */
    boolean consume() {
        boolean was = signalled;
        signalled = false;
        return was;
    }
}
