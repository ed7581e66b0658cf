package io.jtelegraf.agent.cli;

/** A run that ended in an error Telegraf reports with exit code 1, such as gather errors in --test. */
public final class AgentFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AgentFailure(String message) {
        super(message);
    }
}
