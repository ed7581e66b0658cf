package io.jtelegraf.agent.runtime;

import io.jtelegraf.spi.Logger;
import io.jtelegraf.spi.ServiceInput;
import java.util.ArrayList;
import java.util.List;

/** Starts and stops the service inputs of a run, remembering which ones started. */
final class ServiceInputs {
    private final List<RunningInput> inputs;
    private final Logger agentLogger;
    private final List<RunningInput> started = new ArrayList<>();

    ServiceInputs(List<RunningInput> inputs, Logger agentLogger) {
        this.inputs = inputs;
        this.agentLogger = agentLogger;
    }

    /**
     * Calls {@code start} on every service input.
     *
     * @param failFast true in a normal run (a failure aborts start-up); in test and once mode a
     *     failure is only logged, as Telegraf does
     */
    void start(MetricSink sink, boolean testOrOnce, boolean failFast) throws AgentRunException {
        for (RunningInput input : inputs) {
            if (!input.isService()) {
                continue;
            }
            try {
                ((ServiceInput) input.plugin()).start(input.serviceAccumulator(sink, testOrOnce));
                started.add(input);
            } catch (Exception e) {
                input.stats().startupFailed();
                String message = "starting input " + input.logName() + ": " + RunningInput.describe(e);
                if (failFast) {
                    throw new AgentRunException(message, e);
                }
                agentLogger.error(message);
            }
        }
    }

    /** Stops the started service inputs in reverse order; each drains its metrics first. */
    void stop() {
        for (int i = started.size() - 1; i >= 0; i--) {
            RunningInput input = started.get(i);
            try {
                ((ServiceInput) input.plugin()).stop();
            } catch (RuntimeException e) {
                agentLogger.error("stopping input " + input.logName() + ": " + RunningInput.describe(e));
            }
        }
        started.clear();
    }
}
