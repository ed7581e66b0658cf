package io.jtelegraf.agent.runtime;

import io.jtelegraf.spi.Logger;
import java.time.Duration;

/**
 * Connects outputs with Telegraf's rule (spec 4.1): on failure log an error, wait 15 s, retry
 * once; a second failure aborts the start.
 */
final class OutputConnector {
    private final EngineClock clock;
    private final Logger agentLogger;
    private final Duration retryDelay;

    OutputConnector(EngineClock clock, Logger agentLogger, Duration retryDelay) {
        this.clock = clock;
        this.agentLogger = agentLogger;
        this.retryDelay = retryDelay;
    }

    /**
     * Connects every output in order.
     *
     * @param cancel signalled when the agent is stopped during the retry wait
     * @return false when stopped while waiting to retry
     */
    boolean connectAll(Iterable<RunningOutput> outputs, Wakeup cancel) throws AgentRunException, InterruptedException {
        for (RunningOutput output : outputs) {
            if (!connect(output, cancel)) {
                return false;
            }
        }
        return true;
    }

    private boolean connect(RunningOutput output, Wakeup cancel) throws AgentRunException, InterruptedException {
        agentLogger.debug("Attempting connection to [" + output.logName() + "]");
        try {
            output.connect();
        } catch (Exception first) {
            agentLogger.error("Failed to connect to [" + output.logName() + "], retrying in "
                    + GoDurations.format(retryDelay) + ", error was " + Agent.quote(RunningInput.describe(first)));
            if (!clock.awaitUntil(clock.nowNanos() + retryDelay.toNanos(), cancel)) {
                return false;
            }
            try {
                output.connect();
            } catch (Exception second) {
                output.stats().startupFailed();
                throw new AgentRunException("error connecting to output " + Agent.quote(output.logName()) + ": "
                        + RunningInput.describe(second), second);
            }
        }
        agentLogger.debug("Successfully connected to " + output.logName());
        return true;
    }
}
