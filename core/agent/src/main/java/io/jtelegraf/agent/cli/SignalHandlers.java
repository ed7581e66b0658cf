package io.jtelegraf.agent.cli;

import io.jtelegraf.agent.runtime.Agent;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * Telegraf's signals: SIGINT and SIGTERM stop the agent (final flush, exit 0), SIGHUP stops it
 * for a reload. Handled with {@link Signal} rather than a shutdown hook, because a hook runs
 * while the JVM is already exiting and could neither finish the final flush in order nor let
 * SIGHUP start a new agent.
 */
final class SignalHandlers {
    private final AtomicReference<Agent> current = new AtomicReference<>();
    private final AtomicBoolean reload = new AtomicBoolean();

    private SignalHandlers() {
    }

    static SignalHandlers install() {
        SignalHandlers handlers = new SignalHandlers();
        Signal.handle(new Signal("INT"), signal -> handlers.stop(false));
        Signal.handle(new Signal("TERM"), signal -> handlers.stop(false));
        Signal.handle(new Signal("HUP"), signal -> handlers.stop(true));
        return handlers;
    }

    /** The agent the next signal stops. */
    void attach(Agent agent) {
        reload.set(false);
        current.set(agent);
    }

    /** Whether the last stop was a SIGHUP. */
    boolean reloadRequested() {
        return reload.get();
    }

    private void stop(boolean forReload) {
        reload.set(forReload);
        Agent agent = current.get();
        if (agent != null) {
            agent.stop();
        }
    }
}
