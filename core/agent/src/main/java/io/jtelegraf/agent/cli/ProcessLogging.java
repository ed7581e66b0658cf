package io.jtelegraf.agent.cli;

import io.jtelegraf.agent.config.LoadedConfig;
import io.jtelegraf.agent.logging.AgentLogging;
import io.jtelegraf.agent.logging.LogSettings;
import java.io.UncheckedIOException;

/**
 * Sets up the process's logging from the loaded {@code [agent]} table and the {@code --debug} /
 * {@code --quiet} flags, for a run and for {@code config check} alike.
 */
final class ProcessLogging {
    private ProcessLogging() {
    }

    /**
     * @throws AgentFailure when the {@code logfile} cannot be opened, with the file and the reason
     *     (an operator's mistake, reported in one line rather than as a stack trace)
     */
    static AgentLogging start(LoadedConfig config, RunOptions options) {
        try {
            return AgentLogging.configure(LogSettings.of(config.agent(), options.debug, options.quiet));
        } catch (UncheckedIOException e) {
            throw new AgentFailure(e.getMessage());
        }
    }
}
