package io.jtelegraf.agent.cli;

import io.jtelegraf.agent.runtime.Agent;
import io.jtelegraf.spi.Logger;
import sun.misc.Signal;

/**
 * Telegraf's signals: SIGINT and SIGTERM stop the agent (final flush, exit 0), SIGHUP stops it
 * for a reload. Handled with {@link Signal} rather than a shutdown hook, because a hook runs
 * while the JVM is already exiting and could neither finish the final flush in order nor let
 * SIGHUP start a new agent.
 *
 * <p>A signal that arrives while no agent is running (the configuration is being read or the
 * plugins created) is remembered and stops the next agent as soon as it is attached, so an
 * early SIGTERM is never lost. A stop is final: a SIGHUP after a SIGTERM does not turn the
 * shutdown into a reload, while a SIGTERM after a SIGHUP does turn the reload into a shutdown.
 *
 * <p>Threading: the JVM runs each handler on a thread of its own; all state is guarded by
 * {@code this}.
 */
final class SignalHandlers {
    private enum Request { NONE, RELOAD, STOP }

    private Agent current;
    private Logger logger;
    private Request pending = Request.NONE;

    SignalHandlers() {
    }

    static SignalHandlers install() {
        SignalHandlers handlers = new SignalHandlers();
        Signal.handle(new Signal("INT"), signal -> handlers.requestStop());
        Signal.handle(new Signal("TERM"), signal -> handlers.requestStop());
        Signal.handle(new Signal("HUP"), signal -> handlers.requestReload());
        return handlers;
    }

    /** The agent the next signal stops; stopped at once when a signal came in before it. */
    synchronized void attach(Agent agent, Logger agentLogger) {
        current = agent;
        logger = agentLogger;
        if (pending != Request.NONE) {
            agent.stop();
        }
    }

    /**
     * Called once the attached agent has stopped: whether it stopped for a reload. Clears the
     * request, so a signal during the reload counts for the next agent.
     */
    synchronized boolean takeReloadRequest() {
        boolean reload = pending == Request.RELOAD;
        current = null;
        if (reload) {
            pending = Request.NONE;
        }
        return reload;
    }

    /** SIGINT, SIGTERM. */
    synchronized void requestStop() {
        pending = Request.STOP;
        if (current != null) {
            current.stop();
        }
    }

    /** SIGHUP: Telegraf logs the reload first, then shuts the agent down with its final flush. */
    synchronized void requestReload() {
        if (pending == Request.STOP) {
            return;
        }
        pending = Request.RELOAD;
        if (logger != null) {
            logger.info("Reloading jtelegraf config");
        }
        if (current != null) {
            current.stop();
        }
    }
}
