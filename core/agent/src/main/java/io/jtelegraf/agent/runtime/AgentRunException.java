package io.jtelegraf.agent.runtime;

/**
 * An error that ends an agent run and makes the process exit with code 1 (spec 3): an output
 * that cannot connect, a service input that cannot start, or in {@code --test}/{@code --once}
 * "input plugins recorded N errors" and "output plugins unable to send N metrics". The message
 * is ready to print after {@code E! }.
 */
public final class AgentRunException extends Exception {
    private static final long serialVersionUID = 1L;

    public AgentRunException(String message) {
        super(message);
    }

    public AgentRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
